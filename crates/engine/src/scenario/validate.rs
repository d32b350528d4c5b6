//! [`Scenario::new`]: the one door from a [`ScenarioInput`] to a
//! [`Scenario`]. Each part of the input is checked by a small function that
//! notes its problems and returns a usable stand-in, so every problem is
//! reported at once, in the order the fields appear in the format.

use super::numbers::{format_percent, number, plain, whole_number};
use super::{
    DealValue, DealValueInput, Field, FieldError, FollowUpInput, Leads, LeadsInput, Scenario,
    ScenarioError, ScenarioInput, Stage, StageInput, TargetInput, DEFAULT_STAGE_NAMES,
    FORMAT_VERSION, MAX_COUNT, MAX_DAYS, MAX_DISPERSION, MAX_EVIDENCE, MAX_FOLLOW_UP,
    MAX_HORIZON_WEEKS, MAX_MARKET_SD, MAX_PER_WEEK, MAX_TRIALS, MAX_VALUE, SALES_STAGES,
    STAGE_COUNT,
};

/// The problems found so far, in the order they were found.
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn fail(&mut self, field: Field, message: String) {
        self.0.push(FieldError { field, message });
    }

    /// The checked value, or `fallback` once the problem is noted.
    fn or<T>(&mut self, field: Field, checked: Result<T, String>, fallback: T) -> T {
        checked.unwrap_or_else(|m| {
            self.fail(field, m);
            fallback
        })
    }

    /// The checked value, or None once the problem is noted.
    fn ok<T>(&mut self, field: Field, checked: Result<T, String>) -> Option<T> {
        checked.map_err(|m| self.fail(field, m)).ok()
    }
}

impl Scenario {
    /// Validates `input`, reporting every problem found.
    pub fn new(input: &ScenarioInput) -> Result<Scenario, ScenarioError> {
        let mut p = Problems::default();
        check_version(input.version, &mut p);
        if input.name.chars().count() > 200 {
            p.fail(
                Field::Name,
                "the name must be at most 200 characters".to_owned(),
            );
        }
        let leads = leads(input.leads, &mut p);
        let lead_dispersion = lead_dispersion(input, &mut p);
        let horizon_weeks = horizon(input, &mut p);
        let trials = p.or(
            Field::Trials,
            whole_number(input.trials, 1.0, MAX_TRIALS, "Trials"),
            0,
        );
        let stages = stages(&input.stages, &mut p);
        let pipeline = pipeline(input.pipeline.as_deref(), &stages, &mut p);
        let deal_value = input.deal_value.and_then(|v| deal_value(v, &mut p));
        let (repeat_value, referrals) = follow_up(input.follow_up.unwrap_or_default(), &mut p);
        if horizon_weeks.is_none() && input.horizon_weeks.is_none() && referrals > 0.0 {
            check_referral_loop(referrals, &stages, &mut p);
        }
        let target = input.target.unwrap_or_default();
        let has_values = input.deal_value.is_some();
        let (target_revenue, target_won) = targets(target, has_values, &mut p);
        let market_sd = market_sd(input, &mut p);
        if !p.0.is_empty() {
            return Err(ScenarioError { errors: p.0 });
        }
        Ok(Scenario {
            name: input.name.clone(),
            leads,
            lead_dispersion,
            horizon_weeks,
            stages,
            pipeline,
            deal_value,
            repeat_value,
            referrals,
            target_revenue,
            target_won,
            market_sd,
            trials,
            seed: input.seed,
        })
    }
}

/// The version that introduced `leads.dispersion` and `market`.
const SPREAD_VERSION: u32 = 2;

fn check_version(version: u32, p: &mut Problems) {
    if (1..=FORMAT_VERSION).contains(&version) {
        return;
    }
    let message = if version > FORMAT_VERSION {
        format!(
            "format version {version} is newer than this version of Funnelcast understands ({FORMAT_VERSION}); update Funnelcast to open it"
        )
    } else {
        format!("format version {version} is not supported (expected 1 to {FORMAT_VERSION})")
    };
    p.fail(Field::Version, message);
}

