//! What `sensitivity` prints: every lever's effect, as JSON or a table.
//! Effects name stages by index; the names are looked up here, for print.

use charts::format;
use engine::decisions::{Effect, Lever, Measure, SensitivityReport};
use engine::Scenario;
use serde::Serialize;
use std::fmt::Write;

/// The name of stage `stage` (an index) in the report, for print.
fn stage_name(r: &SensitivityReport, stage: Option<usize>) -> Option<String> {
    stage.and_then(|i| r.stage_name(i)).map(str::to_owned)
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
    /// Change in the mean of the measure (what levers are ranked by), and its
    /// Monte Carlo standard error from the paired per-trial differences.
    pub mean_change: f64,
    pub mean_change_se: f64,
    /// Change in the chance of reaching the target (null without a target).
    pub chance_change: Option<f64>,
    pub chance_change_se: Option<f64>,
}

impl EffectJson {
    /// `e` of report `r`, its stage named as the scenario names it.
    fn new(e: &Effect, r: &SensitivityReport) -> Self {
        EffectJson {
            lever: e.label.clone(),
            kind: match e.lever {
                Lever::StageRate(_) => "rate",
                Lever::StageDays(_) => "days",
                Lever::Leads(_) => "leads",
                Lever::DealValue(_) => "deal_value",
            },
            stage: stage_name(r, e.stage()),
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
    /// Name of the stage whose lever adds most to the mean.
    pub first_to_fix: Option<String>,
    /// Names of the other stages whose best lever is within two standard
    /// errors (of the paired difference) of `first_to_fix`'s: tied with it.
    pub tied_with: Vec<String>,
    /// One entry per sales stage.
    pub stages: Vec<StageEffectJson>,
    /// Every lever, largest effect on the mean first.
    pub effects: Vec<EffectJson>,
}

impl SensitivityJson {
    pub fn new(r: &SensitivityReport, scenario: &Scenario) -> Self {
        let find = |want: Lever| {
            r.effects
                .iter()
                .find(|e| e.lever == want)
                .map(|e| EffectJson::new(e, r))
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
            first_to_fix: stage_name(r, r.first_to_fix),
            tied_with: r
                .tied_with
                .iter()
                .filter_map(|&i| stage_name(r, Some(i)))
                .collect(),
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
            effects: r.effects.iter().map(|e| EffectJson::new(e, r)).collect(),
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
    // Errors of a few deals keep two significant digits ("0.31", not "0.3").
    let se = |v: f64| {
        if money {
            format::count(v)
        } else {
            format::small(v)
        }
    };
    if let Some(first) = stage_name(r, r.first_to_fix) {
        let tied: Vec<String> = r
            .tied_with
            .iter()
            .filter_map(|&i| stage_name(r, Some(i)))
            .collect();
        if tied.is_empty() {
            let _ = writeln!(out, "Fix first: {first}.");
        } else {
            let _ = writeln!(
                out,
                "Fix first: {first}, tied with {} (within two standard errors).",
                tied.join(", ")
            );
        }
    }
    let unit = if money { "rev." } else { "won" };
    let _ = writeln!(
        out,
        "{:<30}{:>14}{:>10}{:>16}{:>16}",
        "Lever",
        format!("Δ mean {unit}"),
        "± se",
        format!("Δ median {unit}"),
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
            "{:<30}{:>14}{:>10}{:>16}{:>16}",
            e.label,
            f(e.mean_change),
            se(e.mean_change_se),
            f(e.median_change),
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
