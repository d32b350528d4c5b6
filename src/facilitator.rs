//! The facilitator sheet's content: a 45-minute session built from the five
//! lessons and the calibration game, as static text. The markup is in
//! `components::classroom::facilitator_sheet`; the native tests check the
//! timings add up and every lesson is in the plan.

use crate::lessons::by_id;

/// One block of the session.
pub struct Block {
    /// Its length, in minutes.
    pub minutes: u32,
    /// The block's name; for a lesson, `None` (its title is the lesson's).
    pub title: Option<&'static str>,
    /// The lesson this block runs (its `id` in `lessons`), if any.
    pub lesson: Option<&'static str>,
    /// What the trainer does, in order.
    pub run: &'static str,
    /// Questions to ask the room.
    pub ask: &'static [&'static str],
    /// What to look for when the answer is revealed.
    pub look_for: &'static str,
}

impl Block {
    /// The block's heading: its own title or its lesson's.
    pub fn heading(&self) -> &'static str {
        self.title
            .or_else(|| self.lesson.and_then(by_id).map(|l| l.title))
            .unwrap_or("")
    }
}

/// The session's length, in minutes.
pub const SESSION_MINUTES: u32 = 45;

/// What the trainer prepares before the room arrives.
pub const BEFORE: &str =
    "Open Funnelcast on the projector laptop once while online (it then works \
     offline), press Classroom mode, and turn on Full screen. Set up the calibration game's teams \
     in advance: three or four teams of any size.";

/// The session, in order.
pub const PLAN: [Block; 8] = [
    Block {
        minutes: 3,
        title: Some("Opening: one quarter in motion"),
        lesson: None,
        run: "Turn on Mystery mode. Play one quarter of the current scenario (Space): deals move \
              through the stages week by week.",
        ask: &["How many deals will this funnel win this quarter? Write a number down."],
        look_for: "Most people write the spreadsheet number (leads × rates). Keep their numbers \
                   for the game: nobody gave a range yet.",
    },
    Block {
        minutes: 5,
        title: None,
        lesson: Some("leaky-qualification"),
        run: "Load the lesson, play a quarter, then press its change and play again.",
        ask: &["If we fixed one stage, which one would add the most wins?"],
        look_for: "The later columns fill up: a deal lost early is lost to every stage after it, \
                   so fifteen points in Qualification lift the wins by 60 %.",
    },
    Block {
        minutes: 5,
        title: None,
        lesson: Some("stricter-qualification"),
        run: "Load the lesson and play it; then apply strict qualification.",
        ask: &["Fewer deals pass. Will we win fewer?"],
        look_for: "Fewer deals in the middle of the funnel, the same wins: the deals that pass \
                   fit, so every later stage converts better.",
    },
    Block {
        minutes: 5,
        title: None,
        lesson: Some("long-closing"),
        run: "Load the lesson, play a quarter, then make Closing take 40 days.",
        ask: &["Same rates, slower closing: how many wins land inside this quarter?"],
        look_for: "The dots pile up in Closing at week 13 and wins slip into next quarter: a \
                   quarter's forecast counts time, not only rates.",
    },
    Block {
        minutes: 6,
        title: None,
        lesson: Some("small-numbers"),
        run: "Load the lesson with Mystery mode on. Ask for a guess, run 1 → 10 → 100 → 10,000 \
              quarters, then press Reveal. Repeat with ten times the leads.",
        ask: &[
            "Give a range you are 80 % sure of. How wide did you make it?",
            "Which single quarter would you have called a bad team?",
        ],
        look_for: "With six leads a week one quarter lands far from the middle; the histogram \
                   is wide. Ten times the leads narrows it relative to its middle.",
    },
    Block {
        minutes: 4,
        title: None,
        lesson: Some("referral-loop"),
        run: "Load the lesson, play a quarter, then turn on good follow-up.",
        ask: &["What does follow-up add within the same quarter?"],
        look_for: "Violet dots: referred leads go back to Prospecting and win customers who \
                   refer again. The loop compounds through the quarter.",
    },
    Block {
        minutes: 12,
        title: Some("The calibration game"),
        lesson: None,
        run: "Classroom mode → Calibration game. Each round shows a mystery quarter's inputs. \
              Each team gives an 80 % range for deals won (low and high) and locks it; ranges \
              stay hidden until all are locked. Reveal: one quarter plays, the actual result \
              lights each range hit or miss, then the 10,000-quarter distribution shows every \
              range and the model's own. The scoreboard counts hits out of rounds against the \
              80 % promise, and an interval score (lower is better). Play 4–6 rounds.",
        ask: &[
            "Before locking: would you bet on this range four times out of five?",
            "After each reveal: which team was too narrow, too wide or off-centre?",
        ],
        look_for: "Ranges that hug the spreadsheet number and miss: most rooms hit far fewer \
                   than 80 %. Teams that widen after a miss climb the scoreboard.",
    },
    Block {
        minutes: 5,
        title: Some("Debrief"),
        lesson: None,
        run: "Show the debrief chart: each team's hit rate against 80 %, with the band a \
              perfectly calibrated team lands in for that many rounds.",
        ask: &[
            "Your commit number: is it a range? How often has it held?",
            "What will you ask your team for at the next forecast call?",
        ],
        look_for: "Teams below the band were overconfident. The habit to leave with: give a \
                   range, say how sure you are, check it against what happened.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_takes_45_minutes_and_runs_every_lesson_once() {
        assert_eq!(PLAN.iter().map(|b| b.minutes).sum::<u32>(), SESSION_MINUTES);
        let planned: Vec<_> = PLAN.iter().filter_map(|b| b.lesson).collect();
        let lessons: Vec<_> = crate::lessons::LESSONS.iter().map(|l| l.id).collect();
        assert_eq!(
            planned, lessons,
            "every lesson once, in the classroom's order"
        );
        for block in &PLAN {
            assert!(!block.heading().is_empty() && !block.ask.is_empty());
            assert!(block.lesson.is_none_or(|id| by_id(id).is_some()));
        }
    }
}
