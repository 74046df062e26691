//! The renewals calendar: an RFC 5545 file of each product's expiry and, for a product that does
//! not renew by itself yet, the last day automatic renewal can still be switched on. Each event
//! carries alarms at the app's reminder lead times, so a calendar reminds as the app does.
//!
//! UIDs are built from the product, the kind of date and the date itself: importing a newer file
//! updates the events already imported instead of adding them again, and a renewed product (a new
//! expiry) gets a new event.

mod words;

pub use words::{CalendarWords, calendar_words};

use crate::Desk;
use crate::clock::date_of;
use crate::error::Error;
use crate::products::ProductRow;
use crate::products::renewals::{self, AUTO_RENEW_LEAD_SECS};
use crate::session::ProfileId;
use crate::settings::Locale;
use infomaniak::AccountId;
use std::fmt::Write as _;
use std::sync::Arc;

const DAY: i64 = 24 * 60 * 60;
/// RFC 5545 §3.1: content lines are folded past 75 octets (the line break not counted).
const FOLD_OCTETS: usize = 75;

/// Which kind of date an event marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Expiry,
    SwitchOnDeadline,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::Expiry => "expiry",
            Kind::SwitchOnDeadline => "auto-renew-deadline",
        }
    }
}

/// The calendar of `rows` at `now`: only the organisation `only` when given, else every one.
/// Dates already past at `now` are left out (a calendar is for what is coming). `lead_days` are
/// the reminder lead times; `now` is the file's DTSTAMP.
pub fn renewals_calendar(
    now: i64,
    rows: &[ProductRow],
    only: Option<AccountId>,
    lead_days: &[u16],
    locale: Locale,
) -> String {
    let words = calendar_words(locale);
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//IK Desk//Renewals//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape(words.calendar_name)),
    );
    let stamp = utc_stamp(now);
    for row in rows
        .iter()
        .filter(|r| only.is_none() || r.account_id == only)
    {
        let Some(expiry) = row.expires_at else {
            continue;
        };
        if expiry > now {
            let why = match row.auto_renew {
                Some(true) => words.renews_by_itself,
                Some(false) => words.renew_manually,
                None => words.renewal_unknown,
            };
            push_event(
                &mut out,
                &Event {
                    row,
                    kind: Kind::Expiry,
                    expiry,
                    day: expiry,
                    summary: words.expires,
                    why,
                    stamp: &stamp,
                    lead_days,
                },
            );
        }
        if row.auto_renew != Some(true) && renewals::can_switch_on(now, Some(expiry)) {
            push_event(
                &mut out,
                &Event {
                    row,
                    kind: Kind::SwitchOnDeadline,
                    expiry,
                    day: expiry.saturating_sub(AUTO_RENEW_LEAD_SECS),
                    summary: words.switch_on_deadline,
                    why: words.switch_on_why,
                    stamp: &stamp,
                    lead_days,
                },
            );
        }
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// A file name for the calendar of one organisation or of all.
pub fn calendar_file_name(organisation: Option<&str>) -> String {
    let base =
        organisation.map_or_else(|| "renewals".to_owned(), |name| format!("renewals-{name}"));
    let safe: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{safe}.ics")
}

struct Event<'a> {
    row: &'a ProductRow,
    kind: Kind,
    expiry: i64,
    /// The instant whose UTC date the event falls on.
    day: i64,
    summary: &'static str,
    why: &'static str,
    stamp: &'a str,
    lead_days: &'a [u16],
}

fn push_event(out: &mut String, e: &Event<'_>) {
    let mut summary = e.summary.replace("{product}", &e.row.name);
    if let Some(org) = &e.row.organisation {
        summary = format!("{summary} ({org})");
    }
    let mut description = e.why.to_owned();
    if let Some(page) = &e.row.renewal_page {
        description = format!("{description}\n{page}");
    }
    push_line(out, "BEGIN:VEVENT");
    push_line(
        out,
        &format!(
            "UID:{}-{}-{}@ik-desk",
            e.row.id,
            e.kind.tag(),
            date_value(e.expiry)
        ),
    );
    push_line(out, &format!("DTSTAMP:{}", e.stamp));
    push_line(out, &format!("DTSTART;VALUE=DATE:{}", date_value(e.day)));
    push_line(
        out,
        &format!("DTEND;VALUE=DATE:{}", date_value(e.day.saturating_add(DAY))),
    );
    push_line(out, &format!("SUMMARY:{}", escape(&summary)));
    push_line(out, &format!("DESCRIPTION:{}", escape(&description)));
    if let Some(page) = &e.row.renewal_page {
        push_line(out, &format!("URL:{page}"));
    }
    push_line(out, "TRANSP:TRANSPARENT");
    for lead in e.lead_days {
        push_line(out, "BEGIN:VALARM");
        push_line(out, "ACTION:DISPLAY");
        push_line(out, &format!("TRIGGER:{}", trigger(*lead)));
        push_line(out, &format!("DESCRIPTION:{}", escape(&summary)));
        push_line(out, "END:VALARM");
    }
    push_line(out, "END:VEVENT");
}

/// A trigger `lead` days before the event's start; at its start for 0.
fn trigger(lead: u16) -> String {
    if lead == 0 {
        "PT0S".to_owned()
    } else {
        format!("-P{lead}D")
    }
}

/// A DATE value (`YYYYMMDD`) of the UTC date of `unix`.
fn date_value(unix: i64) -> String {
    let (y, m, d) = date_of(unix);
    format!("{y:04}{m:02}{d:02}")
}

/// A UTC DATE-TIME value (`YYYYMMDDTHHMMSSZ`).
fn utc_stamp(unix: i64) -> String {
    let secs = unix.rem_euclid(DAY);
    format!(
        "{}T{:02}{:02}{:02}Z",
        date_value(unix),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// RFC 5545 §3.3.11: a TEXT value with its backslashes, semicolons, commas and line breaks
/// escaped (a carriage return is dropped, a lone one counts as a line break).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    for c in normalised.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in a TEXT value.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets, never inside a character, each piece ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > FOLD_OCTETS {
            out.push_str("\r\n ");
            // The continuation's leading space counts towards its 75 octets.
            used = 1;
        }
        out.push(c);
        used += len;
    }
    let _ = write!(out, "\r\n");
}

impl Desk {
    /// The renewals calendar of a profile's products, of one organisation or all, in the
    /// window's language with the reminder lead times.
    ///
    /// # Errors
    /// As [`Desk::products`], and [`Error::Store`] when the reminder settings cannot be read.
    pub async fn renewals_calendar(
        self: &Arc<Self>,
        profile: &ProfileId,
        only: Option<AccountId>,
    ) -> Result<(String, String), Error> {
        let view = self.products(profile).await?;
        let settings = self.reminder_settings()?;
        let organisation = only.and_then(|id| {
            view.organisations
                .iter()
                .find(|o| o.account_id == id)
                .and_then(|o| o.name.clone())
        });
        let ics = renewals_calendar(
            self.clock.unix_now(),
            &view.items,
            only,
            settings.lead_days(),
            self.locale(),
        );
        Ok((calendar_file_name(organisation.as_deref()), ics))
    }
}

#[cfg(test)]
mod tests;
