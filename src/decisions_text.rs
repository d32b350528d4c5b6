//! The words of the "What to do" panel: the verdict on the lever worth most,
//! the planner's answer and when the target is reached. Pure functions of
//! the engine's answers (and a money formatter), so they are tested natively.

use charts::format;
use engine::decisions::{Effect, Lever, Measure, Plan, Question, SensitivityReport};
use engine::{ScenarioInput, Summary};

/// A change in the measure: money for revenue, a count of won deals otherwise.
pub fn amount(v: f64, revenue: bool, money: &dyn Fn(f64) -> String) -> String {
    if revenue {
        money(v)
    } else {
        format::mean(v)
    }
}

/// "Improving Closing by 1 pt is worth $12,800 at the median — 1.3 × more
/// than any other stage." None when no lever belongs to a stage.
pub fn verdict(r: &SensitivityReport, value: &dyn Fn(f64) -> String) -> Option<String> {
    let best = r
        .effects
        .iter()
        .filter(|e| e.stage().is_some())
        .max_by(|a, b| a.median_change.total_cmp(&b.median_change))?;
    let index = best.stage()?;
    let stage = r.stage_name(index)?;
    let runner_up = r
        .effects
        .iter()
        .filter(|e| e.stage().is_some_and(|s| s != index))
        .map(|e| e.median_change)
        .fold(f64::NEG_INFINITY, f64::max);
    let action = match best.lever {
        Lever::StageRate(_) => format!("Improving {stage} by 1 pt"),
        _ => format!("Cutting a day from {stage}"),
    };
    let ratio = if runner_up > 0.0 {
        format!(
            " — {:.1} × more than any other stage",
            best.median_change / runner_up
        )
    } else {
        String::new()
    };
    Some(format!(
        "{action} is worth {} at the median{ratio}.",
        value(best.median_change)
    ))
}

/// The tornado's accessible name: what it shows and the stage to fix first.
pub fn tornado_label(r: &SensitivityReport) -> String {
    let measure = match r.measure {
        Measure::Revenue => "revenue",
        Measure::Won => "won deals",
    };
    let fix = r
        .first_to_fix
        .and_then(|i| r.stage_name(i))
        .map(|s| format!("Fix {s} first."))
        .unwrap_or_default();
    format!("Tornado chart of the change in median {measure} for each lever, largest first. {fix}")
}

/// An effect on the median with its Monte Carlo error: "$1,200 ± $150".
pub fn median_change(e: &Effect, value: &dyn Fn(f64) -> String) -> String {
    format!("{} ± {}", value(e.median_change), value(e.median_change_se))
}

/// An effect on the chance of the target in points, "+2.1 pt ± 0.4", or "–"
/// without a target.
pub fn chance_change(e: &Effect) -> String {
    e.chance_change.map_or_else(
        || "–".to_owned(),
        |c| {
            format!(
                "{:+.1} pt ± {:.1}",
                c * 100.0,
                e.chance_change_se.unwrap_or(0.0) * 100.0
            )
        },
    )
}

/// The planner's answer to `question`, asked as `label`: the value needed and
/// the chance it gives, or why the target is out of reach. An open pipeline
/// is compared with the usual rule of thumb when the scenario is at hand.
pub fn plan_answer(
    label: &str,
    question: &Question,
    p: &Plan,
    scenario: Option<&ScenarioInput>,
    money: &dyn Fn(f64) -> String,
) -> String {
    if !p.reachable {
        return format!(
            "{label}: the target cannot be reached with {} confidence within the range searched (at most {} gives a {} chance).",
            format::percent(p.confidence),
            format::mean(p.searched_up_to),
            format::percent(p.achieved)
        );
    }
    let v = p.value.unwrap_or_default();
    let amount = match (question, scenario) {
        (Question::StageRate { .. }, _) => format::percent(v),
        (Question::Pipeline { goal, .. }, Some(s)) => {
            crate::report::pipeline_coverage(s, v, *goal, money)
        }
        (Question::Pipeline { .. }, None) => format!("{v:.1} × today's open pipeline"),
        _ => format::mean(v),
    };
    format!(
        "{label}: {amount}, for a {} ± {} chance.",
        format::percent(p.achieved),
        format::percent(p.achieved_se)
    )
}

/// The chance of having reached the target by the end of each week, revenue
/// target first; None without a target or a horizon.
pub fn reach_by_week(s: &Summary) -> Option<(bool, Vec<f64>)> {
    let revenue = s.weekly.iter().any(|w| w.p_revenue_target.is_some());
    let chances: Vec<f64> = s
        .weekly
        .iter()
        .filter_map(|w| {
            if revenue {
                w.p_revenue_target
            } else {
                w.p_won_target
            }
        })
        .collect();
    (!chances.is_empty()).then_some((revenue, chances))
}

/// "The target is reached by week 9 with 50 % confidence, by week 12 with
/// 85 % and by not within the horizon with 95 %."
pub fn when_reached(s: &Summary, revenue: bool) -> String {
    let at = |conf: f64| {
        s.week_reaching(conf, revenue)
            .map_or("not within the horizon".to_owned(), |w| format!("week {w}"))
    };
    format!(
        "The target is reached by {} with 50 % confidence, by {} with 85 % and by {} with 95 %.",
        at(0.5),
        at(0.85),
        at(0.95)
    )
}

#[cfg(test)]
mod tests;
