//! A short, exact digest of a quarter shown deal by deal: shared by the
//! native golden test and the browser (wasm) test, so both compare the same
//! thing with `crates/engine/tests/golden/quarter.json`.

use engine::{Fate, Quarter};

pub fn digest(q: &Quarter) -> String {
    let days: f64 = q.deals.iter().flat_map(|d| d.entered.iter()).sum();
    let lost: f64 = q
        .deals
        .iter()
        .filter_map(|d| match d.fate {
            Fate::Lost { day, .. } => Some(day),
            _ => None,
        })
        .sum();
    let follow: f64 = q.deals.iter().filter_map(|d| d.follow_up).sum();
    let json = serde_json::json!({
        "deals": q.deals.len(),
        "won": q.outcome.won(),
        "entered_days_sum": days,
        "lost_days_sum": lost,
        "follow_up_days_sum": follow,
        "first": q.deals.first(),
        "last": q.deals.last(),
    });
    serde_json::to_string_pretty(&json).expect("serialises") + "\n"
}