fn leads(leads: LeadsInput, p: &mut Problems) -> Leads {
    match leads {
        LeadsInput::Count(n) => {
            Leads::Cohort(p.or(Field::Leads, whole_number(n, 0.0, MAX_COUNT, "Leads"), 0))
        }
        LeadsInput::PerWeek(l) => Leads::PerWeek(p.or(
            Field::Leads,
            number(l, 0.0, MAX_PER_WEEK, "Leads per week"),
            0.0,
        )),
    }
}

/// Fields a version 1 file cannot hold: it means what it always meant.
fn needs_version_2(input: &ScenarioInput, what: &str, p: &mut Problems, field: Field) -> bool {
    if input.version >= SPREAD_VERSION {
        return true;
    }
    p.fail(
        field,
        format!(
            "{what} needs format version {SPREAD_VERSION} (the file says version {})",
            input.version
        ),
    );
    false
}

/// The negative-binomial dispersion of weekly leads, if given.
fn lead_dispersion(input: &ScenarioInput, p: &mut Problems) -> Option<f64> {
    let k = input.lead_dispersion?;
    let field = Field::LeadDispersion;
    if !needs_version_2(input, "Lead dispersion", p, field) {
        return None;
    }
    if !matches!(input.leads, LeadsInput::PerWeek(_)) {
        p.fail(
            field,
            "lead dispersion applies to leads arriving per week (`per_week`), not to one cohort"
                .to_owned(),
        );
        return None;
    }
    let checked = number(k, 0.0, MAX_DISPERSION, "Lead dispersion").and_then(|k| {
        if k > 0.0 {
            Ok(k)
        } else {
            Err("lead dispersion must be above 0 (leave it out for Poisson leads)".to_owned())
        }
    });
    p.ok(field, checked)
}

/// The market shock's standard deviation (log-odds); 0 when absent.
fn market_sd(input: &ScenarioInput, p: &mut Problems) -> f64 {
    let Some(market) = input.market else {
        return 0.0;
    };
    if !needs_version_2(input, "The market shock", p, Field::MarketSd) {
        return 0.0;
    }
    let sd = number(market.sd, 0.0, MAX_MARKET_SD, "The market swing");
    p.or(Field::MarketSd, sd, 0.0)
}

/// The horizon in weeks; required when leads arrive per week.
fn horizon(input: &ScenarioInput, p: &mut Problems) -> Option<u32> {
    match input.horizon_weeks {
        Some(h) => {
            let h = whole_number(h, 1.0, MAX_HORIZON_WEEKS, "The horizon");
            p.ok(Field::Horizon, h.map_err(|m| format!("{m} weeks")))
                .map(|h| h as u32)
        }
        None => {
            if matches!(input.leads, LeadsInput::PerWeek(_)) {
                p.fail(
                    Field::Horizon,
                    "a horizon in weeks is required when leads arrive per week".to_owned(),
                );
            }
            None
        }
    }
}

fn stages(input: &[StageInput], p: &mut Problems) -> Vec<Stage> {
    if input.len() != STAGE_COUNT {
        p.fail(
            Field::Stages,
            format!(
                "there must be exactly {STAGE_COUNT} stages (got {})",
                input.len()
            ),
        );
    }
    input
        .iter()
        .enumerate()
        .take(STAGE_COUNT)
        .map(|(i, stage)| self::stage(i, stage, p))
        .collect()
}

/// Stage `i`; a blank name reads as the default one.
fn stage(i: usize, stage: &StageInput, p: &mut Problems) -> Stage {
    let label = if stage.name.trim().is_empty() {
        DEFAULT_STAGE_NAMES[i]
    } else {
        stage.name.trim()
    };
    if stage.name.chars().count() > 60 {
        p.fail(
            Field::StageName(i),
            "stage name must be at most 60 characters".to_owned(),
        );
    }
    if !stage.rate.is_finite() || !(0.0..=1.0).contains(&stage.rate) {
        p.fail(
            Field::StageRate(i),
            format!(
                "{label} rate must be between 0 % and 100 % (got {})",
                format_percent(stage.rate)
            ),
        );
    }
    let days = stage.days.map_or(Ok(0.0), |d| {
        number(d, 0.0, MAX_DAYS, &format!("{label} days"))
    });
    let days = p.or(Field::StageDays(i), days, 0.0);
    let evidence = match stage.evidence {
        None => None,
        Some(e) if e.is_finite() && e > 0.0 && e <= MAX_EVIDENCE => Some(e),
        Some(e) => {
            p.fail(
                Field::StageEvidence(i),
                format!(
                    "{label} evidence must be a number of deals above 0 and at most {} (got {e})",
                    plain(MAX_EVIDENCE)
                ),
            );
            None
        }
    };
    Stage {
        name: label.to_owned(),
        rate: stage.rate,
        days,
        evidence,
    }
}

