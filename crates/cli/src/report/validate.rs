//! What `validate` prints about a valid scenario: one line describing it.

use charts::format;
use engine::{Leads, Scenario};

/// One line about a valid scenario.
pub fn describe(s: &Scenario) -> String {
    let leads = match s.leads() {
        Leads::Cohort(n) => format!("a cohort of {} leads", format::count(n as f64)),
        Leads::PerWeek(l) => format!("{} leads per week", format::mean(l)),
    };
    let horizon = s
        .horizon_weeks()
        .map_or("no horizon".to_owned(), |h| format!("a {h}-week horizon"));
    let open: u64 = s.pipeline().iter().sum();
    format!(
        "{leads}, {horizon}, {} open deals, {} trials, seed {}.",
        format::count(open as f64),
        format::count(s.trials() as f64),
        s.seed()
    )
}
