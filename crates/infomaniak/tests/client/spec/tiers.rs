//! The route table's tiers against the spec's paths.

use crate::support::spec;
use infomaniak::{Route, Tier};

#[test]
fn a_route_is_documented_exactly_when_the_spec_has_it() {
    let mut wrong = Vec::new();
    for route in Route::ALL {
        let in_spec = spec::operation(*route).is_some();
        if in_spec != (route.tier() == Tier::Documented) {
            wrong.push(format!(
                "{route} is {} but the spec {} it",
                route.tier().as_str(),
                if in_spec { "has" } else { "lacks" }
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn lists_are_paged_exactly_where_the_spec_declares_paging() {
    let mut wrong = Vec::new();
    for route in Route::ALL {
        let Some(op) = spec::operation(*route) else {
            continue;
        };
        let declared = spec::query_parameters(op)
            .iter()
            .any(|p| p["name"] == "page");
        // A read the spec pages must be paged by the client (or a full list costs one request per
        // default-sized page). The reverse, `page` sent where the spec lacks it, is an undeclared
        // parameter for the request oracle (spec::requests).
        if declared && !route.declares_paging() {
            wrong.push(format!("{route}: the spec pages it, the client does not"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_oracle_reads_placeholders_by_shape_and_finds_every_operation() {
    assert_eq!(
        spec::shape("/1/accounts/{account}/teams/{team}/users"),
        spec::shape("/1/accounts/{account_id}/teams/{team_id}/users")
    );
    // 57 paths, some with several methods.
    assert!(spec::operations().len() > 57);
}
