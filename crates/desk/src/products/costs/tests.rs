//! The forecast against a world computed by hand, at a fixed instant.

use super::*;
use crate::products::PriceView;
use crate::products::renewals::RenewalGroup;
use infomaniak::AccountId;

/// 2026-11-15T12:00:00Z.
const NOW: i64 = 1_794_744_000;

fn row(id: u64, org: &str, service: &str, expires_at: Option<i64>) -> ProductRow {
    ProductRow {
        id,
        account_id: Some(AccountId(id)),
        organisation: Some(org.to_owned()),
        name: format!("product {id}"),
        service: service.to_owned(),
        expires_at,
        days_left: None,
        auto_renew: None,
        payment_attempt_at: None,
        can_switch_on: false,
        payment_method: None,
        price: None,
        locked: false,
        maintenance: false,
        trial: false,
        free: false,
        operation_in_progress: false,
        group: RenewalGroup::Later,
        renewal_page: None,
        parent_id: None,
        parent_service: None,
        renew_forbidden: false,
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
