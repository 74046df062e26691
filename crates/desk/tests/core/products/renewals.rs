//! The renewal classification at fixed instants, around every boundary of the Manager's rules.

use desk::products::renewals::{RenewalGroup, can_switch_on, classify, days_left, renewal_page};
use desk::products::{CachedProduct, CachedRenewal};

const NOW: i64 = 1_800_000_000;
const DAY: i64 = 86_400;

fn product(expires_at: Option<i64>) -> CachedProduct {
    CachedProduct {
        id: 7,
        account_id: Some(infomaniak::AccountId(1)),
        service: "domain".into(),
        name: "rochat-fils.ch".into(),
        expires_at,
        ..CachedProduct::default()
    }
}

fn renewal(expires_at: Option<i64>, auto_renew: bool) -> CachedRenewal {
    CachedRenewal {
        product_id: 7,
        expires_at,
        auto_renew,
        ..CachedRenewal::default()
    }
}

fn group(expires_in: i64, auto_renew: Option<bool>) -> RenewalGroup {
    let expiry = Some(NOW + expires_in);
    let r = auto_renew.map(|on| renewal(expiry, on));
    classify(NOW, &product(expiry), r.as_ref())
}

#[test]
fn exactly_fourteen_days_left_is_still_switchable_not_manual() {
    assert_eq!(group(14 * DAY, Some(false)), RenewalGroup::ComingSoon);
    assert!(can_switch_on(NOW, Some(NOW + 14 * DAY)));
}

#[test]
fn fourteen_days_minus_one_second_must_be_renewed_manually() {
    assert_eq!(
        group(14 * DAY - 1, Some(false)),
        RenewalGroup::RenewManually
    );
    assert!(!can_switch_on(NOW, Some(NOW + 14 * DAY - 1)));
}

#[test]
fn automatic_renewal_inside_fourteen_days_stays_automatic() {
    assert_eq!(group(14 * DAY - 1, Some(true)), RenewalGroup::AutoRenew);
    assert_eq!(group(200 * DAY, Some(true)), RenewalGroup::AutoRenew);
}

#[test]
fn expired_one_second_ago_and_expiring_now_are_expired_even_with_auto_renew() {
    assert_eq!(group(-1, Some(true)), RenewalGroup::Expired);
    assert_eq!(group(0, Some(false)), RenewalGroup::Expired);
    assert_eq!(group(1, Some(false)), RenewalGroup::RenewManually);
    assert!(!can_switch_on(NOW, Some(NOW - 1)));
}

#[test]
fn no_expiry_is_never_on_the_board_and_cannot_auto_renew() {
    assert_eq!(classify(NOW, &product(None), None), RenewalGroup::NoExpiry);
    assert!(!RenewalGroup::NoExpiry.on_board());
    assert!(!can_switch_on(NOW, None));
}

#[test]
fn the_sixty_day_horizon() {
    assert_eq!(group(60 * DAY, Some(false)), RenewalGroup::ComingSoon);
    assert_eq!(group(60 * DAY + 1, Some(false)), RenewalGroup::Later);
    assert!(!RenewalGroup::Later.on_board());
    assert!(RenewalGroup::ComingSoon.on_board());
}

#[test]
fn an_unknown_renewal_counts_as_not_renewing() {
    assert_eq!(group(5 * DAY, None), RenewalGroup::RenewManually);
    assert_eq!(group(30 * DAY, None), RenewalGroup::ComingSoon);
}

#[test]
fn the_renewal_pages_expiry_wins_over_a_lagging_product_expiry() {
    // The product still says 20 days; the renewal page knows it is 10.
    let p = product(Some(NOW + 20 * DAY));
    let r = renewal(Some(NOW + 10 * DAY), false);
    assert_eq!(classify(NOW, &p, Some(&r)), RenewalGroup::RenewManually);
    // A renewal without expiry falls back to the product's.
    let r = renewal(None, false);
    assert_eq!(classify(NOW, &p, Some(&r)), RenewalGroup::ComingSoon);
}

#[test]
fn days_left_round_away_from_zero() {
    assert_eq!(days_left(NOW, NOW + 3 * 3600), 1);
    assert_eq!(days_left(NOW, NOW + 14 * DAY), 14);
    assert_eq!(days_left(NOW, NOW + 14 * DAY - 1), 14);
    assert_eq!(days_left(NOW, NOW), 0);
    assert_eq!(days_left(NOW, NOW - 1), -1);
    assert_eq!(days_left(NOW, NOW - 5 * DAY), -5);
}

#[test]
fn the_renewal_page_names_the_organisation() {
    assert_eq!(
        renewal_page(infomaniak::AccountId(4242)),
        "https://manager.infomaniak.com/v3/4242/accounts/accounting/renewal"
    );
}
