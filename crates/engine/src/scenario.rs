//! The scenario: what the user describes, and its validated form.
//!
//! [`ScenarioInput`] mirrors the JSON scenario format field for field and holds
//! whatever the user typed or a file said. [`Scenario::new`] is the one door to
//! a [`Scenario`] the simulation accepts; it reports every problem at once,
//! each naming its field in words a user can read.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Number of stages in the sales process.
pub const STAGE_COUNT: usize = 7;

/// The scenario format version this engine reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Default stage names, in process order.
pub const DEFAULT_STAGE_NAMES: [&str; STAGE_COUNT] = [
    "Prospecting",
    "Qualification",
    "Needs assessment",
    "Presentation",
    "Handling objections",
    "Closing",
    "Follow-up",
];

/// Default conversion rates, a typical B2B funnel.
const DEFAULT_RATES: [f64; STAGE_COUNT] = [0.50, 0.60, 0.70, 0.60, 0.50, 0.40, 0.25];

/// Largest lead count accepted: far above any real funnel, and small enough
/// that every statistic stays exact in integer arithmetic.
pub const MAX_LEADS: f64 = 1e12;
/// Largest number of Monte Carlo trials in one run.
pub const MAX_TRIALS: f64 = 1e8;

/// Writes whole numbers without a decimal point (`1000`, not `1000.0`), so
/// exported files read as people write them; other values stay as they are.
fn whole_as_integer<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() <= 9.0e15 {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

/// How leads enter the funnel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum LeadsInput {
    /// One cohort of this many leads enters Prospecting at time 0 (leads).
    #[serde(serialize_with = "whole_as_integer")]
    Count(f64),
}

/// One stage as the user describes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageInput {
    /// Display name, e.g. "Qualification".
    pub name: String,
    /// Probability (0–1) that a deal in this stage moves on to the next one.
    /// For Closing it is the win rate; for Follow-up the share of won
    /// customers that buy again.
    pub rate: f64,
}

/// A scenario exactly as stored or typed: not yet validated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioInput {
    /// Scenario format version; see [`FORMAT_VERSION`].
    pub version: u32,
    /// Free-text name of the scenario.
    #[serde(default)]
    pub name: String,
    /// Lead volume entering Prospecting.
    pub leads: LeadsInput,
    /// Exactly [`STAGE_COUNT`] stages, in process order.
    pub stages: Vec<StageInput>,
    /// Number of Monte Carlo trials (whole number, at least 1).
    #[serde(serialize_with = "whole_as_integer")]
    pub trials: f64,
    /// Seed of the random streams: same seed and scenario, same result.
    pub seed: u64,
}

impl Default for ScenarioInput {
    fn default() -> Self {
        ScenarioInput {
            version: FORMAT_VERSION,
            name: "Untitled forecast".to_owned(),
            leads: LeadsInput::Count(1000.0),
            stages: DEFAULT_STAGE_NAMES
                .iter()
                .zip(DEFAULT_RATES)
                .map(|(name, rate)| StageInput {
                    name: (*name).to_owned(),
                    rate,
                })
                .collect(),
            trials: 10_000.0,
            seed: 42,
        }
    }
}

/// Which input a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Version,
    Leads,
    Stages,
    StageName(usize),
    StageRate(usize),
    Trials,
    Seed,
}

impl fmt::Display for Field {
    /// The field's path in the scenario format, e.g. `stages[1].rate`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Version => f.write_str("version"),
            Field::Leads => f.write_str("leads.count"),
            Field::Stages => f.write_str("stages"),
            Field::StageName(i) => write!(f, "stages[{i}].name"),
            Field::StageRate(i) => write!(f, "stages[{i}].rate"),
            Field::Trials => f.write_str("trials"),
            Field::Seed => f.write_str("seed"),
        }
    }
}

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field at fault.
    pub field: Field,
    /// What is wrong, in words for the user (without the field path).
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Every problem found in a [`ScenarioInput`]; never empty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioError {
    pub errors: Vec<FieldError>,
}

impl ScenarioError {
    /// The message for one field, if that field has a problem.
    pub fn message_for(&self, field: Field) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}

/// A validated stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub name: String,
    /// Probability in [0, 1] of moving on.
    pub rate: f64,
}

/// A scenario the simulation can run: every number checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    name: String,
    leads: u64,
    stages: Vec<Stage>,
    trials: u64,
    seed: u64,
}

/// Checks that `value` is a whole number in `[min, max]`.
fn whole_number(value: f64, min: f64, max: f64, what: &str) -> Result<u64, String> {
    if !value.is_finite() {
        return Err(format!("{what} must be a number"));
    }
    if value.fract() != 0.0 {
        return Err(format!("{what} must be a whole number (got {value})"));
    }
    if value < min {
        return Err(format!("{what} must be at least {min} (got {value})"));
    }
    if value > max {
        return Err(format!("{what} must be at most {max:e} (got {value})"));
    }
    // In range and whole, so the conversion is exact.
    Ok(value as u64)
}

