//! Each rule at its boundaries, on a fixed clock.

use super::*;
use crate::organisations::Organisation;
use crate::organisations::Relation;
use infomaniak::AccountId;

/// The fixed clock and the organisation every check-up rule is tried on (the people rules too).
pub(in crate::checkup) const NOW: i64 = 1_772_361_000;

pub(in crate::checkup) fn org() -> Organisation {
    Organisation {
        id: AccountId(7),
        name: "Atelier".to_owned(),
        relation: Relation::Owner,
        legal_entity: None,
        users: Some(3),
        pending_invitations: None,
        legal_representatives: Some(2),
        blocked: false,
        orders_awaiting_payment: 0,
        blocked_orders: 0,
        two_factor_required: true,
    }
}

fn product(expires_in: Option<i64>, auto: Option<bool>) -> ProductRow {
    ProductRow {
        expires_at: expires_in.map(|s| NOW + s),
        auto_renew: auto,
        ..ProductRow::sample(42, 7, "atelier.ch", "domain")
    }
}

fn keys(o: &Organisation) -> Vec<FindingKey> {
    organisation_findings(o)
        .into_iter()
        .map(|f| f.key)
        .collect()
}

#[test]
fn a_well_kept_organisation_has_no_finding() {
    assert!(keys(&org()).is_empty());
}

#[test]
fn one_legal_representative_is_a_warning_and_two_or_unknown_are_not() {
    let one = Organisation {
        legal_representatives: Some(1),
        ..org()
    };
    let f = organisation_findings(&one);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].key, f[0].severity),
        (FindingKey::SingleLegalRepresentative, Severity::Warning)
    );
    assert_eq!(
        f[0].fix,
        Fix::App {
            route: "#/users/7".to_owned()
        }
    );
    for n in [None, Some(2)] {
        assert!(
            keys(&Organisation {
                legal_representatives: n,
                ..org()
            })
            .is_empty()
        );
    }
}

#[test]
fn two_factor_not_required_is_a_warning() {
    let o = Organisation {
        two_factor_required: false,
        ..org()
    };
    assert_eq!(keys(&o), [FindingKey::TwoFactorNotRequired]);
}

#[test]
fn a_blocked_organisation_is_critical_and_fixed_on_its_renewal_page() {
    let f = organisation_findings(&Organisation {
        blocked: true,
        ..org()
    });
    assert_eq!(
        (f[0].key, f[0].severity),
        (FindingKey::OrganisationBlocked, Severity::Critical)
    );
    assert_eq!(
        f[0].fix,
        Fix::Manager {
            url: renewals::renewal_page(AccountId(7))
        }
    );
}

#[test]
fn orders_awaiting_payment_from_one() {
    assert!(
        keys(&Organisation {
            orders_awaiting_payment: 0,
            ..org()
        })
        .is_empty()
    );
    assert_eq!(
        keys(&Organisation {
            orders_awaiting_payment: 1,
            ..org()
        }),
        [FindingKey::OrdersAwaitingPayment]
    );
}

fn product_key(expires_in: Option<i64>, auto: Option<bool>) -> Option<(FindingKey, Severity)> {
    product_findings(NOW, &org(), &product(expires_in, auto)).map(|f| (f.key, f.severity))
}

#[test]
fn a_manual_product_is_reported_from_30_days_and_critical_inside_14() {
    assert_eq!(product_key(Some(30 * DAY + 1), Some(false)), None);
    assert_eq!(
        product_key(Some(30 * DAY), Some(false)),
        Some((FindingKey::ExpiresWithoutAutoRenew, Severity::Warning))
    );
    // On the 14th day before expiry it can still be switched on.
    assert_eq!(
        product_key(Some(14 * DAY), None),
        Some((FindingKey::ExpiresWithoutAutoRenew, Severity::Warning))
    );
    assert_eq!(
        product_key(Some(14 * DAY - 1), None),
        Some((FindingKey::RenewManuallyNow, Severity::Critical))
    );
    assert_eq!(
        product_key(Some(1), Some(false)).map(|k| k.0),
        Some(FindingKey::RenewManuallyNow)
    );
}

#[test]
fn auto_renewing_expired_and_never_expiring_products_are_not_reported() {
    assert_eq!(product_key(Some(3 * DAY), Some(true)), None);
    assert_eq!(product_key(Some(0), Some(false)), None);
    assert_eq!(product_key(None, Some(false)), None);
}

#[test]
fn a_product_of_another_organisation_is_not_this_ones() {
    let mut p = product(Some(3 * DAY), Some(false));
    p.account_id = Some(AccountId(8));
    assert!(product_findings(NOW, &org(), &p).is_none());
}

#[test]
fn a_switchable_product_is_fixed_on_its_row_and_a_late_one_in_the_manager() {
    let warn = product_findings(NOW, &org(), &product(Some(20 * DAY), None)).map(|f| f.fix);
    assert_eq!(
        warn,
        Some(Fix::App {
            route: "#/products/42".to_owned()
        })
    );
    let late = product_findings(NOW, &org(), &product(Some(2 * DAY), None)).map(|f| f.fix);
    assert!(matches!(late, Some(Fix::Manager { .. })));
}

fn access(content: SupportContent, on: bool) -> SupportAccessView {
    SupportAccessView {
        content,
        on,
        granted_at: None,
        expires_at: None,
        remaining: None,
    }
}

#[test]
fn an_open_support_access_is_a_warning_of_the_account_and_a_closed_one_is_nothing() {
    let f = support_findings(&[
        access(SupportContent::Mail, false),
        access(SupportContent::Kdrive, true),
    ]);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].key, f[0].severity),
        (FindingKey::SupportAccessOpen, Severity::Warning)
    );
    assert_eq!(f[0].account_id, None);
    assert_eq!(f[0].subject.as_deref(), Some("kDrive"));
    assert_eq!(
        f[0].fix,
        Fix::App {
            route: "#/support-access".to_owned()
        }
    );
}

#[test]
fn each_scope_the_token_lacks_is_a_finding_whose_fix_is_a_new_token() {
    let found = scope_findings(&["accounts".to_owned(), "billing".to_owned()]);
    let subjects: Vec<Option<&str>> = found.iter().map(|f| f.subject.as_deref()).collect();
    assert_eq!(subjects, [Some("accounts"), Some("billing")]);
    for f in &found {
        assert_eq!(f.key, FindingKey::TokenMissingScope);
        assert_eq!(
            f.account_id, None,
            "the token is the person's, not an organisation's"
        );
        assert_eq!(
            f.fix,
            Fix::Manager {
                url: crate::handoff::TOKEN_PAGE.to_owned()
            }
        );
    }
    assert!(scope_findings(&[]).is_empty());
}
