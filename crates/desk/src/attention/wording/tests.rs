use super::*;
use serde_json::Value;
use std::collections::BTreeSet;

const ALL: [Locale; 5] = [Locale::En, Locale::Fr, Locale::De, Locale::It, Locale::Es];

/// Every message of a table as (path, text), found by serialising it: a field added to
/// [`Messages`] is checked without being listed here.
fn texts(locale: Locale) -> Vec<(String, String)> {
    fn walk(path: &str, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::String(s) => out.push((path.to_owned(), s.clone())),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(&format!("{path}[{i}]"), v, out)),
            Value::Object(map) => map
                .iter()
                .for_each(|(k, v)| walk(&format!("{path}.{k}"), v, out)),
            other => panic!("{path} is not text: {other}"),
        }
    }
    let mut out = Vec::new();
    walk(
        "",
        &serde_json::to_value(messages(locale)).unwrap(),
        &mut out,
    );
    out
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

fn without_placeholders(text: &str) -> String {
    placeholders(text)
        .iter()
        .fold(text.to_owned(), |t, p| t.replace(&format!("{{{p}}}"), ""))
}

#[test]
fn every_language_has_every_message_with_the_same_placeholders_as_english() {
    let english = texts(Locale::En);
    for locale in ALL {
        let theirs = texts(locale);
        let paths: Vec<_> = theirs.iter().map(|(p, _)| p).collect();
        let ours: Vec<_> = english.iter().map(|(p, _)| p).collect();
        assert_eq!(paths, ours, "{locale:?} lacks or adds a message");
        for ((path, en), (_, text)) in english.iter().zip(&theirs) {
            assert!(!text.trim().is_empty(), "{locale:?} {path} is empty");
            assert_eq!(
                placeholders(text),
                placeholders(en),
                "{locale:?} {path}: {text:?} against {en:?}"
            );
        }
    }
}

#[test]
fn the_other_languages_are_translated_not_copied() {
    let english = texts(Locale::En);
    for locale in [Locale::Fr, Locale::De, Locale::It, Locale::Es] {
        for ((path, en), (_, text)) in english.iter().zip(texts(locale)) {
            // Only templates made of placeholders and punctuation may read the same.
            if &text == en {
                assert!(
                    !without_placeholders(&text).chars().any(char::is_alphabetic),
                    "{locale:?} {path} is still English: {text:?}"
                );
            }
        }
    }
}

#[test]
fn german_is_written_as_in_switzerland() {
    for (path, text) in texts(Locale::De) {
        assert!(!text.contains('ß'), "{path}: {text:?}");
    }
}

#[test]
fn plural_forms_follow_each_language() {
    let p = Plural {
        one: "one",
        other: "other",
    };
    for locale in ALL {
        assert_eq!(p.pick(locale, 1), "one");
        assert_eq!(p.pick(locale, 2), "other");
    }
    // French counts zero as singular; the others do not.
    assert_eq!(p.pick(Locale::Fr, 0), "one");
    assert_eq!(p.pick(Locale::De, 0), "other");
}

#[test]
fn countdowns_say_today_tomorrow_or_a_number_of_days_in_each_language() {
    let now = 1_800_000_000;
    for locale in ALL {
        let m = messages(locale);
        assert_eq!(when(locale, now, now + 60), m.today);
        assert_eq!(when(locale, now, now + DAY + 60), m.tomorrow);
        assert_eq!(when(locale, now, now - DAY + 60), m.expired_yesterday);
        let in_three = when(locale, now, now + 3 * DAY + 60);
        assert_eq!(in_three, fill(m.in_days, &[("days", "3")]));
        assert!(
            in_three.contains('3') && !in_three.contains('{'),
            "{in_three}"
        );
        let ago = when(locale, now, now - 4 * DAY + 60);
        assert_eq!(ago, fill(m.expired_days_ago, &[("days", "4")]));
    }
    assert_eq!(when(Locale::De, now, now + 3 * DAY + 60), "in 3 Tagen");
}

#[test]
fn dates_use_each_languages_month_names() {
    // 24 November 2026, noon UTC.
    let day = 1_795_521_600;
    assert_eq!(date(Locale::En, day, 0), "24 Nov 2026");
    assert_eq!(date(Locale::Fr, day, 0), "24 nov. 2026");
    assert_eq!(date(Locale::De, day, 0), "24. Nov. 2026");
    assert_eq!(date(Locale::It, day, 0), "24 nov 2026");
    assert_eq!(date(Locale::Es, day, 0), "24 nov 2026");
    // The month comes from the table, in every language: March differs from November.
    let march = day - 250 * DAY;
    for locale in ALL {
        assert!(date(locale, march, 0).contains(messages(locale).months[2]));
    }
}

