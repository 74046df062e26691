//! The committed TypeScript bindings must be exactly what the commands generate.
//! `make bindings` (UPDATE_BINDINGS=1) rewrites them.

use std::path::PathBuf;

#[test]
fn committed_bindings_are_up_to_date() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let committed_path = crate_dir.join(ik_desk_lib::bindings::BINDINGS_PATH);
    let fresh_dir = tempfile_dir();
    let fresh_path = fresh_dir.join("bindings.ts");
    ik_desk_lib::bindings::export(&fresh_path).expect("bindings export");
    let fresh = std::fs::read_to_string(&fresh_path).unwrap();
    // Each run has its own folder (its process id): leave none behind.
    std::fs::remove_dir_all(&fresh_dir).unwrap();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed_path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings.ts is stale: run `make bindings` and commit the result"
    );
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ik-desk-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
