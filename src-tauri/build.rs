// Declaring the app's commands makes Tauri generate one `allow-<command>` permission for each, so
// the capability file grants exactly these and nothing else (see capabilities/default.json).
fn main() {
    let manifest = tauri_build::AppManifest::new().commands(ik_desk_commands());
    let attributes = tauri_build::Attributes::new().app_manifest(manifest);
    if let Err(e) = tauri_build::try_build(attributes) {
        // A build script can only report by failing; the message names what is wrong.
        println!("cargo::error={e:#}");
    }
}

/// Keep in step with `collect_commands!` in src/bindings.rs; a test compares the two.
fn ik_desk_commands() -> &'static [&'static str] {
    &[
        "session",
        "start_demo",
        "me",
        "organisations",
        "open_manager",
        "sign_in",
        "switch_profile",
        "sign_out",
        "forget_profile",
        "diagnostics",
        "check_now",
        "about",
        "diagnostics_report",
        "activity",
        "users",
        "invite_user",
        "cancel_invitation",
        "change_role",
        "remove_members",
        "export_csv",
        "leave_organisation",
        "set_member_settings",
        "update_invitation",
        "products_reachable",
        "preview_invitation_file",
        "send_invitations",
        "stop_invitations",
        "teams",
        "create_team",
        "update_team",
        "team_services",
        "delete_team",
        "add_team_members",
        "remove_team_members",
        "support_accesses",
        "set_support_access",
        "products",
        "set_auto_renew",
        "save_renewals_calendar",
        "renewal_costs",
        "checkup",
        "invoices",
        "prepaid_history",
        "save_invoice_as",
        "open_invoice",
        "save_invoice_year",
        "reminder_settings",
        "set_reminder_settings",
        "set_locale",
        "system_locale",
        "start_at_login",
        "set_start_at_login",
    ]
}
