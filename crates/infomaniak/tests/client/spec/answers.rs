//! The sandbox's answers to the client's requests validate against the spec's response schemas,
//! in both profiles and in the demo and large worlds.

use super::{configs, exchanges, ratchet};
use crate::support::{self, spec};
use serde_json::Value;

#[tokio::test]
async fn every_documented_answer_validates_against_the_spec() {
    let mut problems = Vec::new();
    for (name, config) in configs() {
        let api = support::roomy(config).await;
        for (route, records) in exchanges(&api).await {
            let op = spec::operation(route).expect("documented routes are in the spec");
            let answered: Vec<_> = records
                .iter()
                .filter(|r| (200..300).contains(&r.status))
                .filter_map(|r| r.answer.as_deref())
                .collect();
            if answered.is_empty() {
                problems.push(format!("{name}: {route} was not covered (no answer)"));
            }
            for answer in answered {
                let answer: Value = serde_json::from_str(answer).expect("JSON answer");
                for v in spec::answer_violations(op, &answer) {
                    problems.push(format!("{name}: {route}: {v}"));
                }
            }
        }
        api.shutdown().await;
    }
    ratchet("answers", &problems);
}

#[tokio::test]
async fn the_oracle_refuses_an_answer_that_breaks_the_schema() {
    let op = spec::operation(infomaniak::Route::TeamUsers).unwrap();
    let good = serde_json::json!({"result": "success", "data": [{
        "id": 1, "display_name": "A B", "first_name": "A", "last_name": "B",
        "email": "a@b.ch", "is_sso": false, "last_login_at": 1, "teams": []
    }]});
    assert!(spec::answer_violations(op, &good).is_empty());
    let mut bad = good.clone();
    bad["data"][0].as_object_mut().unwrap().remove("id");
    bad["data"][0]["user_id"] = 1.into();
    assert!(!spec::answer_violations(op, &bad).is_empty());
}
