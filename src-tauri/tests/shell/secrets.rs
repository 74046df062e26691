//! The token never crosses IPC toward the window: no type a command returns or an event carries
//! has a field that could hold it. The window sends it once, as `sign_in`'s argument, and that is
//! the only place the word appears in the bindings.

use std::path::Path;

const SUSPICIOUS: &[&str] = &[
    "token",
    "secret",
    "password",
    "authorization",
    "bearer",
    "credential",
];

fn bindings() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(ik_desk_lib::bindings::BINDINGS_PATH);
    std::fs::read_to_string(path).unwrap()
}

/// Field names of every `export type X = { … }` in the generated file.
fn type_fields(source: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for block in source.split("export type ").skip(1) {
        let name = block
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned();
        let Some(body) = block.split_once('{').map(|(_, b)| b) else {
            continue;
        };
        let body = body.split("};").next().unwrap_or_default();
        for line in body.lines() {
            let line = line.trim();
            if line.starts_with("/*") || line.starts_with('*') || line.starts_with("//") {
                continue;
            }
            if let Some((field, _)) = line.split_once(':') {
                out.push((name.clone(), field.trim().trim_end_matches('?').to_owned()));
            }
        }
    }
    out
}

#[test]
fn no_ipc_type_has_a_field_that_could_carry_the_token() {
    let source = bindings();
    let fields = type_fields(&source);
    assert!(
        fields.len() > 20,
        "the bindings were not parsed: {} fields",
        fields.len()
    );
    for (ty, field) in fields {
        let lower = field.to_ascii_lowercase();
        // `tokenRefused` is a flag, not a token.
        if lower == "tokenrefused" {
            continue;
        }
        for word in SUSPICIOUS {
            assert!(
                !lower.contains(word),
                "{ty}.{field} could carry a secret to the window"
            );
        }
    }
}

#[test]
fn the_token_only_travels_from_the_window_into_sign_in() {
    let source = bindings();
    let commands = source.split("/** Events */").next().unwrap();
    let code = |l: &&str| !(l.trim_start().starts_with('*') || l.trim_start().starts_with("/*"));
    let mentions: Vec<&str> = commands
        .lines()
        .filter(code)
        .filter(|l| l.contains("token"))
        .collect();
    assert!(
        mentions
            .iter()
            .all(|l| l.contains("signIn: (token: string")),
        "a command other than signIn mentions a token: {mentions:#?}"
    );
    assert!(
        mentions
            .iter()
            .any(|l| l.contains("signIn: (token: string"))
    );
}
