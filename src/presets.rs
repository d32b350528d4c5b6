//! Read-only scenarios to start from. Opening one makes an editable copy.

use engine::{
    DealValueInput, FollowUpInput, LeadsInput, ScenarioInput, StageInput, TargetInput,
    DEFAULT_STAGE_NAMES,
};

/// A built-in scenario and what it stands for.
pub struct Preset {
    pub name: &'static str,
    pub sentence: &'static str,
    pub scenario: fn() -> ScenarioInput,
}

/// The seven default stages with these rates, mean days and evidence.
pub fn stages_with(rates: [f64; 7], days: [f64; 7], evidence: Option<f64>) -> Vec<StageInput> {
    DEFAULT_STAGE_NAMES
        .iter()
        .zip(rates)
        .zip(days)
        .map(|((name, rate), days)| StageInput {
            name: (*name).to_owned(),
            rate,
            days: Some(days),
            evidence,
        })
        .collect()
}

fn stages(rates: [f64; 7], days: [f64; 7]) -> Vec<StageInput> {
    stages_with(rates, days, Some(200.0))
}

fn b2b_saas() -> ScenarioInput {
    ScenarioInput {
        name: "B2B SaaS mid-market".to_owned(),
        leads: LeadsInput::PerWeek(120.0),
        horizon_weeks: Some(13.0),
        stages: stages(
            [0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.25],
            [5.0, 7.0, 10.0, 7.0, 10.0, 14.0, 60.0],
        ),
        pipeline: Some(vec![0.0, 40.0, 25.0, 18.0, 12.0, 6.0]),
        deal_value: Some(DealValueInput {
            median: 12_000.0,
            p90: 40_000.0,
        }),
        follow_up: Some(FollowUpInput {
            repeat_value: 0.3,
            referrals: 0.2,
        }),
        target: Some(TargetInput {
            revenue: Some(250_000.0),
            won: Some(20.0),
        }),
        ..ScenarioInput::default()
    }
}

fn smb_inbound() -> ScenarioInput {
    ScenarioInput {
        name: "SMB inbound".to_owned(),
        leads: LeadsInput::PerWeek(600.0),
        horizon_weeks: Some(13.0),
        stages: stages(
            [0.35, 0.5, 0.8, 0.7, 0.75, 0.5, 0.4],
            [1.0, 2.0, 2.0, 2.0, 3.0, 4.0, 30.0],
        ),
        pipeline: Some(vec![0.0, 120.0, 60.0, 40.0, 25.0, 20.0]),
        deal_value: Some(DealValueInput {
            median: 1_800.0,
            p90: 4_500.0,
        }),
        follow_up: Some(FollowUpInput {
            repeat_value: 0.5,
            referrals: 0.1,
        }),
        target: Some(TargetInput {
            revenue: Some(500_000.0),
            won: None,
        }),
        ..ScenarioInput::default()
    }
}

fn enterprise() -> ScenarioInput {
    ScenarioInput {
        name: "Enterprise, long cycles".to_owned(),
        leads: LeadsInput::PerWeek(12.0),
        horizon_weeks: Some(26.0),
        stages: stages(
            [0.4, 0.5, 0.6, 0.6, 0.5, 0.35, 0.3],
            [10.0, 14.0, 21.0, 14.0, 21.0, 30.0, 90.0],
        ),
        pipeline: Some(vec![10.0, 14.0, 9.0, 7.0, 5.0, 4.0]),
        deal_value: Some(DealValueInput {
            median: 120_000.0,
            p90: 400_000.0,
        }),
        follow_up: Some(FollowUpInput {
            repeat_value: 0.2,
            referrals: 0.05,
        }),
        target: Some(TargetInput {
            revenue: Some(1_500_000.0),
            won: Some(6.0),
        }),
        ..ScenarioInput::default()
    }
}

fn agency() -> ScenarioInput {
    ScenarioInput {
        name: "Agency services".to_owned(),
        leads: LeadsInput::PerWeek(20.0),
        horizon_weeks: Some(13.0),
        stages: stages(
            [0.6, 0.55, 0.7, 0.5, 0.6, 0.45, 0.5],
            [3.0, 5.0, 7.0, 10.0, 7.0, 10.0, 45.0],
        ),
        pipeline: Some(vec![0.0, 8.0, 6.0, 5.0, 3.0, 2.0]),
        deal_value: Some(DealValueInput {
            median: 25_000.0,
            p90: 60_000.0,
        }),
        follow_up: Some(FollowUpInput {
            repeat_value: 0.8,
            referrals: 0.3,
        }),
        target: Some(TargetInput {
            revenue: Some(300_000.0),
            won: Some(10.0),
        }),
        ..ScenarioInput::default()
    }
}