/// Open deals per sales stage; none when the input has no pipeline.
fn pipeline(open: Option<&[f64]>, stages: &[Stage], p: &mut Problems) -> [u64; SALES_STAGES] {
    let mut pipeline = [0u64; SALES_STAGES];
    let Some(open) = open else {
        return pipeline;
    };
    if open.len() != SALES_STAGES {
        p.fail(
            Field::Pipeline(open.len().min(SALES_STAGES)),
            format!(
                "the pipeline needs exactly {SALES_STAGES} numbers, one per stage before Follow-up (got {})",
                open.len()
            ),
        );
    }
    for (i, &n) in open.iter().enumerate().take(SALES_STAGES) {
        let label = stages
            .get(i)
            .map_or(DEFAULT_STAGE_NAMES[i], |s| s.name.as_str());
        let what = format!("Open deals in {label}");
        pipeline[i] = p.or(
            Field::Pipeline(i),
            whole_number(n, 0.0, MAX_COUNT, &what),
            0,
        );
    }
    pipeline
}

fn deal_value(v: DealValueInput, p: &mut Problems) -> Option<DealValue> {
    let median = number(v.median, 0.0, MAX_VALUE, "The median deal value").and_then(|m| {
        if m > 0.0 {
            Ok(m)
        } else {
            Err("the median deal value must be above 0".to_owned())
        }
    });
    let median = p.ok(Field::DealValueMedian, median);
    let p90 = number(v.p90, 0.0, MAX_VALUE, "The 90th-percentile deal value");
    let p90 = p.ok(Field::DealValueP90, p90);
    match (median, p90) {
        (Some(median), Some(p90)) if p90 < median => {
            p.fail(
                Field::DealValueP90,
                format!(
                    "the 90th-percentile deal value ({p90}) must be at least the median ({median})"
                ),
            );
            None
        }
        (Some(median), Some(p90)) => Some(DealValue { median, p90 }),
        _ => None,
    }
}

/// (repeat value, referrals per customer).
fn follow_up(f: FollowUpInput, p: &mut Problems) -> (f64, f64) {
    let repeat = number(f.repeat_value, 0.0, MAX_FOLLOW_UP, "The repeat value");
    let repeat = p.or(Field::RepeatValue, repeat, 0.0);
    let referrals = number(f.referrals, 0.0, MAX_FOLLOW_UP, "Referrals per customer");
    (repeat, p.or(Field::Referrals, referrals, 0.0))
}

/// Without a horizon, referrals must bring back fewer leads than they take,
/// or a trial would never end.
fn check_referral_loop(referrals: f64, stages: &[Stage], p: &mut Problems) {
    let win_share: f64 = stages.iter().take(SALES_STAGES).map(|s| s.rate).product();
    if referrals * win_share >= 1.0 {
        p.fail(
            Field::Referrals,
            format!(
                "the referral loop would grow without bound: each won customer refers {referrals} leads and {} of leads are won, so each lead brings back {:.2} new leads; lower the referrals or set a horizon",
                format_percent(win_share),
                referrals * win_share
            ),
        );
    }
}

/// (revenue target, won-deals target); a revenue target needs deal values.
fn targets(t: TargetInput, has_values: bool, p: &mut Problems) -> (Option<f64>, Option<u64>) {
    let revenue = t
        .revenue
        .and_then(|r| match number(r, 0.0, f64::MAX, "The revenue target") {
            Ok(_) if !has_values => {
                p.fail(
                    Field::TargetRevenue,
                    "a revenue target needs deal_value (median and p90) to compute revenue"
                        .to_owned(),
                );
                None
            }
            Ok(r) => Some(r),
            Err(m) => {
                p.fail(Field::TargetRevenue, m);
                None
            }
        });
    let won = t.won.and_then(|w| {
        p.ok(
            Field::TargetWon,
            whole_number(w, 0.0, 1e15, "The won-deals target"),
        )
    });
    (revenue, won)
}
