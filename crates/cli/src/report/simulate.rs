//! What `simulate` prints: a JSON object with the documented keys, or tables.

use super::describe;
use charts::format;
use engine::{Band, Scenario, Stat, Summary};
use serde::Serialize;
use std::fmt::Write;

/// `won` and `revenue`: mean, spread and percentiles, with the mean's
/// standard error.
#[derive(Serialize)]
pub struct Distribution {
    pub mean: f64,
    pub se: f64,
    pub sd: f64,
    pub p5: f64,
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
    pub p95: f64,
}

impl From<&Stat> for Distribution {
    fn from(s: &Stat) -> Self {
        Distribution {
            mean: s.mean,
            se: s.se,
            sd: s.sd,
            p5: s.p5,
            p10: s.p10,
            p25: s.p25,
            p50: s.p50,
            p75: s.p75,
            p90: s.p90,
            p95: s.p95,
        }
    }
}

#[derive(Serialize)]
pub struct Reached {
    pub mean: f64,
    pub se: f64,
    pub sd: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

#[derive(Serialize)]
pub struct StageReport {
    pub name: String,
    pub reached: Reached,
}

#[derive(Serialize)]
pub struct Percentiles {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

impl From<&Band> for Percentiles {
    fn from(b: &Band) -> Self {
        Percentiles {
            p10: b.p10,
            p50: b.p50,
            p90: b.p90,
        }
    }
}

#[derive(Serialize)]
pub struct WeekReport {
    pub week: u32,
    pub won: Percentiles,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Percentiles>,
}

#[derive(Serialize)]
pub struct DaysReport {
    pub mean: f64,
    pub p50: f64,
    pub p90: f64,
}

#[derive(Serialize)]
pub struct TargetReport {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_won: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_won_se: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_revenue: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_revenue_se: Option<f64>,
}

/// The `--json` output. Its keys are a public contract (README, issue 3).
#[derive(Serialize)]
pub struct JsonReport {
    pub trials: u64,
    pub seed: u64,
    pub won: Distribution,
    /// null without `deal_value`.
    pub revenue: Option<Distribution>,
    /// null when no deal from a new lead was won.
    pub days_to_win: Option<DaysReport>,
    pub stages: Vec<StageReport>,
    /// Empty without a horizon.
    pub weekly: Vec<WeekReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetReport>,
    /// Trials stopped at the lead cap (runaway referral loops); normally 0.
    pub capped_trials: u64,
}

impl JsonReport {
    pub fn new(s: &Summary) -> Self {
        JsonReport {
            trials: s.trials_done,
            seed: s.seed,
            won: (&s.won).into(),
            revenue: s.revenue.as_ref().map(Into::into),
            days_to_win: s.days_to_win.as_ref().map(|d| DaysReport {
                mean: d.mean,
                p50: d.p50,
                p90: d.p90,
            }),
            stages: s
                .stages
                .iter()
                .map(|st| StageReport {
                    name: st.name.clone(),
                    reached: Reached {
                        mean: st.reached.mean,
                        se: st.reached.se,
                        sd: st.reached.sd,
                        p10: st.reached.p10,
                        p50: st.reached.p50,
                        p90: st.reached.p90,
                    },
                })
                .collect(),
            weekly: s
                .weekly
                .iter()
                .map(|w| WeekReport {
                    week: w.week,
                    won: (&w.won).into(),
                    revenue: w.revenue.as_ref().map(Into::into),
                })
                .collect(),
            target: s.target.as_ref().map(|t| TargetReport {
                p_won: t.p_won.as_ref().map(|p| p.p),
                p_won_se: t.p_won.as_ref().map(|p| p.se),
                p_revenue: t.p_revenue.as_ref().map(|p| p.p),
                p_revenue_se: t.p_revenue.as_ref().map(|p| p.se),
            }),
            capped_trials: s.capped_trials,
        }
    }
}

fn pct(p: f64) -> String {
    format::percent(p)
}

/// The readable report.
pub fn text(scenario: &Scenario, s: &Summary) -> String {
    let mut out = String::new();
    let name = if scenario.name().is_empty() {
        "Scenario"
    } else {
        scenario.name()
    };
    let _ = writeln!(out, "{name}: {}", describe(scenario));
    let _ = writeln!(out);
    let line = |label: &str, st: &Stat, money: bool| {
        let f = |v: f64| {
            if money {
                format::count(v)
            } else {
                format::mean(v)
            }
        };
        format!(
            "{label:<14}mean {} (± {})   P10 {}   P50 {}   P90 {}   (P5 {}, P95 {})\n",
            f(st.mean),
            format::mean(st.se),
            f(st.p10),
            f(st.p50),
            f(st.p90),
            f(st.p5),
            f(st.p95)
        )
    };
    out.push_str(&line("Deals won", &s.won, false));
    if let Some(r) = &s.revenue {
        out.push_str(&line("Revenue", r, true));
    }
    if let Some(d) = &s.days_to_win {
        let _ = writeln!(
            out,
            "{:<14}mean {:.1}   P50 {:.1}   P90 {:.1} (days from lead to win)",
            "Days to win", d.mean, d.p50, d.p90
        );
    }
    if let Some(t) = &s.target {
        if let (Some(won), Some(p)) = (t.won, &t.p_won) {
            let _ = writeln!(
                out,
                "{:<14}P(won ≥ {won}) = {} ± {}",
                "Target",
                pct(p.p),
                pct(p.se)
            );
        }
        if let (Some(rev), Some(p)) = (t.revenue, &t.p_revenue) {
            let _ = writeln!(
                out,
                "{:<14}P(revenue ≥ {}) = {} ± {}",
                "Target",
                format::count(rev),
                pct(p.p),
                pct(p.se)
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{:<22}{:>10}{:>10}{:>10}{:>10}",
        "Stage reached", "mean", "P10", "P50", "P90"
    );
    for st in &s.stages {
        let r = &st.reached;
        let _ = writeln!(
            out,
            "{:<22}{:>10}{:>10}{:>10}{:>10}",
            st.name,
            format::mean(r.mean),
            format::count(r.p10),
            format::count(r.p50),
            format::count(r.p90)
        );
    }
    if !s.weekly.is_empty() {
        let _ = writeln!(
            out,
            "\n{:<6}{:>24}{:>36}",
            "Week", "won by then P10/P50/P90", "revenue by then P10/P50/P90"
        );
        for w in &s.weekly {
            let revenue = w.revenue.as_ref().map_or(String::new(), |r| {
                format!(
                    "{} / {} / {}",
                    format::count(r.p10),
                    format::count(r.p50),
                    format::count(r.p90)
                )
            });
            let _ = writeln!(
                out,
                "{:<6}{:>24}{:>36}",
                w.week,
                format!(
                    "{} / {} / {}",
                    format::count(w.won.p10),
                    format::count(w.won.p50),
                    format::count(w.won.p90)
                ),
                revenue
            );
        }
    }
    if s.capped_trials > 0 {
        let _ = writeln!(
            out,
            "\nWarning: {} trials stopped adding referral leads at 10^13 leads (a runaway referral loop).",
            s.capped_trials
        );
    }
    let _ = writeln!(
        out,
        "\n{} trials, seed {}. ± is the Monte Carlo standard error.",
        format::count(s.trials_done as f64),
        s.seed
    );
    out
}