fn reminder(name: &str, kind: ReminderKind, expires_at: i64) -> Reminder {
    Reminder {
        product_id: 1,
        account_id: None,
        product_name: name.to_owned(),
        organisation: Some("Favre SA".to_owned()),
        expires_at,
        lead_days: 7,
        kind,
        renewal_page: None,
    }
}

#[test]
fn a_digest_counts_the_renewals_it_leaves_out_in_the_right_form() {
    let now = 1_800_000_000;
    let many = |n: usize| Notification::Digest {
        reminders: (0..n)
            .map(|i| reminder(&format!("p{i}"), ReminderKind::Upcoming, now + 3 * DAY))
            .collect(),
        catch_up: false,
    };
    let (title, body) = renewal(Locale::De, &many(7), now, 0);
    assert_eq!(title, "7 Verlängerungen erfordern Ihre Aufmerksamkeit");
    assert!(body.ends_with("und 2 weitere"), "{body}");
    assert!(body.contains("p0 (Favre SA) — in 3 Tagen"), "{body}");
    let (_, body) = renewal(Locale::It, &many(6), now, 0);
    assert!(body.ends_with("e 1 altro"), "{body}");
    let (_, body) = renewal(Locale::It, &many(8), now, 0);
    assert!(body.ends_with("e altri 3"), "{body}");
}

#[test]
fn every_notification_is_filled_in_every_language() {
    let now = 1_800_000_000;
    let kinds = [
        (ReminderKind::Upcoming, now + 3 * DAY),
        (ReminderKind::FirstPaymentToday, now + 10 * DAY),
        (ReminderKind::RenewManually, now + 14 * DAY),
        (ReminderKind::ExpiresToday, now + 60),
        (ReminderKind::ExpiresToday, now - 60),
    ];
    for locale in ALL {
        for (kind, at) in kinds {
            let n = Notification::Single {
                reminder: reminder("example.ch", kind, at),
            };
            let (title, body) = renewal(locale, &n, now, 0);
            assert!(
                !title.contains('{') && !body.contains('{'),
                "{title} / {body}"
            );
            assert!(title.contains("example.ch"), "{locale:?} {kind:?}: {title}");
            assert!(
                body.starts_with("Favre SA. "),
                "{locale:?} {kind:?}: {body}"
            );
        }
        for ended in [false, true] {
            let (title, body) = support(locale, SupportContent::Kdrive, ended, now, 0);
            assert!(
                title.contains("kDrive") && body.contains("kDrive"),
                "{title}"
            );
            assert!(!title.contains('{') && !body.contains('{'), "{body}");
        }
    }
}

fn api_error(status: u16, code: &str, scope: Option<&str>) -> Error {
    Error::Api(infomaniak::Error::Api {
        route: infomaniak::Route::Accounts,
        failure: infomaniak::ApiFailure {
            status,
            code: code.into(),
            description: "the technical detail".into(),
            fields: Vec::new(),
            missing_scope: scope.map(str::to_owned),
        },
    })
}

#[test]
fn a_failure_is_worded_in_each_language_without_the_technical_detail() {
    let server = api_error(503, "maintenance", None);
    let english = failure(Locale::En, &server);
    assert_eq!(english, messages(Locale::En).failures.server_error);
    for locale in ALL {
        let text = failure(locale, &server);
        assert_eq!(text, messages(locale).failures.server_error);
        assert!(!text.contains("technical detail"), "{locale:?}: {text}");
        assert!(!text.contains(&server.to_string()), "{locale:?}: {text}");
        if locale != Locale::En {
            assert_ne!(text, english, "{locale:?} is not translated");
        }
    }
}

#[test]
fn a_missing_scope_is_named_in_each_language() {
    let named = api_error(403, "access_denied", Some("workspace:mail"));
    let unnamed = api_error(403, "access_denied", None);
    for locale in ALL {
        assert!(
            failure(locale, &named).contains("workspace:mail"),
            "{locale:?}"
        );
        // A 403 that names no scope is not a missing scope: it is said as unexpected.
        assert_eq!(failure(locale, &unnamed), messages(locale).failures.unknown);
    }
}
