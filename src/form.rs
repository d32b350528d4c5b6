//! The scenario form: what the user typed, and turning it into a scenario.
//!
//! Inputs stay as text so a half-typed value is never lost or rewritten; each
//! edit is parsed here, then validated by the engine's one constructor. Every
//! problem comes back keyed by its [`FieldKey`] so the UI can show it next to
//! the input concerned.

use engine::{
    DealValueInput, Field, FollowUpInput, LeadsInput, Scenario, ScenarioInput, StageInput,
    TargetInput, SALES_STAGES, STAGE_COUNT,
};
use std::collections::BTreeMap;

/// How leads arrive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeadMode {
    /// One cohort at the start.
    Cohort,
    /// New leads every week of the horizon.
    PerWeek,
}

/// The form's raw text, one string per input, over the scenario it edits.
#[derive(Clone, Debug, PartialEq)]
pub struct FormValues {
    /// The scenario being edited (its version and anything the form does not show).
    pub base: ScenarioInput,
    pub name: String,
    pub lead_mode: LeadMode,
    pub leads: String,
    /// Weeks; empty means "no horizon" (cohort only).
    pub horizon: String,
    pub trials: String,
    pub seed: String,
    pub stage_names: [String; STAGE_COUNT],
    /// Conversion rates as percentages, e.g. "60".
    pub rates: [String; STAGE_COUNT],
    /// Mean days in each stage; empty means 0.
    pub days: [String; STAGE_COUNT],
    /// Evidence (deals) behind each rate; empty means the rate is exact.
    pub evidence: [String; STAGE_COUNT],
    /// Open deals now in stages 1–6.
    pub pipeline: [String; SALES_STAGES],
    /// Whether deal values (and so revenue) are part of the scenario.
    pub values_on: bool,
    pub value_median: String,
    pub value_p90: String,
    pub repeat_value: String,
    pub referrals: String,
    /// Empty means no target.
    pub target_revenue: String,
    pub target_won: String,
}

/// Messages keyed by field; empty when the form is valid.
pub type FieldMessages = BTreeMap<FieldKey, String>;

/// Which input a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FieldKey {
    Scenario,
    Leads,
    Horizon,
    Trials,
    Seed,
    StageName(usize),
    Rate(usize),
    Days(usize),
    Evidence(usize),
    Pipeline(usize),
    ValueMedian,
    ValueP90,
    RepeatValue,
    Referrals,
    TargetRevenue,
    TargetWon,
}

impl From<Field> for FieldKey {
    fn from(field: Field) -> Self {
        match field {
            Field::Leads => FieldKey::Leads,
            Field::Horizon => FieldKey::Horizon,
            Field::Trials => FieldKey::Trials,
            Field::Seed => FieldKey::Seed,
            Field::StageName(i) => FieldKey::StageName(i),
            Field::StageRate(i) => FieldKey::Rate(i),
            Field::StageDays(i) => FieldKey::Days(i),
            Field::StageEvidence(i) => FieldKey::Evidence(i),
            Field::Pipeline(i) => FieldKey::Pipeline(i.min(SALES_STAGES - 1)),
            Field::DealValueMedian => FieldKey::ValueMedian,
            Field::DealValueP90 => FieldKey::ValueP90,
            Field::RepeatValue => FieldKey::RepeatValue,
            Field::Referrals => FieldKey::Referrals,
            Field::TargetRevenue => FieldKey::TargetRevenue,
            Field::TargetWon => FieldKey::TargetWon,
            Field::Version | Field::Stages | Field::Name => FieldKey::Scenario,
        }
    }
}

