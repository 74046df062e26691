//! Date arithmetic over the whole range a date from the API can hold: never a panic (debug
//! builds check overflow), never a wrap (release builds would move an expired product off the
//! board), and the answers keep their meaning at the edges.

use desk::attention::wording;
use desk::products::renewals::{
    RenewalGroup, can_switch_on, days_left, first_payment_attempt, group_at,
};
use desk::products::{CachedProduct, OrgRenewals};
use desk::reminders::{Portfolio, ReminderSettings, due, is_catch_up};
use desk::settings::Locale;
use desk::support_access::remaining;
use infomaniak::AccountId;
use proptest::prelude::*;
use std::collections::{BTreeMap, HashSet};

proptest! {
    #[test]
    fn renewal_rules_hold_for_any_dates(now in any::<i64>(), expiry in any::<i64>(), auto in any::<Option<bool>>()) {
        let group = group_at(now, Some(expiry), auto);
        prop_assert_eq!(group == RenewalGroup::Expired, expiry <= now);
        let left = days_left(now, expiry);
        prop_assert_eq!(left.signum(), (i128::from(expiry) - i128::from(now)).signum() as i64);
        if can_switch_on(now, Some(expiry)) {
            prop_assert!(expiry > now);
        }
        prop_assert!(first_payment_attempt(expiry) <= expiry);
        if let Some(r) = remaining(now, expiry) {
            prop_assert!(expiry > now);
            prop_assert!(r.hours < 24 && r.minutes < 60);
        }
        let _ = desk::date_of(expiry);
        for locale in [Locale::En, Locale::Fr, Locale::De, Locale::It, Locale::Es] {
            let _ = wording::when(locale, now, expiry);
            let _ = wording::date(locale, expiry, 50_400);
        }
        let _ = is_catch_up(now, Some(expiry));
    }

    #[test]
    fn reminders_are_computed_for_any_dates(now in any::<i64>(), expiry in any::<i64>(), offset in -50_400..=50_400i32) {
        let products = vec![CachedProduct {
            id: 1,
            account_id: Some(AccountId(7)),
            service: "hosting".into(),
            name: "Edge case".into(),
            expires_at: Some(expiry),
            ..CachedProduct::default()
        }];
        let renewals: Vec<OrgRenewals> = Vec::new();
        let names = BTreeMap::new();
        let portfolio = Portfolio {
            products: &products,
            renewals: &renewals,
            organisation_names: &names,
        };
        let settings = ReminderSettings::default();
        let notes = due(now, offset, &portfolio, &settings, &HashSet::new(), None);
        // Whatever is due is due for a product that expires within the longest lead time.
        for n in &notes {
            for r in n.reminders() {
                prop_assert_eq!(r.product_id, 1);
            }
        }
    }
}
