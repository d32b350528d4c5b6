//! What `simulate` prints: a JSON object with the documented keys, or tables.

use charts::format;
use engine::decisions::{Effect, Goal, Lever, Measure, Plan, SensitivityReport};
use engine::{Band, Leads, Scenario, Stat, Summary};
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

/// One lever in `sensitivity --json`.
#[derive(Serialize)]
pub struct EffectJson {
    pub lever: String,
    /// "rate" (+1 pt), "days" (−1 day), "leads" or "deal_value".
    pub kind: &'static str,
    pub stage: Option<String>,
    /// Change in the median of the measure (revenue, or won deals without deal values).
    pub median_change: f64,
    pub median_change_se: f64,
    pub mean_change: f64,
    pub mean_change_se: f64,
    /// Change in the chance of reaching the target (null without a target).
    pub chance_change: Option<f64>,
    pub chance_change_se: Option<f64>,
}

impl From<&Effect> for EffectJson {
    fn from(e: &Effect) -> Self {
        EffectJson {
            lever: e.label.clone(),
            kind: match e.lever {
                Lever::StageRate(_) => "rate",
                Lever::StageDays(_) => "days",
                Lever::Leads(_) => "leads",
                Lever::DealValue(_) => "deal_value",
            },
            stage: e.stage.clone(),
            median_change: e.median_change,
            median_change_se: e.median_change_se,
            mean_change: e.mean_change,
            mean_change_se: e.mean_change_se,
            chance_change: e.chance_change,
            chance_change_se: e.chance_change_se,
        }
    }
}

/// One stage in `sensitivity --json`: its two levers.
#[derive(Serialize)]
pub struct StageEffectJson {
    pub name: String,
    /// One percentage point more conversion.
    pub rate: Option<EffectJson>,
    /// One day less in the stage (null when it takes no time).
    pub days: Option<EffectJson>,
}

/// The `sensitivity --json` output.
#[derive(Serialize)]
pub struct SensitivityJson {
    pub trials: u64,
    pub seed: u64,
    /// "revenue" or "won".
    pub measure: &'static str,
    pub base_median: f64,
    pub base_chance: Option<f64>,
    /// Name of the stage whose lever is worth most.
    pub first_to_fix: Option<String>,
    /// One entry per sales stage.
    pub stages: Vec<StageEffectJson>,
    /// Every lever, largest effect on the median first.
    pub effects: Vec<EffectJson>,
}

impl SensitivityJson {
    pub fn new(r: &SensitivityReport, scenario: &Scenario) -> Self {
        let find = |want: Lever| {
            r.effects
                .iter()
                .find(|e| e.lever == want)
                .map(EffectJson::from)
        };
        SensitivityJson {
            trials: r.trials,
            seed: scenario.seed(),
            measure: match r.measure {
                Measure::Revenue => "revenue",
                Measure::Won => "won",
            },
            base_median: r.base_median,
            base_chance: r.base_chance,
            first_to_fix: r.first_to_fix.clone(),
            stages: scenario
                .stages()
                .iter()
                .take(engine::SALES_STAGES)
                .enumerate()
                .map(|(i, st)| StageEffectJson {
                    name: st.name.clone(),
                    rate: find(Lever::StageRate(i)),
                    days: find(Lever::StageDays(i)),
                })
                .collect(),
            effects: r.effects.iter().map(EffectJson::from).collect(),
        }
    }
}

/// The readable sensitivity report.
pub fn sensitivity_text(r: &SensitivityReport, scenario: &Scenario) -> String {
    let mut out = String::new();
    let money = r.measure == Measure::Revenue;
    let f = |v: f64| {
        if money {
            format::count(v)
        } else {
            format::mean(v)
        }
    };
    if let Some(first) = &r.first_to_fix {
        let _ = writeln!(out, "Fix first: {first}.");
    }
    let _ = writeln!(
        out,
        "{:<30}{:>16}{:>12}{:>16}",
        "Lever",
        if money {
            "Δ median rev."
        } else {
            "Δ median won"
        },
        "± se",
        "Δ chance"
    );
    for e in &r.effects {
        let chance = e
            .chance_change
            .map(|c| {
                format!(
                    "{:+.1} pt ± {:.1}",
                    c * 100.0,
                    e.chance_change_se.unwrap_or(0.0) * 100.0
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<30}{:>16}{:>12}{:>16}",
            e.label,
            f(e.median_change),
            f(e.median_change_se),
            chance
        );
    }
    let _ = writeln!(
        out,
        "\n{} trials, seed {}, common random numbers for every lever.",
        format::count(r.trials as f64),
        scenario.seed()
    );
    out
}

/// The `plan --json` output.
#[derive(Serialize)]
pub struct PlanJson {
    pub reachable: bool,
    /// Leads per week needed (for a one-off cohort: the cohort's size); null when unreachable.
    pub leads_per_week: Option<f64>,
    /// "per_week" or "cohort": what `leads_per_week` counts.
    pub lead_unit: &'static str,
    pub confidence: f64,
    /// The chance of the target at that volume (at the top of the search when unreachable).
    pub achieved_chance: f64,
    pub achieved_chance_se: f64,
    pub target_revenue: Option<f64>,
    pub target_won: Option<u64>,
    pub horizon_weeks: Option<u32>,
    pub searched_up_to: f64,
}

impl PlanJson {
    pub fn new(plan: &Plan, goal: Goal, scenario: &Scenario) -> Self {
        PlanJson {
            reachable: plan.reachable,
            leads_per_week: plan.value,
            lead_unit: match scenario.leads() {
                Leads::PerWeek(_) => "per_week",
                Leads::Cohort(_) => "cohort",
            },
            confidence: plan.confidence,
            achieved_chance: plan.achieved,
            achieved_chance_se: plan.achieved_se,
            target_revenue: match goal {
                Goal::Revenue(r) => Some(r),
                Goal::Won(_) => None,
            },
            target_won: match goal {
                Goal::Won(k) => Some(k),
                Goal::Revenue(_) => None,
            },
            horizon_weeks: scenario.horizon_weeks(),
            searched_up_to: plan.searched_up_to,
        }
    }
}

/// The readable plan.
pub fn plan_text(p: &PlanJson) -> String {
    let target = match (p.target_revenue, p.target_won) {
        (Some(r), _) => format!("revenue of {}", format::count(r)),
        (_, Some(k)) => format!("{k} won deals"),
        _ => "the target".to_owned(),
    };
    let when = p
        .horizon_weeks
        .map_or(String::new(), |h| format!(" by week {h}"));
    match (p.reachable, p.leads_per_week) {
        (true, Some(v)) => format!(
            "To reach {target}{when} with {} confidence you need {} {}; that gives a {} ± {} chance.",
            format::percent(p.confidence),
            format::mean(v),
            if p.lead_unit == "per_week" { "leads per week" } else { "leads" },
            format::percent(p.achieved_chance),
            format::percent(p.achieved_chance_se)
        ),
        _ => format!(
            "{target}{when} cannot be reached with {} confidence: even with {} {} the chance is {}.",
            format::percent(p.confidence),
            format::count(p.searched_up_to),
            if p.lead_unit == "per_week" { "leads per week" } else { "leads" },
            format::percent(p.achieved_chance)
        ),
    }
}
