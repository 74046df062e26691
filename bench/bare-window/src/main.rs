//! A bare Tauri window showing one static line: what any Tauri app costs before its own code runs.

fn main() -> std::process::ExitCode {
    match tauri::Builder::default().run(tauri::generate_context!()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bare-window: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