/// Formats a number without a trailing ".0" and without float noise.
pub fn plain_number(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

fn opt_text(value: Option<f64>) -> String {
    value.map(plain_number).unwrap_or_default()
}

impl FormValues {
    /// The form showing a scenario.
    pub fn from_input(input: &ScenarioInput) -> Self {
        let (lead_mode, leads) = match input.leads {
            LeadsInput::Count(n) => (LeadMode::Cohort, n),
            LeadsInput::PerWeek(n) => (LeadMode::PerWeek, n),
        };
        let stage = |i: usize| input.stages.get(i);
        let value = input.deal_value;
        let follow_up = input.follow_up.unwrap_or_default();
        let target = input.target.unwrap_or_default();
        FormValues {
            base: input.clone(),
            name: input.name.clone(),
            lead_mode,
            leads: plain_number(leads),
            horizon: opt_text(input.horizon_weeks),
            trials: plain_number(input.trials),
            seed: input.seed.to_string(),
            stage_names: std::array::from_fn(|i| {
                stage(i).map(|s| s.name.clone()).unwrap_or_default()
            }),
            rates: std::array::from_fn(|i| {
                stage(i)
                    .map(|s| plain_number(s.rate * 100.0))
                    .unwrap_or_default()
            }),
            days: std::array::from_fn(|i| opt_text(stage(i).and_then(|s| s.days))),
            evidence: std::array::from_fn(|i| opt_text(stage(i).and_then(|s| s.evidence))),
            pipeline: std::array::from_fn(|i| {
                input
                    .pipeline
                    .as_ref()
                    .and_then(|p| p.get(i).copied())
                    .map(plain_number)
                    .unwrap_or_else(|| "0".to_owned())
            }),
            values_on: value.is_some(),
            value_median: plain_number(value.map_or(10_000.0, |v| v.median)),
            value_p90: plain_number(value.map_or(30_000.0, |v| v.p90)),
            repeat_value: plain_number(follow_up.repeat_value),
            referrals: plain_number(follow_up.referrals),
            target_revenue: opt_text(target.revenue),
            target_won: opt_text(target.won),
        }
    }

    /// Sets a stage's rate and evidence from "k won of n" history.
    pub fn apply_history(&mut self, stage: usize, won: u64, of: u64) -> bool {
        if stage >= STAGE_COUNT || of == 0 || won > of {
            return false;
        }
        self.rates[stage] = plain_number((won as f64 / of as f64 * 1e4).round() / 1e2);
        self.evidence[stage] = of.to_string();
        true
    }

    /// The scenario the form describes, or every problem with it.
    pub fn parse(&self) -> Result<ScenarioInput, FieldMessages> {
        let mut messages = FieldMessages::new();
        let mut number = |key: FieldKey, text: &str, what: &str, whole: bool| -> Option<f64> {
            match parse_number(text, whole) {
                Ok(v) => Some(v),
                Err(ParseProblem::Empty) => {
                    messages.insert(key, format!("Enter {what}."));
                    None
                }
                Err(ParseProblem::NotANumber) => {
                    let kind = if whole { "a whole number" } else { "a number" };
                    messages.insert(key, format!("Enter {what} as {kind}."));
                    None
                }
            }
        };
        let per_week = self.lead_mode == LeadMode::PerWeek;
        let leads = number(
            FieldKey::Leads,
            &self.leads,
            "the number of leads",
            !per_week,
        )
        .unwrap_or(0.0);
        let trials =
            number(FieldKey::Trials, &self.trials, "the number of trials", true).unwrap_or(1.0);
        let horizon = if self.horizon.trim().is_empty() {
            None
        } else {
            number(
                FieldKey::Horizon,
                &self.horizon,
                "the horizon in weeks",
                true,
            )
        };
        let stages = (0..STAGE_COUNT)
            .map(|i| {
                let rate = number(
                    FieldKey::Rate(i),
                    &self.rates[i],
                    "a rate from 0 to 100 %",
                    false,
                )
                .map_or(0.0, |r| r / 100.0);
                let days = if self.days[i].trim().is_empty() {
                    None
                } else {
                    number(
                        FieldKey::Days(i),
                        &self.days[i],
                        "the days in this stage",
                        false,
                    )
                };
                let evidence = if self.evidence[i].trim().is_empty() {
                    None
                } else {
                    number(
                        FieldKey::Evidence(i),
                        &self.evidence[i],
                        "the evidence in deals",
                        false,
                    )
                };
                StageInput {
                    name: self.stage_names[i].clone(),
                    rate,
                    days,
                    evidence,
                }
            })
            .collect();
        let pipeline: Vec<f64> = (0..SALES_STAGES)
            .map(|i| {
                if self.pipeline[i].trim().is_empty() {
                    0.0
                } else {
                    number(
                        FieldKey::Pipeline(i),
                        &self.pipeline[i],
                        "the open deals",
                        true,
                    )
                    .unwrap_or(0.0)
                }
            })
            .collect();
        let deal_value = if self.values_on {
            let median = number(
                FieldKey::ValueMedian,
                &self.value_median,
                "the median deal value",
                false,
            );
            let p90 = number(
                FieldKey::ValueP90,
                &self.value_p90,
                "the 90th-percentile deal value",
                false,
            );
            Some(DealValueInput {
                median: median.unwrap_or(1.0),
                p90: p90.unwrap_or(median.unwrap_or(1.0)),
            })
        } else {
            None
        };
        let optional = |text: &str| !text.trim().is_empty();
        let repeat_value = if optional(&self.repeat_value) {
            number(
                FieldKey::RepeatValue,
                &self.repeat_value,
                "the repeat value",
                false,
            )
            .unwrap_or(0.0)
        } else {
            0.0
        };
        let referrals = if optional(&self.referrals) {
            number(
                FieldKey::Referrals,
                &self.referrals,
                "the referrals per customer",
                false,
            )
            .unwrap_or(0.0)
        } else {
            0.0
        };
        let target_revenue = optional(&self.target_revenue)
            .then(|| {
                number(
                    FieldKey::TargetRevenue,
                    &self.target_revenue,
                    "the revenue target",
                    false,
                )
            })
            .flatten()
            .filter(|_| self.values_on);
        let target_won = optional(&self.target_won)
            .then(|| {
                number(
                    FieldKey::TargetWon,
                    &self.target_won,
                    "the won-deals target",
                    true,
                )
            })
            .flatten();
        let seed = match self.seed.trim().parse::<u64>() {
            Ok(seed) => seed,
            Err(_) => {
                let msg = if self.seed.trim().is_empty() {
                    "Enter a seed."
                } else {
                    "The seed must be a whole number from 0 to 18446744073709551615."
                };
                messages.insert(FieldKey::Seed, msg.to_owned());
                0
            }
        };
        if per_week && horizon.is_none() && !messages.contains_key(&FieldKey::Horizon) {
            messages.insert(
                FieldKey::Horizon,
                "Enter the horizon in weeks: leads arriving every week need an end date."
                    .to_owned(),
            );
        }
        let input = ScenarioInput {
            name: self.name.clone(),
            leads: if per_week {
                LeadsInput::PerWeek(leads)
            } else {
                LeadsInput::Count(leads)
            },
            horizon_weeks: horizon,
            stages,
            pipeline: pipeline.iter().any(|&n| n != 0.0).then_some(pipeline),
            deal_value,
            follow_up: (repeat_value != 0.0 || referrals != 0.0).then_some(FollowUpInput {
                repeat_value,
                referrals,
            }),
            target: (target_revenue.is_some() || target_won.is_some()).then_some(TargetInput {
                revenue: target_revenue,
                won: target_won,
            }),
            trials,
            seed,
            ..self.base.clone()
        };
        // The engine's checks, for fields that parsed.
        if let Err(err) = Scenario::new(&input) {
            for e in err.errors {
                let key = FieldKey::from(e.field);
                messages.entry(key).or_insert_with(|| sentence(&e.message));
            }
        }
        if messages.is_empty() {
            Ok(input)
        } else {
            Err(messages)
        }
    }
}

/// Capitalised, with a full stop: engine messages are clauses.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

enum ParseProblem {
    Empty,
    NotANumber,
}

/// Reads a number as people type it: "1,000", "12.5", "12,5", "60 %", "$12,000".
fn parse_number(text: &str, whole: bool) -> Result<f64, ParseProblem> {
    let trimmed = text
        .trim()
        .trim_end_matches('%')
        .trim_start_matches(|c: char| "$€£¥".contains(c))
        .trim();
    if trimmed.is_empty() {
        return Err(ParseProblem::Empty);
    }
    // Separators in large numbers: 10,000 or 10 000 or 10_000; a single
    // comma followed by one or two digits is a decimal comma (12,5).
    let decimal_comma = !whole
        && trimmed.matches(',').count() == 1
        && !trimmed.contains('.')
        && trimmed
            .rsplit(',')
            .next()
            .is_some_and(|tail| (1..=2).contains(&tail.len()));
    let cleaned: String = if decimal_comma {
        trimmed.replace(',', ".")
    } else {
        trimmed
            .chars()
            .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
            .collect()
    };
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or(ParseProblem::NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> FormValues {
        FormValues::from_input(&ScenarioInput::default())
    }

    #[test]
    fn default_form_round_trips() {
        let f = form();
        assert_eq!(f.leads, "1000");
        assert_eq!(f.rates[1], "60");
        assert_eq!(f.parse().expect("valid"), ScenarioInput::default());
    }

    #[test]
    fn the_example_scenario_round_trips() {
        let input: ScenarioInput =
            serde_json::from_str(include_str!("../docs/example-scenario.json")).expect("parses");
        let f = FormValues::from_input(&input);
        assert_eq!(f.lead_mode, LeadMode::PerWeek);
        assert_eq!(f.parse().expect("valid"), input);
    }

    #[test]
    fn each_bad_field_gets_its_own_message() {
        let mut f = form();
        f.leads = "-5".into();
        f.trials = String::new();
        f.rates[1] = "150".into();
        f.rates[3] = "abc".into();
        f.seed = "-1".into();
        f.days[2] = "-3".into();
        let m = f.parse().expect_err("invalid");
        assert_eq!(m[&FieldKey::Leads], "Leads must be at least 0 (got -5).");
        assert_eq!(m[&FieldKey::Trials], "Enter the number of trials.");
        assert_eq!(
            m[&FieldKey::Rate(1)],
            "Qualification rate must be between 0 % and 100 % (got 150 %)."
        );
        assert_eq!(
            m[&FieldKey::Rate(3)],
            "Enter a rate from 0 to 100 % as a number."
        );
        assert!(m[&FieldKey::Seed].starts_with("The seed must be a whole number"));
        assert!(m[&FieldKey::Days(2)].starts_with("Needs assessment days must be at least 0"));
        assert_eq!(m.len(), 6);
    }

    #[test]
    fn weekly_leads_need_a_horizon() {
        let mut f = form();
        f.lead_mode = LeadMode::PerWeek;
        f.leads = "12.5".into();
        let m = f.parse().expect_err("needs horizon");
        assert!(m[&FieldKey::Horizon].contains("horizon"));
        f.horizon = "13".into();
        let input = f.parse().expect("valid");
        assert_eq!(input.leads, LeadsInput::PerWeek(12.5));
        assert_eq!(input.horizon_weeks, Some(13.0));
    }

    #[test]
    fn fractional_leads_are_refused_and_separators_accepted() {
        let mut f = form();
        f.leads = "10.5".into();
        let m = f.parse().expect_err("fractional");
        assert_eq!(
            m[&FieldKey::Leads],
            "Leads must be a whole number (got 10.5)."
        );
        f.leads = "10,000".into();
        f.rates[0] = "12,5 %".into();
        f.values_on = true;
        f.value_median = "$12,000".into();
        let input = f.parse().expect("valid");
        assert_eq!(input.leads, LeadsInput::Count(10_000.0));
        assert_eq!(input.stages[0].rate, 0.125);
        assert_eq!(input.deal_value.map(|v| v.median), Some(12_000.0));
    }

    #[test]
    fn history_sets_rate_and_evidence() {
        let mut f = form();
        assert!(f.apply_history(1, 42, 120));
        assert_eq!((f.rates[1].as_str(), f.evidence[1].as_str()), ("35", "120"));
        let input = f.parse().expect("valid");
        assert_eq!(input.stages[1].evidence, Some(120.0));
        assert!(!f.apply_history(1, 5, 0));
        assert!(!f.apply_history(1, 6, 5));
    }

    #[test]
    fn optional_parts_appear_only_when_used() {
        let mut f = form();
        f.pipeline[1] = "40".into();
        f.referrals = "0.2".into();
        f.target_won = "20".into();
        f.target_revenue = "1000".into(); // ignored: no deal values
        let input = f.parse().expect("valid");
        assert_eq!(input.pipeline, Some(vec![0.0, 40.0, 0.0, 0.0, 0.0, 0.0]));
        assert_eq!(input.follow_up.map(|x| x.referrals), Some(0.2));
        assert_eq!(
            input.target,
            Some(TargetInput {
                revenue: None,
                won: Some(20.0)
            })
        );
    }

    #[test]
    fn percentages_show_without_float_noise() {
        let mut input = ScenarioInput::default();
        input.stages[0].rate = 0.07;
        assert_eq!(FormValues::from_input(&input).rates[0], "7");
    }
}
