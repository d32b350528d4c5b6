//! The words and files made from a summary: the headline sentence and the
//! CSV exports. Pure functions of the summary (and a money formatter), so
//! they are tested natively.

use charts::format::{self, csv_field};
use engine::Summary;
use std::fmt::Write;

/// The one sentence a manager reads first, e.g. "72 % chance to reach the
/// $250,000 target by week 13; most likely $268,000 (P10 $190,000 – P90
/// $352,000)."
pub fn headline(s: &Summary, money: &dyn Fn(f64) -> String) -> String {
    let when = s
        .horizon_weeks
        .map_or("in the end".to_owned(), |h| format!("by week {h}"));
    let target = s.target.as_ref();
    let revenue_target = target.and_then(|t| t.revenue.zip(t.p_revenue.as_ref()));
    let won_target = target.and_then(|t| t.won.zip(t.p_won.as_ref()));
    match (&s.revenue, revenue_target, won_target) {
        (Some(r), Some((t, p)), _) => format!(
            "{} chance to reach the {} target {when}; most likely {} (P10 {} – P90 {}).",
            format::percent(p.p),
            money(t),
            money(r.p50),
            money(r.p10),
            money(r.p90)
        ),
        (revenue, _, Some((t, p))) => {
            let likely = match revenue {
                Some(r) => format!(
                    "most likely {} deals and {} (P10 {} – P90 {})",
                    format::count(s.won.p50),
                    money(r.p50),
                    money(r.p10),
                    money(r.p90)
                ),
                None => format!(
                    "most likely {} (P10 {} – P90 {})",
                    format::count(s.won.p50),
                    format::count(s.won.p10),
                    format::count(s.won.p90)
                ),
            };
            format!(
                "{} chance to win at least {} deals {when}; {likely}.",
                format::percent(p.p),
                format::count(t as f64)
            )
        }
        (Some(r), _, None) => format!(
            "Most likely {} {when} (P10 {} – P90 {}), from {} deals won.",
            money(r.p50),
            money(r.p10),
            money(r.p90),
            format::count(s.won.p50)
        ),
        (None, _, None) => format!(
            "Most likely {} deals won {when} (P10 {} – P90 {}).",
            format::count(s.won.p50),
            format::count(s.won.p10),
            format::count(s.won.p90)
        ),
    }
}

/// The summary as CSV: one row per measure (won, revenue, days to win, each
/// stage), with mean, standard error, SD and percentiles; then targets.
pub fn summary_csv(s: &Summary) -> String {
    let mut out = String::from("measure,mean,se,sd,p5,p10,p25,p50,p75,p90,p95\n");
    let mut row = |name: &str, st: &engine::Stat| {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{}",
            csv_field(name),
            st.mean,
            st.se,
            st.sd,
            st.p5,
            st.p10,
            st.p25,
            st.p50,
            st.p75,
            st.p90,
            st.p95
        );
    };
    row("won deals", &s.won);
    if let Some(r) = &s.revenue {
        row("revenue", r);
    }
    for stage in &s.stages {
        row(&format!("reached {}", stage.name), &stage.reached);
    }
    row("repeat purchases", &s.repeat);
    if let Some(d) = &s.days_to_win {
        let _ = writeln!(out, "days to win,{},,,,,,{},,{},", d.mean, d.p50, d.p90);
    }
    if let Some(t) = &s.target {
        if let (Some(won), Some(p)) = (t.won, &t.p_won) {
            let _ = writeln!(
                out,
                "{},{},{},,,,,,,,",
                csv_field(&format!("P(won >= {won})")),
                p.p,
                p.se
            );
        }
        if let (Some(rev), Some(p)) = (t.revenue, &t.p_revenue) {
            let _ = writeln!(
                out,
                "{},{},{},,,,,,,,",
                csv_field(&format!("P(revenue >= {rev})")),
                p.p,
                p.se
            );
        }
    }
    let _ = writeln!(out, "trials,{},,,,,,,,,", s.trials_done);
    let _ = writeln!(out, "seed,{},,,,,,,,,", s.seed);
    out
}

