//! The calendar parsed back with the `icalendar` crate's parser: events, alarms, escaping,
//! folding and stable UIDs.

use super::*;
use icalendar::parser::{Component, read_calendar, unfold};

// 2026-03-01T10:30:00Z.
const NOW: i64 = 1_772_361_000;

fn row(
    id: u64,
    account: u64,
    name: &str,
    expires_in_days: Option<i64>,
    auto: Option<bool>,
) -> ProductRow {
    ProductRow {
        organisation: Some(format!("Org {account}")),
        expires_at: expires_in_days.map(|d| NOW + d * DAY),
        days_left: expires_in_days,
        auto_renew: auto,
        renewal_page: Some(renewals::renewal_page(AccountId(account))),
        ..ProductRow::sample(id, account, name, "hosting")
    }
}

fn events(ics: &str) -> Vec<Component<'static>> {
    let unfolded = unfold(ics);
    let calendar = read_calendar(&unfolded).expect("the calendar parses");
    calendar
        .components
        .into_iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| owned(&c))
        .collect()
}

fn owned(c: &Component<'_>) -> Component<'static> {
    Component {
        name: c.name.to_owned(),
        properties: c
            .properties
            .iter()
            .map(|p| icalendar::parser::Property {
                name: p.name.to_owned(),
                val: p.val.to_owned(),
                params: Vec::new(),
            })
            .collect(),
        components: c.components.iter().map(owned).collect(),
    }
}

fn prop(c: &Component<'_>, name: &str) -> String {
    c.find_prop(name)
        .map(|p| p.val.clone().unescape_text().as_str().to_owned())
        .unwrap_or_default()
}

fn uids(ics: &str) -> Vec<String> {
    events(ics).iter().map(|e| prop(e, "UID")).collect()
}

#[test]
fn an_expiry_is_an_all_day_event_with_an_alarm_per_lead_time() {
    let ics = renewals_calendar(
        NOW,
        &[row(7, 1, "example.ch", Some(40), Some(true))],
        None,
        &[30, 7, 0],
        Locale::En,
    );
    let evs = events(&ics);
    assert_eq!(evs.len(), 1, "auto-renewing: no switch-on deadline");
    let e = &evs[0];
    // 40 days after 2026-03-01 is 2026-04-10.
    assert_eq!(prop(e, "DTSTART"), "20260410");
    assert_eq!(prop(e, "DTEND"), "20260411");
    assert!(prop(e, "SUMMARY").contains("example.ch"));
    assert!(prop(e, "SUMMARY").contains("Org 1"));
    assert_eq!(prop(e, "DTSTAMP"), "20260301T103000Z");
    let triggers: Vec<String> = e
        .components
        .iter()
        .filter(|a| a.name == "VALARM")
        .map(|a| prop(a, "TRIGGER"))
        .collect();
    assert_eq!(triggers, ["-P30D", "-P7D", "PT0S"]);
}

#[test]
fn a_manual_product_gets_the_last_day_to_switch_on_14_days_before_expiry() {
    let ics = renewals_calendar(
        NOW,
        &[row(8, 1, "shop", Some(40), Some(false))],
        None,
        &[7],
        Locale::En,
    );
    let evs = events(&ics);
    assert_eq!(evs.len(), 2);
    let deadline = evs
        .iter()
        .find(|e| prop(e, "UID").contains("auto-renew-deadline"))
        .expect("a deadline event");
    assert_eq!(
        prop(deadline, "DTSTART"),
        "20260327",
        "2026-04-10 minus 14 days"
    );
    assert!(prop(deadline, "SUMMARY").starts_with("Last day to switch on"));
}

#[test]
fn the_switch_on_deadline_is_left_out_once_it_has_passed() {
    // 13 days left: it can no longer be switched on; 14 days: today is the last day.
    let late = renewals_calendar(
        NOW,
        &[row(1, 1, "a", Some(13), None)],
        None,
        &[],
        Locale::En,
    );
    assert_eq!(uids(&late).len(), 1);
    let last = renewals_calendar(
        NOW,
        &[row(1, 1, "a", Some(14), None)],
        None,
        &[],
        Locale::En,
    );
    assert_eq!(uids(&last).len(), 2);
}

#[test]
fn past_expiries_and_products_that_never_expire_are_left_out() {
    let rows = [
        row(1, 1, "gone", Some(-1), Some(false)),
        row(2, 1, "forever", None, None),
    ];
    assert!(events(&renewals_calendar(NOW, &rows, None, &[7], Locale::En)).is_empty());
}

#[test]
fn one_organisation_keeps_only_its_products() {
    let rows = [
        row(1, 1, "a", Some(40), Some(true)),
        row(2, 2, "b", Some(40), Some(true)),
    ];
    let one = renewals_calendar(NOW, &rows, Some(AccountId(2)), &[], Locale::En);
    assert_eq!(uids(&one), ["2-expiry-20260410@ik-desk"]);
    assert_eq!(
        uids(&renewals_calendar(NOW, &rows, None, &[], Locale::En)).len(),
        2
    );
}

#[test]
fn uids_are_stable_across_exports_and_change_with_the_expiry() {
    let rows = [row(5, 1, "a", Some(40), Some(false))];
    let first = uids(&renewals_calendar(NOW, &rows, None, &[7], Locale::En));
    let later = uids(&renewals_calendar(
        NOW + 3 * DAY,
        &rows,
        None,
        &[1],
        Locale::Fr,
    ));
    assert_eq!(first, later, "the same dates keep their UIDs");
    let renewed = [row(5, 1, "a", Some(405), Some(false))];
    let next = uids(&renewals_calendar(NOW, &renewed, None, &[7], Locale::En));
    assert!(
        next.iter().all(|u| !first.contains(u)),
        "a new expiry is a new event"
    );
}

#[test]
fn text_is_escaped_and_reads_back_as_it_was() {
    let name = "Shop, \"Süd\"; back\\slash\nsecond line";
    let ics = renewals_calendar(
        NOW,
        &[row(1, 1, name, Some(40), Some(true))],
        None,
        &[],
        Locale::En,
    );
    assert!(ics.contains("Shop\\, \"Süd\"\\; back\\\\slash\\nsecond line"));
    let summary = prop(&events(&ics)[0], "SUMMARY");
    assert!(summary.contains(name), "{summary:?}");
}

#[test]
fn long_lines_are_folded_at_75_octets_with_crlf_and_never_inside_a_character() {
    let name = "ü".repeat(120);
    let ics = renewals_calendar(
        NOW,
        &[row(1, 1, &name, Some(40), Some(false))],
        None,
        &[7],
        Locale::De,
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    let body = ics.strip_suffix("\r\n").unwrap_or(&ics);
    for line in body.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    assert!(ics.contains("\r\n "), "something was folded");
    assert!(prop(&events(&ics)[0], "SUMMARY").contains(&name));
}

#[test]
fn summaries_follow_the_language() {
    let rows = [row(1, 1, "a", Some(40), Some(false))];
    let fr_expires = format!(
        "{} (Org 1)",
        calendar_words(Locale::Fr).expires.replace("{product}", "a")
    );
    let summaries = |locale| -> Vec<String> {
        events(&renewals_calendar(NOW, &rows, None, &[], locale))
            .iter()
            .map(|e| prop(e, "SUMMARY"))
            .collect()
    };
    assert!(summaries(Locale::Fr).contains(&fr_expires));
    assert!(!summaries(Locale::En).contains(&fr_expires));
}

#[test]
fn file_names_are_safe() {
    assert_eq!(calendar_file_name(None), "renewals.ics");
    assert_eq!(
        calendar_file_name(Some("Acme / SA")),
        "renewals-Acme---SA.ics"
    );
}
