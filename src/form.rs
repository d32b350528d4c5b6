//! The scenario form: what the user typed, and turning it into a scenario.
//!
//! Inputs stay as text so a half-typed value is never lost or rewritten; each
//! edit is parsed here, then validated by the engine's one constructor. Every
//! problem comes back keyed by its [`Field`] so the UI can show it next to
//! the input concerned.

use engine::{Field, LeadsInput, Scenario, ScenarioInput, StageInput, STAGE_COUNT};
use std::collections::BTreeMap;

/// The form's raw text, one string per input, over the scenario it edits.
#[derive(Clone, Debug, PartialEq)]
pub struct FormValues {
    /// The scenario being edited: every field the form does not show (yet)
    /// is kept from it unchanged.
    pub base: ScenarioInput,
    pub name: String,
    pub leads: String,
    pub trials: String,
    pub seed: String,
    pub stage_names: [String; STAGE_COUNT],
    /// Conversion rates as percentages, e.g. "60".
    pub rates: [String; STAGE_COUNT],
}

/// Messages keyed by field; empty when the form is valid.
pub type FieldMessages = BTreeMap<FieldKey, String>;

/// A sortable copy of [`Field`] for use as a map key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FieldKey {
    Scenario,
    Leads,
    /// A field of the scenario the form does not show.
    Other,
    Trials,
    Seed,
    StageName(usize),
    Rate(usize),
}

impl From<Field> for FieldKey {
    fn from(field: Field) -> Self {
        match field {
            Field::Leads => FieldKey::Leads,
            Field::Trials => FieldKey::Trials,
            Field::Seed => FieldKey::Seed,
            Field::StageName(i) => FieldKey::StageName(i),
            Field::StageRate(i) => FieldKey::Rate(i),
            Field::Version | Field::Stages => FieldKey::Scenario,
            _ => FieldKey::Other,
        }
    }
}

/// Formats a number without a trailing ".0" and without float noise.
fn plain_number(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

impl FormValues {
    /// The form showing a scenario.
    pub fn from_input(input: &ScenarioInput) -> Self {
        let (LeadsInput::Count(leads) | LeadsInput::PerWeek(leads)) = input.leads;
        FormValues {
            base: input.clone(),
            name: input.name.clone(),
            leads: plain_number(leads),
            trials: plain_number(input.trials),
            seed: input.seed.to_string(),
            stage_names: std::array::from_fn(|i| {
                input
                    .stages
                    .get(i)
                    .map(|s| s.name.clone())
                    .unwrap_or_default()
            }),
            rates: std::array::from_fn(|i| {
                input
                    .stages
                    .get(i)
                    .map(|s| plain_number(s.rate * 100.0))
                    .unwrap_or_default()
            }),
        }
    }

    /// The scenario the form describes, or every problem with it.
    pub fn parse(&self) -> Result<ScenarioInput, FieldMessages> {
        let mut messages = FieldMessages::new();
        let mut number = |key: FieldKey, text: &str, what: &str, whole: bool| -> f64 {
            match parse_number(text, whole) {
                Ok(v) => v,
                Err(ParseProblem::Empty) => {
                    messages.insert(key, format!("Enter {what}."));
                    0.0
                }
                Err(ParseProblem::NotANumber) => {
                    let kind = if whole { "a whole number" } else { "a number" };
                    messages.insert(key, format!("Enter {what} as {kind}."));
                    0.0
                }
            }
        };
        let per_week = matches!(self.base.leads, LeadsInput::PerWeek(_));
        let leads = number(
            FieldKey::Leads,
            &self.leads,
            "the number of leads",
            !per_week,
        );
        let trials = number(FieldKey::Trials, &self.trials, "the number of trials", true);
        let rates: [f64; STAGE_COUNT] = std::array::from_fn(|i| {
            number(
                FieldKey::Rate(i),
                &self.rates[i],
                "a rate from 0 to 100 %",
                false,
            ) / 100.0
        });
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
        let mut stages = self.base.stages.clone();
        stages.resize_with(STAGE_COUNT, || StageInput {
            name: String::new(),
            rate: 0.0,
            days: None,
            evidence: None,
        });
        for (i, stage) in stages.iter_mut().enumerate() {
            stage.name = self.stage_names[i].clone();
            stage.rate = rates[i];
        }
        let input = ScenarioInput {
            name: self.name.clone(),
            leads: match self.base.leads {
                LeadsInput::Count(_) => LeadsInput::Count(leads),
                LeadsInput::PerWeek(_) => LeadsInput::PerWeek(leads),
            },
            stages,
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

/// Reads a number as people type it: "1,000", "12.5", "12,5", "60 %".
fn parse_number(text: &str, whole: bool) -> Result<f64, ParseProblem> {
    let trimmed = text.trim().trim_end_matches('%').trim();
    if trimmed.is_empty() {
        return Err(ParseProblem::Empty);
    }
    let cleaned: String = if whole {
        // Separators in whole numbers: 10,000 or 10 000 or 10_000.
        trimmed
            .chars()
            .filter(|c| !matches!(c, ',' | '_' | ' '))
            .collect()
    } else {
        trimmed.replace(',', ".")
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
    fn each_bad_field_gets_its_own_message() {
        let mut f = form();
        f.leads = "-5".into();
        f.trials = String::new();
        f.rates[1] = "150".into();
        f.rates[3] = "abc".into();
        f.seed = "-1".into();
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
        assert_eq!(m.len(), 5);
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
        let input = f.parse().expect("valid");
        assert_eq!(input.leads, LeadsInput::Count(10_000.0));
        assert_eq!(input.stages[0].rate, 0.125);
    }

    #[test]
    fn fields_the_form_does_not_show_are_kept() {
        let mut base = ScenarioInput::default();
        base.horizon_weeks = Some(13.0);
        base.pipeline = Some(vec![0.0, 4.0, 3.0, 2.0, 1.0, 0.0]);
        base.stages[2].days = Some(9.0);
        let mut f = FormValues::from_input(&base);
        f.rates[2] = "55".into();
        let parsed = f.parse().expect("valid");
        assert_eq!(parsed.pipeline, base.pipeline);
        assert_eq!(parsed.horizon_weeks, Some(13.0));
        assert_eq!(parsed.stages[2].days, Some(9.0));
        assert_eq!(parsed.stages[2].rate, 0.55);
    }

    #[test]
    fn percentages_show_without_float_noise() {
        let mut input = ScenarioInput::default();
        input.stages[0].rate = 0.07;
        assert_eq!(FormValues::from_input(&input).rates[0], "7");
    }
}
