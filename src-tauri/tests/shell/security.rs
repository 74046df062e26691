//! The webview's security settings, read from the configuration: loosening any of them fails here.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn crate_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn json(rel: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(crate_file(rel)).unwrap()).unwrap()
}

fn csp_directives() -> Vec<(String, Vec<String>)> {
    let conf = json("tauri.conf.json");
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("the CSP is set, as an object");
    csp.iter()
        .map(|(k, v)| {
            let sources = v
                .as_str()
                .unwrap()
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            (k.clone(), sources)
        })
        .collect()
}

#[test]
fn csp_allows_only_the_app_itself_and_ipc() {
    let directives = csp_directives();
    let default = directives
        .iter()
        .find(|(k, _)| k == "default-src")
        .expect("default-src");
    assert_eq!(default.1, vec!["'self'"]);
    // Local IPC schemes and inline data images; no remote origin, no eval, no inline code.
    let allowed: BTreeSet<&str> = ["'self'", "'none'", "ipc:", "http://ipc.localhost", "data:"]
        .into_iter()
        .collect();
    for (directive, sources) in &directives {
        for source in sources {
            assert!(
                allowed.contains(source.as_str()),
                "CSP {directive} allows {source}: the webview must load nothing remote or inline"
            );
        }
    }
    let dangerous = json("tauri.conf.json");
    let security = &dangerous["app"]["security"];
    assert!(
        security
            .get("dangerousDisableAssetCspModification")
            .is_none()
    );
    assert!(security.get("dangerousRemoteDomainIpcAccess").is_none());
    assert_eq!(security["freezePrototype"], Value::Bool(true));
    assert_eq!(dangerous["app"]["withGlobalTauri"], Value::Bool(false));
}

#[test]
fn windows_load_only_the_bundled_ui() {
    let conf = json("tauri.conf.json");
    for window in conf["app"]["windows"].as_array().unwrap() {
        assert!(
            window
                .get("url")
                .is_none_or(|u| !u.as_str().unwrap_or("").contains("://"))
        );
    }
    assert_eq!(conf["build"]["frontendDist"], "../ui/dist");
}

/// The commands the UI can call, as the generated bindings invoke them.
fn invoked_commands() -> BTreeSet<String> {
    let bindings =
        std::fs::read_to_string(crate_file(ik_desk_lib::bindings::BINDINGS_PATH)).unwrap();
    // `__TAURI_INVOKE("name"` for commands that answer a Result, `__TAURI_INVOKE<T>("name"` for
    // those that cannot fail.
    bindings
        .split("__TAURI_INVOKE")
        .skip(1)
        .filter_map(|rest| {
            let rest = match rest.strip_prefix('<') {
                Some(generic) => generic.split_once('>')?.1,
                None => rest,
            };
            rest.strip_prefix("(\"")?
                .split('"')
                .next()
                .map(str::to_owned)
        })
        .collect()
}

#[test]
fn capabilities_grant_exactly_the_apps_commands_and_event_listening() {
    let cap = json("capabilities/default.json");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(
        cap.get("remote").is_none(),
        "no remote origin may reach IPC"
    );
    let granted: BTreeSet<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .expect("plain permission names, no scopes")
                .to_owned()
        })
        .collect();
    let mut expected: BTreeSet<String> = invoked_commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert!(!expected.is_empty(), "no command found in the bindings");
    expected.insert("core:event:allow-listen".into());
    expected.insert("core:event:allow-unlisten".into());
    // The theme chosen in Settings also colours the window's own frame.
    expected.insert("core:window:allow-set-theme".into());
    assert_eq!(granted, expected);

    let build_rs = std::fs::read_to_string(crate_file("build.rs")).unwrap();
    for command in invoked_commands() {
        assert!(
            build_rs.contains(&format!("\"{command}\"")),
            "{command} is missing from build.rs"
        );
    }
}
