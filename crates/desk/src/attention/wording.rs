//! What the tray and the notifications say, in the app's languages. The window's text lives in
//! the UI's dictionaries; these few sentences are shown by the desktop itself, so the core words
//! them, in the language the window last told it.

use crate::clock::date_of;
use crate::reminders::{Notification, Reminder, ReminderKind};
use crate::settings::Locale;
use crate::support_access::SupportContent;

const DAY: i64 = 24 * 60 * 60;
const DIGEST_LINES: usize = 5;

/// A day as people write it, in the user's time zone.
pub fn date(locale: Locale, unix: i64, utc_offset_secs: i32) -> String {
    let (y, m, d) = date_of(unix + i64::from(utc_offset_secs));
    let index = usize::try_from(m.saturating_sub(1)).unwrap_or(0).min(11);
    match locale {
        Locale::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            format!("{d} {} {y}", MONTHS[index])
        }
        Locale::Fr => {
            const MONTHS: [&str; 12] = [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                "nov.", "déc.",
            ];
            format!("{d} {} {y}", MONTHS[index])
        }
    }
}

/// "in 3 days", "tomorrow", "today", "expired 2 days ago": how far an expiry is, in whole days.
pub fn when(locale: Locale, now: i64, expires_at: i64) -> String {
    let days = (expires_at - now).div_euclid(DAY);
    match (locale, days) {
        (Locale::En, 0) => "today".into(),
        (Locale::En, 1) => "tomorrow".into(),
        (Locale::En, d) if d > 1 => format!("in {d} days"),
        (Locale::En, -1) => "expired yesterday".into(),
        (Locale::En, d) => format!("expired {} days ago", -d),
        (Locale::Fr, 0) => "aujourd’hui".into(),
        (Locale::Fr, 1) => "demain".into(),
        (Locale::Fr, d) if d > 1 => format!("dans {d} jours"),
        (Locale::Fr, -1) => "expiré hier".into(),
        (Locale::Fr, d) => format!("expiré depuis {} jours", -d),
    }
}

fn where_(r: &Reminder) -> String {
    r.organisation.as_ref().map_or_else(
        || r.product_name.clone(),
        |o| format!("{} ({o})", r.product_name),
    )
}

/// The title and body of a renewal notification.
pub fn renewal(
    locale: Locale,
    n: &Notification,
    now: i64,
    utc_offset_secs: i32,
) -> (String, String) {
    match n {
        Notification::Single { reminder } => single(locale, reminder, now, utc_offset_secs),
        Notification::Digest {
            reminders,
            catch_up,
        } => {
            let count = reminders.len();
            let title = match (locale, catch_up) {
                (Locale::En, false) => format!("{count} renewals need your attention"),
                (Locale::En, true) => {
                    format!("{count} renewals came due while IK Desk was not running")
                }
                (Locale::Fr, false) => format!("{count} renouvellements demandent votre attention"),
                (Locale::Fr, true) => {
                    format!(
                        "{count} renouvellements sont arrivés à échéance pendant l’absence d’IK Desk"
                    )
                }
            };
            let mut lines: Vec<String> = reminders
                .iter()
                .take(DIGEST_LINES)
                .map(|r| format!("{} — {}", where_(r), when(locale, now, r.expires_at)))
                .collect();
            if count > DIGEST_LINES {
                let more = count - DIGEST_LINES;
                lines.push(match locale {
                    Locale::En => format!("and {more} more"),
                    Locale::Fr => format!("et {more} de plus"),
                });
            }
            (title, lines.join("\n"))
        }
    }
}

fn single(locale: Locale, r: &Reminder, now: i64, offset: i32) -> (String, String) {
    let name = &r.product_name;
    let on = date(locale, r.expires_at, offset);
    let place = r.organisation.clone().unwrap_or_default();
    let lead = |s: String| {
        if place.is_empty() {
            s
        } else {
            format!("{place}. {s}")
        }
    };
    match (locale, r.kind) {
        (Locale::En, ReminderKind::Upcoming) => (
            format!("{name} expires {}", when(locale, now, r.expires_at)),
            lead(format!(
                "It expires on {on}. Renew it, or switch on automatic renewal."
            )),
        ),
        (Locale::Fr, ReminderKind::Upcoming) => (
            format!("{name} expire {}", when(locale, now, r.expires_at)),
            lead(format!(
                "Il expire le {on}. Renouvelez-le, ou activez le renouvellement automatique."
            )),
        ),
        (Locale::En, ReminderKind::FirstPaymentToday) => (
            format!("{name}: the first payment attempt is today"),
            lead(format!("Automatic renewal is on; {name} expires on {on}.")),
        ),
        (Locale::Fr, ReminderKind::FirstPaymentToday) => (
            format!("{name} : premier essai de paiement aujourd’hui"),
            lead(format!(
                "Le renouvellement automatique est activé ; {name} expire le {on}."
            )),
        ),
        (Locale::En, ReminderKind::RenewManually) => (
            format!("{name} expires in 14 days"),
            lead(format!(
                "Automatic renewal can no longer be switched on: renew it manually before {on}."
            )),
        ),
        (Locale::Fr, ReminderKind::RenewManually) => (
            format!("{name} expire dans 14 jours"),
            lead(format!(
                "Le renouvellement automatique ne peut plus être activé : renouvelez-le manuellement avant le {on}."
            )),
        ),
        (Locale::En, ReminderKind::ExpiresToday) if r.expires_at > now => (
            format!("{name} expires today"),
            lead("Renew it today so that it is not blocked.".into()),
        ),
        (Locale::Fr, ReminderKind::ExpiresToday) if r.expires_at > now => (
            format!("{name} expire aujourd’hui"),
            lead("Renouvelez-le aujourd’hui pour qu’il ne soit pas bloqué.".into()),
        ),
        (Locale::En, ReminderKind::ExpiresToday) => (
            format!("{name} has expired"),
            lead(format!(
                "It expired on {on}. Renew it before it is blocked."
            )),
        ),
        (Locale::Fr, ReminderKind::ExpiresToday) => (
            format!("{name} a expiré"),
            lead(format!(
                "Il a expiré le {on}. Renouvelez-le avant qu’il soit bloqué."
            )),
        ),
    }
}

