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

/// A change in the mean and its standard error, in the measure's words: money
/// for revenue; for won deals, to the first significant digit of the error
/// ("0.63" and "0.02", "1.3" and "0.1"), so the number shows what the run
/// can tell.
pub fn mean_and_error(
    v: f64,
    se: f64,
    revenue: bool,
    money: &dyn Fn(f64) -> String,
) -> (String, String) {
    if revenue {
        return (money(v), money(se));
    }
    let digits = if se.is_finite() && se > 0.0 {
        (-se.log10().floor()).clamp(0.0, 3.0) as usize
    } else {
        1
    };
    (format!("{v:.digits$}"), format!("{se:.digits$}"))
}

/// "+1.3", "+$14,800": a change with its sign.
fn signed(text: String, v: f64) -> String {
    if v >= 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_owned(),
        None => String::new(),
    }
}

/// The best lever of stage `i` (largest mean change).
fn best_of(r: &SensitivityReport, i: usize) -> Option<&Effect> {
    r.effects
        .iter()
        .filter(|e| e.stage() == Some(i))
        .max_by(|a, b| a.mean_change.total_cmp(&b.mean_change))
}

/// The verdict on the stage to fix first, by the change in the mean (amounts
/// of revenue written by `money`), always with its unit:
/// "Improving Closing by 1 pt adds 1.3 more deals won on average (± 0.1) —
/// 1.4 × the next stage." or, when the run cannot tell stages apart,
/// "Closing and Handling objections are worth about the same: +0.9 and +0.8
/// deals won, ± 0.1." None when no lever belongs to a stage.
pub fn verdict(r: &SensitivityReport, money: &dyn Fn(f64) -> String) -> Option<String> {
    let revenue = r.measure == Measure::Revenue;
    let index = r.first_to_fix?;
    let best = best_of(r, index)?;
    let stage = r.stage_name(index)?;
    if !r.tied_with.is_empty() {
        let tied: Vec<(&str, &Effect)> = std::iter::once(index)
            .chain(r.tied_with.iter().copied())
            .filter_map(|i| Some((r.stage_name(i)?, best_of(r, i)?)))
            .collect();
        let se = tied
            .iter()
            .map(|(_, e)| e.mean_change_se)
            .fold(0.0, f64::max);
        let names: Vec<&str> = tied.iter().map(|(n, _)| *n).collect();
        let values: Vec<String> = tied
            .iter()
            .map(|(_, e)| {
                let (v, _) = mean_and_error(e.mean_change, se, revenue, money);
                signed(v, e.mean_change)
            })
            .collect();
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let (_, err) = mean_and_error(0.0, se, revenue, money);
        let unit = if revenue { "of revenue" } else { "deals won" };
        return Some(format!(
            "{} are worth about the same: {} {unit}, ± {err}.",
            and_list(&names),
            and_list(&values)
        ));
    }
    let action = match best.lever {
        Lever::StageRate(_) => format!("Improving {stage} by 1 pt"),
        _ => format!("Cutting a day from {stage}"),
    };
    let (v, err) = mean_and_error(best.mean_change, best.mean_change_se, revenue, money);
    let unit = if revenue {
        "more revenue"
    } else {
        "more deals won"
    };
    let runner_up = (0..r.stage_names.len())
        .filter(|&i| i != index)
        .filter_map(|i| best_of(r, i))
        .map(|e| e.mean_change)
        .fold(f64::NEG_INFINITY, f64::max);
    let ratio = if runner_up > 0.0 {
        format!(" — {:.1} × the next stage", best.mean_change / runner_up)
    } else {
        String::new()
    };
    Some(format!(
        "{action} adds {v} {unit} on average (± {err}){ratio}."
    ))
}

/// The tornado's accessible name: what it shows and the stage to fix first
/// (or the stages tied for it).
pub fn tornado_label(r: &SensitivityReport) -> String {
    let measure = match r.measure {
        Measure::Revenue => "revenue",
        Measure::Won => "won deals",
    };
    let names: Vec<&str> = r
        .first_to_fix
        .into_iter()
        .chain(r.tied_with.iter().copied())
        .filter_map(|i| r.stage_name(i))
        .collect();
    let fix = match names.as_slice() {
        [] => String::new(),
        [one] => format!("Fix {one} first."),
        _ => format!("{} are tied.", and_list(&names)),
    };
    format!("Tornado chart of the change in mean {measure} for each lever, largest first. {fix}")
}

/// An effect on the mean with its Monte Carlo error: "0.63 ± 0.02",
/// "$1,200 ± $150".
pub fn mean_change(e: &Effect, revenue: bool, money: &dyn Fn(f64) -> String) -> String {
    let (v, err) = mean_and_error(e.mean_change, e.mean_change_se, revenue, money);
    format!("{v} ± {err}")
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

/// The "When" card's question, naming the target it follows (the revenue
/// target first, as [`reach_by_week`]): "When will we reach $250,000 of
/// revenue?", "When will we reach 20 deals won?", or "… the target?" before
/// a forecast has one.
pub fn when_question(s: Option<&Summary>, money: &dyn Fn(f64) -> String) -> String {
    let target = s.and_then(|s| s.target.as_ref());
    let words = match (target.and_then(|t| t.revenue), target.and_then(|t| t.won)) {
        (Some(revenue), _) => format!("{} of revenue", money(revenue)),
        (None, Some(won)) => format!("{} deals won", format::count(won as f64)),
        (None, None) => "the target".to_owned(),
    };
    format!("When will we reach {words}?")
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
