//! The forecast against a world computed by hand, at a fixed instant.

use super::*;
use crate::products::PriceView;

/// 2026-11-15T12:00:00Z.
const NOW: i64 = 1_794_744_000;

fn row(id: u64, org: &str, service: &str, expires_at: Option<i64>) -> ProductRow {
    ProductRow {
        organisation: Some(org.to_owned()),
        expires_at,
        ..ProductRow::sample(id, id, &format!("product {id}"), service)
    }
}

fn priced(mut r: ProductRow, amount: f64, currency: Option<&str>, auto: bool) -> ProductRow {
    r.price = Some(PriceView {
        amount,
        currency: currency.map(str::to_owned),
    });
    r.auto_renew = Some(auto);
    r
}

fn world() -> Vec<ProductRow> {
    let mut free = priced(
        row(10, "Atelier", "domain", Some(1_796_083_200)),
        9.0,
        Some("CHF"),
        false,
    );
    free.free = true;
    vec![
        // 2026-11-20: this month, after now.
        priced(
            row(1, "Atelier", "hosting", Some(1_795_132_800)),
            120.0,
            Some("CHF"),
            true,
        ),
        // 2026-11-10: already expired at now.
        priced(
            row(2, "Atelier", "domain", Some(1_794_268_800)),
            15.5,
            Some("CHF"),
            false,
        ),
        // 2027-01-05, 2027-01-31 and 2027-01-02: January, two currencies never added together.
        priced(
            row(3, "Lumen", "domain", Some(1_799_107_200)),
            12.0,
            Some("EUR"),
            false,
        ),
        priced(
            row(4, "Lumen", "hosting", Some(1_801_436_400)),
            0.1,
            Some("CHF"),
            false,
        ),
        priced(
            row(5, "Lumen", "hosting", Some(1_798_848_000)),
            0.2,
            Some("CHF"),
            false,
        ),
        // 2027-03-01 with its renewal unread; 2027-02-10 in a currency this version ignores.
        row(6, "Atelier", "hosting", Some(1_803_859_200)),
        priced(
            row(7, "Atelier", "mail", Some(1_802_217_600)),
            40.0,
            None,
            true,
        ),
        // 2027-10-31T23:59: the twelfth month; 2027-11-01: the thirteenth.
        priced(
            row(8, "Lumen", "hosting", Some(1_825_027_140)),
            100.0,
            Some("CHF"),
            true,
        ),
        priced(
            row(9, "Lumen", "hosting", Some(1_825_027_200)),
            100.0,
            Some("CHF"),
            true,
        ),
        free,
        priced(row(11, "Lumen", "hosting", None), 5.0, Some("CHF"), true),
    ]
}

fn entry(
    month: &str,
    currency: &str,
    group: &str,
    automatic: bool,
    amount: f64,
    count: u32,
) -> CostEntry {
    CostEntry {
        month: month.into(),
        currency: currency.into(),
        group: group.into(),
        automatic,
        amount,
        count,
    }
}

#[test]
fn twelve_months_from_the_current_one() {
    let f = forecast(NOW, &[], CostGroup::Organisation);
    assert_eq!(f.months.first().map(String::as_str), Some("2026-11"));
    assert_eq!(f.months.last().map(String::as_str), Some("2027-10"));
    assert_eq!(f.months.len(), MONTHS);
    assert!(f.entries.is_empty() && f.totals.is_empty());
}