impl Scenario {
    /// Validates `input`, reporting every problem found.
    pub fn new(input: &ScenarioInput) -> Result<Scenario, ScenarioError> {
        let mut errors = Vec::new();
        let mut fail = |field, message: String| errors.push(FieldError { field, message });

        if input.version != FORMAT_VERSION {
            fail(
                Field::Version,
                format!(
                    "format version {} is not supported (this app reads version {FORMAT_VERSION})",
                    input.version
                ),
            );
        }
        let LeadsInput::Count(count) = input.leads;
        let leads = whole_number(count, 0.0, MAX_LEADS, "Leads").unwrap_or_else(|m| {
            fail(Field::Leads, m);
            0
        });
        let trials = whole_number(input.trials, 1.0, MAX_TRIALS, "Trials").unwrap_or_else(|m| {
            fail(Field::Trials, m);
            0
        });
        if input.stages.len() != STAGE_COUNT {
            fail(
                Field::Stages,
                format!(
                    "there must be exactly {STAGE_COUNT} stages (got {})",
                    input.stages.len()
                ),
            );
        }
        let mut stages = Vec::with_capacity(STAGE_COUNT);
        for (i, stage) in input.stages.iter().enumerate().take(STAGE_COUNT) {
            let label = if stage.name.trim().is_empty() {
                DEFAULT_STAGE_NAMES[i]
            } else {
                stage.name.trim()
            };
            if stage.name.chars().count() > 60 {
                fail(
                    Field::StageName(i),
                    "stage name must be at most 60 characters".to_owned(),
                );
            }
            if !stage.rate.is_finite() || !(0.0..=1.0).contains(&stage.rate) {
                fail(
                    Field::StageRate(i),
                    format!(
                        "{label} rate must be between 0 % and 100 % (got {})",
                        format_percent(stage.rate)
                    ),
                );
            }
            stages.push(Stage {
                name: label.to_owned(),
                rate: stage.rate,
            });
        }

        if !errors.is_empty() {
            return Err(ScenarioError { errors });
        }
        Ok(Scenario {
            name: input.name.clone(),
            leads,
            stages,
            trials,
            seed: input.seed,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }
    /// Leads entering Prospecting in each trial.
    pub fn leads(&self) -> u64 {
        self.leads
    }
    /// The seven stages, in process order.
    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }
    /// Number of Monte Carlo trials of a full run.
    pub fn trials(&self) -> u64 {
        self.trials
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
}

fn format_percent(rate: f64) -> String {
    if rate.is_finite() {
        format!("{} %", (rate * 1e4).round() / 1e2)
    } else {
        "not a number".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_is_valid() {
        let s = Scenario::new(&ScenarioInput::default()).expect("default is valid");
        assert_eq!(s.stages().len(), STAGE_COUNT);
        assert_eq!(s.leads(), 1000);
        assert_eq!(s.trials(), 10_000);
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let mut input = ScenarioInput::default();
        input.leads = LeadsInput::Count(-3.0);
        input.trials = 2.5;
        input.stages[1].rate = 1.2;
        input.stages[4].rate = f64::NAN;
        let err = Scenario::new(&input).expect_err("invalid");
        let fields: Vec<Field> = err.errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                Field::Leads,
                Field::Trials,
                Field::StageRate(1),
                Field::StageRate(4)
            ]
        );
        let msg = err.to_string();
        assert!(
            msg.contains("leads.count: Leads must be at least 0"),
            "{msg}"
        );
        assert!(
            msg.contains("trials: Trials must be a whole number"),
            "{msg}"
        );
        assert!(
            msg.contains(
                "stages[1].rate: Qualification rate must be between 0 % and 100 % (got 120 %)"
            ),
            "{msg}"
        );
    }

    #[test]
    fn fractional_leads_and_wrong_stage_count_are_refused() {
        let mut input = ScenarioInput::default();
        input.leads = LeadsInput::Count(10.5);
        input.stages.pop();
        let err = Scenario::new(&input).expect_err("invalid");
        assert!(err
            .message_for(Field::Leads)
            .is_some_and(|m| m.contains("whole")));
        assert!(err.message_for(Field::Stages).is_some());
    }

    #[test]
    fn end_points_are_accepted() {
        let mut input = ScenarioInput::default();
        input.leads = LeadsInput::Count(0.0);
        input.stages[0].rate = 0.0;
        input.stages[1].rate = 1.0;
        assert!(Scenario::new(&input).is_ok());
    }

    #[test]
    fn json_round_trip_and_unknown_fields() {
        let input = ScenarioInput::default();
        let json = serde_json::to_string(&input).expect("serialises");
        assert!(json.contains(r#""leads":{"count":1000}"#), "{json}");
        let back: ScenarioInput = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, input);
        let bad = json.replace(r#""seed""#, r#""colour":1,"seed""#);
        assert!(serde_json::from_str::<ScenarioInput>(&bad).is_err());
    }
}
