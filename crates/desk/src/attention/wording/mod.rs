//! What the tray, the notifications and the native dialogs say, in the app's five languages. The
//! window's text lives in the UI's dictionaries; these sentences are shown by the desktop itself,
//! so the core words them, in the language the window last told it.
//!
//! Each language is one [`Messages`] table (a file per language): a struct literal, so the
//! compiler refuses a language that lacks a message, and a test refuses one whose message lacks
//! or adds a placeholder. The vocabulary is the UI dictionaries' (ui/src/lib/i18n/), so that the
//! tray and the window agree.

mod de;
mod en;
mod es;
mod fr;
mod it;

use crate::clock::date_of;
use crate::reminders::{Notification, Reminder, ReminderKind};
use crate::settings::Locale;
use crate::support_access::SupportContent;
use crate::{Error, ErrorCode};
use serde::Serialize;

const DAY: i64 = 24 * 60 * 60;
const DIGEST_LINES: usize = 5;

/// A sentence that changes with a count: the form for one, and the form for any other count.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form for `count` in `locale` (CLDR's cardinal rule for whole numbers: French counts 0
    /// as "one", the other four languages only 1).
    pub fn pick(&self, locale: Locale, count: usize) -> &'static str {
        let one = match locale {
            Locale::Fr => count <= 1,
            Locale::En | Locale::De | Locale::It | Locale::Es => count == 1,
        };
        if one { self.one } else { self.other }
    }
}

/// The fixed words of the tray menu, the notifications' buttons and the native dialogs.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Words {
    pub next_renewals: &'static str,
    pub no_renewal: &'static str,
    /// `{content}`: Mail, kDrive or kChat.
    pub support_open: &'static str,
    pub open_app: &'static str,
    pub refresh_now: &'static str,
    pub pause_today: &'static str,
    pub paused_resume: &'static str,
    pub quit: &'static str,
    /// `{count}`: renewals and open support accesses that need a look.
    pub needs_attention: Plural,
    pub open: &'static str,
    pub revoke: &'static str,
    pub still_running_title: &'static str,
    pub still_running_body: &'static str,
    pub confirm_revoke_title: &'static str,
    /// `{content}`: Mail, kDrive or kChat.
    pub confirm_revoke_body: &'static str,
    pub cancel: &'static str,
    pub revoke_failed: &'static str,
    /// What to do next; the technical detail follows it.
    pub revoke_failed_body: &'static str,
}

/// Every sentence of one language. Placeholders are `{name}` in braces.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Messages {
    /// Abbreviated month names, January first.
    pub months: [&'static str; 12],
    /// `{day}`, `{month}` (one of `months`), `{year}`.
    pub date: &'static str,
    pub today: &'static str,
    pub tomorrow: &'static str,
    /// `{days}`: always more than one.
    pub in_days: &'static str,
    pub expired_yesterday: &'static str,
    /// `{days}`: always more than one.
    pub expired_days_ago: &'static str,
    /// `{name}`, `{when}` (one of the five above).
    pub upcoming_title: &'static str,
    /// `{date}`.
    pub upcoming_body: &'static str,
    pub first_payment_title: &'static str,
    /// `{name}`, `{date}`.
    pub first_payment_body: &'static str,
    pub renew_manually_title: &'static str,
    /// `{date}`.
    pub renew_manually_body: &'static str,
    pub expires_today_title: &'static str,
    pub expires_today_body: &'static str,
    pub expired_title: &'static str,
    /// `{date}`.
    pub expired_body: &'static str,
    /// `{organisation}`, `{text}`: a notification's body that names the organisation first.
    pub in_organisation: &'static str,
    /// `{product}`, `{organisation}`.
    pub product_of: &'static str,
    /// `{count}`.
    pub digest_title: Plural,
    /// `{count}`.
    pub digest_catch_up_title: Plural,
    /// `{product}`, `{when}`.
    pub digest_line: &'static str,
    /// `{count}`: the renewals left out of the digest.
    pub digest_more: Plural,
    /// `{content}`.
    pub support_ends_title: &'static str,
    /// `{content}`, `{date}`.
    pub support_ends_body: &'static str,
    /// `{content}`.
    pub support_ended_title: &'static str,
    /// `{content}`.
    pub support_ended_body: &'static str,
    pub cli: Cli,
    pub failures: Failures,
    pub words: Words,
}

/// What the command line answers, before any window: `--help`, a wrong flag, no display.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Cli {
    /// The flags themselves stay as typed; only their descriptions are translated.
    pub usage: &'static str,
    /// `{option}`: the flag as typed.
    pub unknown_option: &'static str,
    pub api_base_needs_url: &'static str,
    pub no_display: &'static str,
}

/// Why something failed, in a sentence a person understands: one per [`ErrorCode`], the same
/// wording as the window's (`errors` in the UI dictionaries). Shown where the desktop speaks for
/// the app (a native dialog), so never the core's technical detail, which is English.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Failures {
    pub auth_expired: &'static str,
    /// `{scope}`: the permission the token lacks, as the API names it.
    pub missing_scope: &'static str,
    pub rate_limited: &'static str,
    pub not_found: &'static str,
    pub validation: &'static str,
    pub network: &'static str,
    pub keyring_unavailable: &'static str,
    pub not_supported_by_api: &'static str,
    pub server_error: &'static str,
    pub bad_response: &'static str,
    pub not_allowed: &'static str,
    pub outcome_unknown: &'static str,
    pub nothing_changed: &'static str,
    pub unknown: &'static str,
}