#[test]
fn per_month_per_currency_per_organisation() {
    let f = forecast(NOW, &world(), CostGroup::Organisation);
    assert_eq!(
        f.entries,
        vec![
            entry("2026-11", "CHF", "Atelier", true, 120.0, 1),
            entry("2027-01", "CHF", "Lumen", false, 0.3, 2),
            entry("2027-01", "EUR", "Lumen", false, 12.0, 1),
            entry("2027-10", "CHF", "Lumen", true, 100.0, 1),
        ]
    );
    assert_eq!(
        f.totals,
        vec![
            CurrencyTotal {
                currency: "CHF".into(),
                total: 220.3,
                automatic: 220.0,
                manual: 0.3,
                count: 4,
            },
            CurrencyTotal {
                currency: "EUR".into(),
                total: 12.0,
                automatic: 0.0,
                manual: 12.0,
                count: 1,
            },
        ]
    );
    // The unread renewal (March) and the unknown currency (February) are unknown, not zero.
    assert_eq!(f.unknown_by_month, vec![0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    // None of them names its period: the four priced ones that could recur are said apart
    // (October's is the window's last month, so it cannot).
    assert_eq!(f.period_unknown, 4);
}

#[test]
fn by_service_the_same_money_in_other_stacks() {
    let f = forecast(NOW, &world(), CostGroup::Service);
    let groups: Vec<(&str, &str)> = f
        .entries
        .iter()
        .map(|e| (e.month.as_str(), e.group.as_str()))
        .collect();
    assert_eq!(
        groups,
        vec![
            ("2026-11", "hosting"),
            ("2027-01", "hosting"),
            ("2027-01", "domain"),
            ("2027-10", "hosting"),
        ]
    );
    assert_eq!(
        f.totals,
        forecast(NOW, &world(), CostGroup::Organisation).totals
    );
    assert_eq!(f.group, CostGroup::Service);
}

#[test]
fn a_renewal_due_at_this_very_instant_is_still_coming() {
    let rows = [priced(
        row(1, "A", "hosting", Some(NOW)),
        10.0,
        Some("CHF"),
        false,
    )];
    assert_eq!(forecast(NOW, &rows, CostGroup::Service).entries.len(), 1);
    assert!(
        forecast(NOW + 1, &rows, CostGroup::Service)
            .entries
            .is_empty()
    );
}

fn every(mut r: ProductRow, periods: &[u32]) -> ProductRow {
    r.periods = periods.to_vec();
    r
}

/// 2027-01-05 and 2026-11-20, from the world above.
const JANUARY_5: i64 = 1_799_107_200;
const NOVEMBER_20: i64 = 1_795_132_800;

#[test]
fn a_product_offered_only_monthly_renews_every_month_to_the_end_of_the_window() {
    let rows = [every(
        priced(
            row(1, "A", "ksuite", Some(JANUARY_5)),
            10.0,
            Some("CHF"),
            true,
        ),
        &[1],
    )];
    let f = forecast(NOW, &rows, CostGroup::Organisation);
    let months: Vec<&str> = f.entries.iter().map(|e| e.month.as_str()).collect();
    assert_eq!(
        months,
        [
            "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07", "2027-08",
            "2027-09", "2027-10"
        ]
    );
    assert_eq!((f.totals[0].total, f.totals[0].count), (100.0, 10));
    assert_eq!(f.period_unknown, 0);
}

#[test]
fn a_quarterly_product_renews_every_third_month() {
    let rows = [every(
        priced(
            row(1, "A", "drive", Some(NOVEMBER_20)),
            30.0,
            Some("EUR"),
            false,
        ),
        &[3],
    )];
    let f = forecast(NOW, &rows, CostGroup::Service);
    let months: Vec<&str> = f.entries.iter().map(|e| e.month.as_str()).collect();
    assert_eq!(months, ["2026-11", "2027-02", "2027-05", "2027-08"]);
    assert_eq!(f.totals[0].manual, 120.0);
}

#[test]
fn a_renewal_whose_period_is_not_known_is_counted_once_and_said_apart() {
    let priced_jan = |id, periods: &[u32]| {
        every(
            priced(
                row(id, "A", "drive", Some(JANUARY_5)),
                59.0,
                Some("CHF"),
                true,
            ),
            periods,
        )
    };
    // Offered monthly or yearly: which one it is on is not said.
    let f = forecast(NOW, &[priced_jan(1, &[1, 12])], CostGroup::Organisation);
    assert_eq!((f.totals[0].total, f.period_unknown), (59.0, 1));
    // No period named at all: the same.
    let f = forecast(NOW, &[priced_jan(1, &[])], CostGroup::Organisation);
    assert_eq!((f.totals[0].total, f.period_unknown), (59.0, 1));
    // Every period a year or more: once in twelve months, known.
    let f = forecast(
        NOW,
        &[priced_jan(1, &[12, 24, 36])],
        CostGroup::Organisation,
    );
    assert_eq!((f.totals[0].total, f.period_unknown), (59.0, 0));
    // Due in the window's last month: it cannot recur inside it, whatever its period.
    let last = every(
        priced(
            row(2, "A", "drive", Some(1_825_027_140)),
            5.0,
            Some("CHF"),
            true,
        ),
        &[1, 12],
    );
    assert_eq!(
        forecast(NOW, &[last], CostGroup::Organisation).period_unknown,
        0
    );
}

#[test]
fn a_monthly_renewal_without_a_price_is_unknown_in_every_month_it_falls_in() {
    let rows = [every(row(1, "A", "ksuite", Some(JANUARY_5)), &[1])];
    let f = forecast(NOW, &rows, CostGroup::Organisation);
    assert!(f.entries.is_empty());
    assert_eq!(f.unknown_by_month, vec![0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
}
