//! From the form's text to a scenario: numbers as people type them, then the
//! engine's checks, every problem filed under the input it belongs to.

use super::{FieldMessages, FormValues, LeadMode};
use engine::{
    DealValueInput, Field, FollowUpInput, LeadsInput, MarketInput, Scenario, ScenarioInput,
    StageInput, TargetInput, SALES_STAGES, STAGE_COUNT,
};

impl FormValues {
    /// The scenario the form describes, or every problem with it.
    pub fn parse(&self) -> Result<ScenarioInput, FieldMessages> {
        let mut read = Reader::default();
        let per_week = self.lead_mode == LeadMode::PerWeek;
        let leads = read
            .number(Field::Leads, &self.leads, "the number of leads", !per_week)
            .unwrap_or(0.0);
        // Read only with weekly leads: a cohort has no weeks to burst in,
        // and the text stays for when weekly leads come back.
        let lead_dispersion = per_week
            .then(|| {
                read.optional(
                    Field::LeadDispersion,
                    &self.lead_dispersion,
                    "the lead dispersion",
                    false,
                )
            })
            .flatten();
        let market_sd = read.optional(Field::MarketSd, &self.market_sd, "the market swing", false);
        let trials = read
            .number(Field::Trials, &self.trials, "the number of trials", true)
            .unwrap_or(1.0);
        let horizon = read.optional(Field::Horizon, &self.horizon, "the horizon in weeks", true);
        let stages = (0..STAGE_COUNT)
            .map(|i| StageInput {
                name: self.stage_names[i].clone(),
                rate: read
                    .number(
                        Field::StageRate(i),
                        &self.rates[i],
                        "a rate from 0 to 100 %",
                        false,
                    )
                    .map_or(0.0, |r| r / 100.0),
                days: read.optional(
                    Field::StageDays(i),
                    &self.days[i],
                    "the days in this stage",
                    false,
                ),
                evidence: read.optional(
                    Field::StageEvidence(i),
                    &self.evidence[i],
                    "the evidence in deals",
                    false,
                ),
            })
            .collect();
        let pipeline: Vec<f64> = (0..SALES_STAGES)
            .map(|i| {
                read.optional(
                    Field::Pipeline(i),
                    &self.pipeline[i],
                    "the open deals",
                    true,
                )
                .unwrap_or(0.0)
            })
            .collect();
        let deal_value = self.values_on.then(|| {
            let median = read.number(
                Field::DealValueMedian,
                &self.value_median,
                "the median deal value",
                false,
            );
            let p90 = read.number(
                Field::DealValueP90,
                &self.value_p90,
                "the 90th-percentile deal value",
                false,
            );
            DealValueInput {
                median: median.unwrap_or(1.0),
                p90: p90.unwrap_or(median.unwrap_or(1.0)),
            }
        });
        let repeat_value = read
            .optional(
                Field::RepeatValue,
                &self.repeat_value,
                "the repeat value",
                false,
            )
            .unwrap_or(0.0);
        let referrals = read
            .optional(
                Field::Referrals,
                &self.referrals,
                "the referrals per customer",
                false,
            )
            .unwrap_or(0.0);
        // Read (and so checked) even while deal values are off; used only when on.
        let target_revenue = read
            .optional(
                Field::TargetRevenue,
                &self.target_revenue,
                "the revenue target",
                false,
            )
            .filter(|_| self.values_on);
        let target_won = read.optional(
            Field::TargetWon,
            &self.target_won,
            "the won-deals target",
            true,
        );
        let seed = read.seed(&self.seed);
        let mut messages = read.messages;
        if per_week && horizon.is_none() && !messages.contains_key(&Field::Horizon) {
            messages.insert(
                Field::Horizon,
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
            lead_dispersion,
            market: market_sd.map(|sd| MarketInput { sd }),
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
        // The engine's checks, for fields that parsed: the form's own message
        // for a field comes first.
        if let Err(err) = Scenario::new(&input) {
            for e in err.errors {
                messages
                    .entry(shown_at(e.field))
                    .or_insert_with(|| sentence(&e.message));
            }
        }
        if messages.is_empty() {
            Ok(input)
        } else {
            Err(messages)
        }
    }
}

/// The input an engine problem is shown at. The form has no input for the
/// format version or the stage list, so the name field stands for the
/// scenario as a whole; the form always sends all open-deal counts, so a
/// pipeline problem is never past the last of them.
fn shown_at(field: Field) -> Field {
    match field {
        Field::Version | Field::Stages => Field::Name,
        Field::Pipeline(i) => Field::Pipeline(i.min(SALES_STAGES - 1)),
        other => other,
    }
}

/// Reads the form's numbers, collecting a message for each that does not parse.
#[derive(Default)]
struct Reader {
    messages: FieldMessages,
}

impl Reader {
    /// A number that must be there; `what` names it in the message.
    fn number(&mut self, field: Field, text: &str, what: &str, whole: bool) -> Option<f64> {
        match parse_number(text, whole) {
            Ok(v) => Some(v),
            Err(ParseProblem::Empty) => {
                self.messages.insert(field, format!("Enter {what}."));
                None
            }
            Err(ParseProblem::NotANumber) => {
                let kind = if whole { "a whole number" } else { "a number" };
                self.messages
                    .insert(field, format!("Enter {what} as {kind}."));
                None
            }
        }
    }

    /// A number that may be left empty (None then, without a message).
    fn optional(&mut self, field: Field, text: &str, what: &str, whole: bool) -> Option<f64> {
        if text.trim().is_empty() {
            None
        } else {
            self.number(field, text, what, whole)
        }
    }

    /// The seed: a whole number over the full `u64` range, so not read as a float.
    fn seed(&mut self, text: &str) -> u64 {
        text.trim().parse::<u64>().unwrap_or_else(|_| {
            let msg = if text.trim().is_empty() {
                "Enter a seed."
            } else {
                "The seed must be a whole number from 0 to 18446744073709551615."
            };
            self.messages.insert(Field::Seed, msg.to_owned());
            0
        })
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