/// Why `error` happened, worded in `locale`.
pub fn failure(locale: Locale, error: &Error) -> String {
    let f = &messages(locale).failures;
    let sentence = match error.code() {
        ErrorCode::AuthExpired => f.auth_expired,
        ErrorCode::MissingScope => {
            return error.scope().map_or_else(
                || f.unknown.to_owned(),
                |scope| fill(f.missing_scope, &[("scope", scope)]),
            );
        }
        ErrorCode::RateLimited => f.rate_limited,
        ErrorCode::NotFound => f.not_found,
        ErrorCode::Validation => f.validation,
        ErrorCode::Network => f.network,
        ErrorCode::KeyringUnavailable => f.keyring_unavailable,
        ErrorCode::NotSupportedByApi => f.not_supported_by_api,
        ErrorCode::ServerError => f.server_error,
        ErrorCode::BadResponse => f.bad_response,
        ErrorCode::NotAllowed => f.not_allowed,
        ErrorCode::OutcomeUnknown => f.outcome_unknown,
        ErrorCode::NothingChanged => f.nothing_changed,
        ErrorCode::Unknown => f.unknown,
    };
    sentence.to_owned()
}

/// Every sentence in `locale`.
pub fn messages(locale: Locale) -> &'static Messages {
    match locale {
        Locale::En => &en::MESSAGES,
        Locale::Fr => &fr::MESSAGES,
        Locale::De => &de::MESSAGES,
        Locale::It => &it::MESSAGES,
        Locale::Es => &es::MESSAGES,
    }
}

/// The fixed words in `locale`.
pub fn words(locale: Locale) -> Words {
    messages(locale).words
}

/// `template` with each `{key}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

/// A day as people write it, in the user's time zone.
pub fn date(locale: Locale, unix: i64, utc_offset_secs: i32) -> String {
    let m = messages(locale);
    let (y, month, d) = date_of(unix.saturating_add(i64::from(utc_offset_secs)));
    let index = usize::try_from(month.saturating_sub(1))
        .unwrap_or(0)
        .min(11);
    fill(
        m.date,
        &[
            ("day", &d.to_string()),
            ("month", m.months[index]),
            ("year", &y.to_string()),
        ],
    )
}

/// "in 3 days", "tomorrow", "today", "expired 2 days ago": how far an expiry is, in whole days.
pub fn when(locale: Locale, now: i64, expires_at: i64) -> String {
    let m = messages(locale);
    let days = expires_at.saturating_sub(now).div_euclid(DAY);
    match days {
        0 => m.today.to_owned(),
        1 => m.tomorrow.to_owned(),
        -1 => m.expired_yesterday.to_owned(),
        d if d > 1 => fill(m.in_days, &[("days", &d.to_string())]),
        d => fill(m.expired_days_ago, &[("days", &(-d).to_string())]),
    }
}

fn where_(m: &Messages, r: &Reminder) -> String {
    r.organisation.as_ref().map_or_else(
        || r.product_name.clone(),
        |o| {
            fill(
                m.product_of,
                &[("product", &r.product_name), ("organisation", o)],
            )
        },
    )
}

/// The title and body of a renewal notification.
pub fn renewal(
    locale: Locale,
    n: &Notification,
    now: i64,
    utc_offset_secs: i32,
) -> (String, String) {
    let m = messages(locale);
    match n {
        Notification::Single { reminder } => single(locale, reminder, now, utc_offset_secs),
        Notification::Digest {
            reminders,
            catch_up,
        } => {
            let count = reminders.len();
            let title = if *catch_up {
                m.digest_catch_up_title
            } else {
                m.digest_title
            };
            let title = fill(title.pick(locale, count), &[("count", &count.to_string())]);
            let mut lines: Vec<String> = reminders
                .iter()
                .take(DIGEST_LINES)
                .map(|r| {
                    fill(
                        m.digest_line,
                        &[
                            ("product", &where_(m, r)),
                            ("when", &when(locale, now, r.expires_at)),
                        ],
                    )
                })
                .collect();
            if count > DIGEST_LINES {
                let more = count - DIGEST_LINES;
                lines.push(fill(
                    m.digest_more.pick(locale, more),
                    &[("count", &more.to_string())],
                ));
            }
            (title, lines.join("\n"))
        }
    }
}

fn single(locale: Locale, r: &Reminder, now: i64, offset: i32) -> (String, String) {
    let m = messages(locale);
    let name = r.product_name.as_str();
    let on = date(locale, r.expires_at, offset);
    let lead = |text: String| match &r.organisation {
        Some(place) if !place.is_empty() => fill(
            m.in_organisation,
            &[("organisation", place), ("text", &text)],
        ),
        _ => text,
    };
    let values = [
        ("name", name),
        ("date", on.as_str()),
        ("when", &when(locale, now, r.expires_at)),
    ];
    let (title, body) = match r.kind {
        ReminderKind::Upcoming => (m.upcoming_title, m.upcoming_body),
        ReminderKind::FirstPaymentToday => (m.first_payment_title, m.first_payment_body),
        ReminderKind::RenewManually => (m.renew_manually_title, m.renew_manually_body),
        ReminderKind::ExpiresToday if r.expires_at > now => {
            (m.expires_today_title, m.expires_today_body)
        }
        ReminderKind::ExpiresToday => (m.expired_title, m.expired_body),
    };
    (fill(title, &values), lead(fill(body, &values)))
}

/// The title and body of a support-access notice.
pub fn support(
    locale: Locale,
    content: SupportContent,
    ended: bool,
    expires_at: i64,
    utc_offset_secs: i32,
) -> (String, String) {
    let m = messages(locale);
    let on = date(locale, expires_at, utc_offset_secs);
    let values = [("content", content.label()), ("date", on.as_str())];
    let (title, body) = if ended {
        (m.support_ended_title, m.support_ended_body)
    } else {
        (m.support_ends_title, m.support_ends_body)
    };
    (fill(title, &values), fill(body, &values))
}

#[cfg(test)]
mod tests;