/// The week-by-week table as CSV (cumulative won deals and revenue).
pub fn weekly_csv(s: &Summary) -> String {
    let mut out = String::from(
        "week,won_mean,won_p10,won_p50,won_p90,revenue_mean,revenue_p10,revenue_p50,revenue_p90,p_won_target,p_revenue_target\n",
    );
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for w in &s.weekly {
        let r = w.revenue.as_ref();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{}",
            w.week,
            w.won.mean,
            w.won.p10,
            w.won.p50,
            w.won.p90,
            opt(r.map(|r| r.mean)),
            opt(r.map(|r| r.p10)),
            opt(r.map(|r| r.p50)),
            opt(r.map(|r| r.p90)),
            opt(w.p_won_target),
            opt(w.p_revenue_target)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::{Scenario, ScenarioInput, Simulation};

    fn summary(json: &str) -> Summary {
        let input: ScenarioInput = serde_json::from_str(json).expect("parses");
        let mut sim = Simulation::new(Scenario::new(&input).expect("valid").with_trials(500));
        sim.step(u64::MAX);
        sim.summary()
    }

    fn dollars(v: f64) -> String {
        format!("${}", format::count(v))
    }

    #[test]
    fn headline_names_chance_target_and_range() {
        let s = summary(include_str!("../docs/example-scenario.json"));
        let h = headline(&s, &dollars);
        let r = s.revenue.as_ref().expect("revenue");
        let p = s
            .target
            .as_ref()
            .and_then(|t| t.p_revenue.as_ref())
            .expect("p")
            .p;
        assert_eq!(
            h,
            format!(
                "{} chance to reach the $250,000 target by week 13; most likely {} (P10 {} – P90 {}).",
                format::percent(p),
                dollars(r.p50),
                dollars(r.p10),
                dollars(r.p90)
            )
        );
    }

    #[test]
    fn headline_without_money_or_target() {
        let s = summary(&serde_json::to_string(&ScenarioInput::default()).expect("json"));
        let h = headline(&s, &dollars);
        assert!(
            h.starts_with("Most likely ") && h.contains("deals won in the end"),
            "{h}"
        );
    }

    #[test]
    fn csv_holds_the_numbers() {
        let s = summary(include_str!("../docs/example-scenario.json"));
        let csv = summary_csv(&s);
        assert!(csv.starts_with("measure,mean,se,sd,p5"));
        assert!(csv.contains(&format!("won deals,{},{}", s.won.mean, s.won.se)));
        assert!(csv.contains("reached Needs assessment,"));
        assert!(csv.contains("P(revenue >= 250000)"));
        let weekly = weekly_csv(&s);
        assert_eq!(weekly.lines().count(), 14);
        let last = weekly.lines().last().expect("week 13");
        assert!(last.starts_with(&format!("13,{}", s.weekly[12].won.mean)));
    }
}

/// The open pipeline a plan asks for, against the rule of thumb of three
/// times the target: "… about $540,000 of open deals, 2.2 × the target (the
/// usual rule of thumb is 3 ×)".
pub fn pipeline_coverage(
    input: &engine::ScenarioInput,
    multiple: f64,
    goal: engine::decisions::Goal,
    money: &dyn Fn(f64) -> String,
) -> String {
    let open: f64 = input.pipeline.as_ref().map_or(0.0, |p| p.iter().sum());
    let needed_deals = open * multiple;
    match goal {
        engine::decisions::Goal::Revenue(target) => {
            let mean_value = engine::Scenario::new(input)
                .ok()
                .and_then(|s| s.deal_value())
                .map_or(0.0, |v| v.mean());
            let value = needed_deals * mean_value;
            format!(
                "{multiple:.1} × today's open pipeline: about {} open deals worth {}, {:.1} × the target (the usual rule of thumb is 3 ×)",
                format::count(needed_deals),
                money(value),
                if target > 0.0 { value / target } else { 0.0 }
            )
        }
        engine::decisions::Goal::Won(target) => format!(
            "{multiple:.1} × today's open pipeline: about {} open deals, {:.1} × the target of {} won (the usual rule of thumb is 3 ×)",
            format::count(needed_deals),
            if target > 0 { needed_deals / target as f64 } else { 0.0 },
            target
        ),
    }
}

#[cfg(test)]
mod coverage_tests {
    use super::*;
    use engine::decisions::Goal;

    #[test]
    fn coverage_compares_with_three_times_the_target() {
        let input: engine::ScenarioInput =
            serde_json::from_str(include_str!("../docs/example-scenario.json")).expect("parses");
        // 101 open deals × 2 = 202 deals.
        let won = pipeline_coverage(&input, 2.0, Goal::Won(20), &|v| format!("${v:.0}"));
        assert!(
            won.starts_with(
                "2.0 × today's open pipeline: about 202 open deals, 10.1 × the target of 20"
            ),
            "{won}"
        );
        let revenue = pipeline_coverage(&input, 1.0, Goal::Revenue(250_000.0), &|v| {
            format!("${v:.0}")
        });
        assert!(
            revenue.contains("about 101 open deals worth $"),
            "{revenue}"
        );
        assert!(revenue.contains("rule of thumb is 3 ×"));
    }
}