/// The draft a new user starts from, by any of the welcome's ways in (and
/// after discarding a shared link with no draft to go back to): a quarter a
/// B2B manager recognises — 40 new leads a week for 13 weeks, stages that
/// take days, deals around $10k and a revenue target — so the first headline
/// is a chance to reach it, the "When" card has weeks and the classroom can
/// animate it. Not `ScenarioInput::default()`: that is the scenario
/// format's default (and the command line's), kept as it is.
pub fn default_draft() -> ScenarioInput {
    ScenarioInput {
        leads: LeadsInput::PerWeek(40.0),
        horizon_weeks: Some(13.0),
        stages: stages_with(
            [0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.25],
            [3.0, 5.0, 7.0, 5.0, 7.0, 10.0, 60.0],
            None,
        ),
        deal_value: Some(DealValueInput {
            median: 10_000.0,
            p90: 30_000.0,
        }),
        target: Some(TargetInput {
            revenue: Some(120_000.0),
            won: None,
        }),
        ..ScenarioInput::default()
    }
}

/// The default draft in a sentence, its money written by `money`.
pub fn default_draft_sentence(money: &dyn Fn(f64) -> String) -> String {
    let d = default_draft();
    let leads = match d.leads {
        LeadsInput::PerWeek(n) => format!("{n} leads a week"),
        LeadsInput::Count(n) => format!("{n} leads"),
    };
    let weeks = d
        .horizon_weeks
        .map(|h| format!(" for {h} weeks"))
        .unwrap_or_default();
    let value = d
        .deal_value
        .map(|v| format!(", deals around {}", money(v.median)))
        .unwrap_or_default();
    let target = d
        .target
        .and_then(|t| t.revenue)
        .map(|r| format!(" and a {} revenue target", money(r)))
        .unwrap_or_default();
    format!(
        "A typical quarter to overwrite: {leads}{weeks}, {} stages with their days{value}{target}.",
        d.stages.len()
    )
}

/// The built-in scenarios.
pub const PRESETS: [Preset; 4] = [
    Preset {
        name: "B2B SaaS mid-market",
        sentence: "120 leads a week, deals around $12k, a quarter to hit $250k with an open pipeline.",
        scenario: b2b_saas,
    },
    Preset {
        name: "SMB inbound",
        sentence: "High inbound volume, quick stages and small deals: volume is everything.",
        scenario: smb_inbound,
    },
    Preset {
        name: "Enterprise, long cycles",
        sentence: "A dozen leads a week, six-figure deals and stages measured in weeks: time is the constraint.",
        scenario: enterprise,
    },
    Preset {
        name: "Agency services",
        sentence: "Projects around $25k, strong repeat business and referrals from happy clients.",
        scenario: agency,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use engine::{Scenario, Simulation};

    #[test]
    fn the_default_draft_is_valid_and_its_headline_is_a_chance() {
        let input = default_draft();
        let scenario = Scenario::new(&input)
            .expect("the default draft is valid")
            .with_trials(2_000);
        let mut sim = Simulation::new(scenario);
        sim.step(u64::MAX);
        let s = sim.summary();
        let p = s
            .target
            .as_ref()
            .and_then(|t| t.p_revenue.as_ref())
            .expect("a chance to reach the revenue target")
            .p;
        // A chance worth acting on: neither a sure thing nor hopeless.
        assert!((0.2..=0.8).contains(&p), "chance {p}");
        assert!(s.won.mean > 5.0, "{}", s.won.mean);
        assert_eq!(s.horizon_weeks, Some(13));
    }

    #[test]
    fn the_default_draft_sentence_says_its_numbers() {
        assert_eq!(
            default_draft_sentence(&|v| format!("${}k", v / 1000.0)),
            "A typical quarter to overwrite: 40 leads a week for 13 weeks, 7 stages with their \
             days, deals around $10k and a $120k revenue target."
        );
    }

    #[test]
    fn every_preset_is_valid_and_forecasts_something() {
        for preset in &PRESETS {
            let input = (preset.scenario)();
            assert_eq!(input.name, preset.name);
            let scenario = Scenario::new(&input)
                .expect("preset is valid")
                .with_trials(300);
            let mut sim = Simulation::new(scenario);
            sim.step(u64::MAX);
            let s = sim.summary();
            assert!(s.won.mean > 1.0, "{}: {}", preset.name, s.won.mean);
            assert!(s.revenue.is_some());
        }
    }
}