/// The title and body of a support-access notice.
pub fn support(
    locale: Locale,
    content: SupportContent,
    ended: bool,
    expires_at: i64,
    utc_offset_secs: i32,
) -> (String, String) {
    let c = content.label();
    let on = date(locale, expires_at, utc_offset_secs);
    match (locale, ended) {
        (Locale::En, false) => (
            format!("Support access to {c} ends tomorrow"),
            format!(
                "Infomaniak support can read your {c} content until {on}. Revoke it now if your request is solved."
            ),
        ),
        (Locale::Fr, false) => (
            format!("L’accès du support à {c} se termine demain"),
            format!(
                "Le support d’Infomaniak peut lire votre contenu {c} jusqu’au {on}. Révoquez-le dès maintenant si votre demande est résolue."
            ),
        ),
        (Locale::En, true) => (
            format!("Support access to {c} has ended"),
            format!(
                "Infomaniak support can no longer read your {c} content. Grant it again from IK Desk if they still need it."
            ),
        ),
        (Locale::Fr, true) => (
            format!("L’accès du support à {c} est terminé"),
            format!(
                "Le support d’Infomaniak ne peut plus lire votre contenu {c}. Accordez-le à nouveau depuis IK Desk s’il en a encore besoin."
            ),
        ),
    }
}

/// The fixed words of the tray menu and the notifications.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub next_renewals: &'static str,
    pub no_renewal: &'static str,
    pub support_open: &'static str,
    pub open_app: &'static str,
    pub refresh_now: &'static str,
    pub pause_today: &'static str,
    pub paused_resume: &'static str,
    pub quit: &'static str,
    pub needs_attention: &'static str,
    pub open: &'static str,
    pub revoke: &'static str,
    pub still_running_title: &'static str,
    pub still_running_body: &'static str,
    pub confirm_revoke_title: &'static str,
    /// `{content}`: Mail, kDrive or kChat.
    pub confirm_revoke_body: &'static str,
    pub cancel: &'static str,
    pub revoke_failed: &'static str,
}

/// The fixed words in `locale`.
pub fn words(locale: Locale) -> Words {
    match locale {
        Locale::En => Words {
            next_renewals: "Next renewals",
            no_renewal: "No renewal in the next 60 days",
            support_open: "Support access open: {content} — revoke",
            open_app: "Open IK Desk",
            refresh_now: "Refresh now",
            pause_today: "Pause reminders for today",
            paused_resume: "Reminders paused for today — resume",
            quit: "Quit",
            needs_attention: "IK Desk — {count} need attention",
            open: "Open",
            revoke: "Revoke access",
            still_running_title: "IK Desk is still running",
            still_running_body: "It stays in the tray to remind you before anything expires. Open it again from the tray, or by starting IK Desk again; quit it from the tray menu.",
            confirm_revoke_title: "Revoke support access?",
            confirm_revoke_body: "Infomaniak support will no longer be able to read your {content} content. You can grant it again at any time.",
            cancel: "Cancel",
            revoke_failed: "Support access could not be revoked",
        },
        Locale::Fr => Words {
            next_renewals: "Prochains renouvellements",
            no_renewal: "Aucun renouvellement dans les 60 prochains jours",
            support_open: "Accès du support ouvert : {content} — révoquer",
            open_app: "Ouvrir IK Desk",
            refresh_now: "Actualiser maintenant",
            pause_today: "Suspendre les rappels pour aujourd’hui",
            paused_resume: "Rappels suspendus pour aujourd’hui — reprendre",
            quit: "Quitter",
            needs_attention: "IK Desk — {count} à traiter",
            open: "Ouvrir",
            revoke: "Révoquer l’accès",
            still_running_title: "IK Desk fonctionne toujours",
            still_running_body: "Il reste dans la zone de notification pour vous prévenir avant toute expiration. Rouvrez-le depuis cette zone ou en relançant IK Desk ; quittez-le depuis son menu.",
            confirm_revoke_title: "Révoquer l’accès du support ?",
            confirm_revoke_body: "Le support d’Infomaniak ne pourra plus lire votre contenu {content}. Vous pourrez l’accorder à nouveau à tout moment.",
            cancel: "Annuler",
            revoke_failed: "L’accès du support n’a pas pu être révoqué",
        },
    }
}
