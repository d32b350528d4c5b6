//! Ready-made classroom exercises: a short text, a starting scenario, the
//! change to try and what the class should notice, in plain words.

use engine::{FollowUpInput, LeadsInput, ScenarioInput};

/// One exercise.
pub struct Lesson {
    /// Stable identifier (used in the page's address and by tests).
    pub id: &'static str,
    pub title: &'static str,
    /// What the trainer sets up and asks the room.
    pub story: &'static str,
    /// The starting scenario.
    pub scenario: fn() -> ScenarioInput,
    /// The change to try, as a button label.
    pub change: &'static str,
    /// The starting scenario with the change applied.
    pub changed: fn() -> ScenarioInput,
    /// What the class should notice.
    pub notice: &'static str,
}

/// A quarter of weekly leads through stages with the given rates and days.
fn quarter(name: &str, per_week: f64, rates: [f64; 7], days: [f64; 7]) -> ScenarioInput {
    ScenarioInput {
        name: name.to_owned(),
        leads: LeadsInput::PerWeek(per_week),
        horizon_weeks: Some(13.0),
        stages: crate::presets::stages_with(rates, days, None),
        trials: 10_000.0,
        seed: 2026,
        ..ScenarioInput::default()
    }
}

const DAYS: [f64; 7] = [3.0, 4.0, 6.0, 5.0, 6.0, 8.0, 21.0];

fn leaky() -> ScenarioInput {
    let rates = [0.6, 0.25, 0.7, 0.7, 0.6, 0.5, 0.3];
    quarter("Lesson: a leaky qualification stage", 25.0, rates, DAYS)
}

fn leaky_fixed() -> ScenarioInput {
    let mut s = leaky();
    s.name = "Lesson: qualification fixed".to_owned();
    s.stages[1].rate = 0.4;
    s
}

fn loose() -> ScenarioInput {
    let rates = [0.6, 0.7, 0.5, 0.5, 0.45, 0.35, 0.3];
    quarter("Lesson: loose qualification", 25.0, rates, DAYS)
}

fn strict() -> ScenarioInput {
    let mut s = loose();
    s.name = "Lesson: strict qualification".to_owned();
    for (stage, rate) in s
        .stages
        .iter_mut()
        .zip([0.6, 0.35, 0.8, 0.75, 0.7, 0.6, 0.3])
    {
        stage.rate = rate;
    }
    s
}

fn quick_close() -> ScenarioInput {
    let rates = [0.6, 0.5, 0.7, 0.7, 0.6, 0.5, 0.3];
    quarter("Lesson: closing against the quarter end", 25.0, rates, DAYS)
}

fn slow_close() -> ScenarioInput {
    let mut s = quick_close();
    s.name = "Lesson: a long closing stage".to_owned();
    s.stages[5].days = Some(40.0);
    s
}

fn small() -> ScenarioInput {
    let rates = [0.7, 0.6, 0.7, 0.7, 0.6, 0.5, 0.3];
    let mut s = quarter("Lesson: small numbers", 6.0, rates, DAYS);
    // A young team: rates known from a few dozen deals only.
    for stage in &mut s.stages {
        stage.evidence = Some(30.0);
    }
    s
}

fn large() -> ScenarioInput {
    let mut s = small();
    s.name = "Lesson: the same funnel, ten times the leads".to_owned();
    s.leads = LeadsInput::PerWeek(60.0);
    s
}

fn no_referrals() -> ScenarioInput {
    let rates = [0.6, 0.5, 0.7, 0.7, 0.6, 0.5, 0.3];
    let mut days = DAYS;
    days[6] = 7.0;
    let mut s = quarter("Lesson: follow-up without referrals", 15.0, rates, days);
    s.follow_up = Some(FollowUpInput {
        repeat_value: 0.5,
        referrals: 0.0,
    });
    s
}

fn referrals() -> ScenarioInput {
    let mut s = no_referrals();
    s.name = "Lesson: the referral loop".to_owned();
    s.follow_up = Some(FollowUpInput {
        repeat_value: 0.5,
        referrals: 3.0,
    });
    s
}

pub const LESSONS: [Lesson; 5] = [
    Lesson {
        id: "leaky-qualification",
        title: "A leaky qualification stage",
        story: "Only a quarter of prospects pass Qualification. Ask the room: \
                if we fixed one stage, which one would add the most wins?",
        scenario: leaky,
        change: "Raise Qualification from 25 % to 40 %",
        changed: leaky_fixed,
        notice: "Qualification checks need, budget, authority and timing. Every deal it \
                 loses is lost to all the stages after it, so fifteen points here lift \
                 the won deals by 60 %: watch the later columns fill up.",
    },
    Lesson {
        id: "stricter-qualification",
        title: "Stricter qualification",
        story: "The team passes almost everyone through Qualification and then loses them \
                in the demos. What happens if qualification gets strict?",
        scenario: loose,
        change: "Qualify strictly: 35 % pass, later stages convert better",
        changed: strict,
        notice: "Fewer deals reach Needs assessment and Presentation, yet the wins hold up: \
                 the deals that pass are the ones that fit, so every later stage converts \
                 better and the team spends its time on buyers.",
    },
    Lesson {
        id: "long-closing",
        title: "A long closing stage against the quarter end",
        story: "Closing usually takes about a week. A new procurement process makes it take \
                six. Does the funnel still deliver this quarter?",
        scenario: quick_close,
        change: "Make Closing take 40 days",
        changed: slow_close,
        notice: "The same deals are won, but later: at week 13 the dots pile up in Closing \
                 and many wins slip into the next quarter. A forecast for the quarter must \
                 count time, not only rates.",
    },
    Lesson {
        id: "small-numbers",
        title: "Small numbers and noise",
        story: "A new team gets six leads a week. Ask the room to guess this quarter's wins, \
                then run one quarter, then many.",
        scenario: small,
        change: "Ten times the leads, same rates",
        changed: large,
        notice: "With few deals one quarter can land far from the average: compare the single \
                 run with the histogram. With ten times the leads the histogram is narrower \
                 relative to its middle, and the spreadsheet number becomes a fair guide.",
    },
    Lesson {
        id: "referral-loop",
        title: "The referral loop from good follow-up",
        story: "Follow-up is after the sale: support, upsell, asking for referrals. What does \
                good follow-up add within the same quarter?",
        scenario: no_referrals,
        change: "Good follow-up: 3 referred leads per customer",
        changed: referrals,
        notice: "Customers followed up a week after the win send new leads back to \
                 Prospecting (the violet dots). Those leads win more customers, who refer \
                 again: the loop compounds through the quarter.",
    },
];

/// The lesson with this identifier.
pub fn by_id(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::deals::MAX_DEALS;
    use engine::{Model, Quarter, Scenario};

    #[test]
    fn every_lesson_is_valid_and_animates_before_and_after_its_change() {
        for lesson in &LESSONS {
            for make in [lesson.scenario, lesson.changed] {
                let scenario = Scenario::new(&make()).expect("lesson scenario is valid");
                let model = Model::new(scenario);
                let quarter = Quarter::new(&model, 0).expect("lesson fits the animation");
                assert!(!quarter.deals.is_empty() && quarter.deals.len() as u64 <= MAX_DEALS);
            }
            assert_ne!((lesson.scenario)(), (lesson.changed)(), "{}", lesson.id);
            assert_eq!(by_id(lesson.id).map(|l| l.title), Some(lesson.title));
        }
    }
}
