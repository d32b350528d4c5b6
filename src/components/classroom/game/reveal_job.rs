//! The reveal's actual: trial 0 of the round's mystery quarter, computed on
//! the helper worker and stored the moment it is known. The quarter comes
//! deal by deal, so it can be played; one too large to animate (more deals
//! than the view draws) gives the same trial's outcome through a one-trial
//! forecast instead, and the result is shown without the animation.

use super::focus_later;
use crate::app::GameStore;
use crate::game::{Actual, GameAction, Phase};
use crate::worker::readers::{self, QuarterResult, Read};
use crate::worker::JobSlot;
use engine::mystery::mystery;
use engine::{JobSpec, Quarter, ScenarioInput};
use std::rc::Rc;
use yew::prelude::*;

/// What a reveal reaches: the game, the helper's slot, and the screen's
/// state (the quarter to play, busy, and why it failed).
#[derive(Clone)]
pub struct RevealJob {
    pub store: GameStore,
    pub slot: JobSlot,
    pub playing: UseStateHandle<Option<Rc<Quarter>>>,
    pub busy: UseStateHandle<bool>,
    pub error: UseStateHandle<Option<AttrValue>>,
    /// The last reveal was counted without the animation (too many deals).
    pub unanimated: UseStateHandle<bool>,
}

impl RevealJob {
    /// Computes the current round's actual and reveals it.
    pub fn start(&self) {
        let game = self.store.game();
        let Phase::Entering(round) = game.phase() else {
            return;
        };
        let scenario = mystery(game.seed, round);
        self.busy.set(true);
        self.error.set(None);
        self.unanimated.set(false);
        let spec = JobSpec::Quarter {
            scenario: Box::new(scenario.clone()),
            trial: 0,
        };
        let this = self.clone();
        let on_quarter = Callback::from(move |q: QuarterResult| match q {
            Ok(q) => {
                let actual = Actual {
                    won: q.outcome.won() as f64,
                    revenue: scenario.deal_value.is_some().then_some(q.outcome.revenue),
                };
                if this.reveal(round, actual) {
                    this.playing.set(Some(q));
                    focus_later("game-skip".to_owned());
                }
            }
            // Too many deals to draw: the same trial, counted without them.
            Err(_) => this.count_one_trial(round, scenario.clone()),
        });
        self.slot.start(spec, readers::quarter(on_quarter));
    }

    /// Trial 0's outcome from a forecast of that one trial (the same
    /// numbers the quarter would have had).
    fn count_one_trial(&self, round: u32, mut scenario: ScenarioInput) {
        scenario.trials = 1.0;
        let spec = JobSpec::Forecast {
            scenario: Box::new(scenario),
            first: 0,
            end: 1,
        };
        let this = self.clone();
        let on_read = Callback::from(move |read| match read {
            Read::Result(summary, true) => {
                let s: Rc<engine::Summary> = summary;
                let actual = Actual {
                    won: s.won.mean,
                    revenue: s.revenue.as_ref().map(|r| r.mean),
                };
                if this.reveal(round, actual) {
                    this.unanimated.set(true);
                    focus_later("game-next".to_owned());
                }
            }
            Read::Failed(message) => {
                this.busy.set(false);
                this.error.set(Some(message.into()));
            }
            _ => {}
        });
        self.slot.start(spec, readers::forecast(1, on_read));
    }

    /// Stores `actual` as round `round`'s; false if the game has moved on
    /// (a late report) or refused it (said in the error).
    fn reveal(&self, round: u32, actual: Actual) -> bool {
        self.busy.set(false);
        if self.store.game().phase() != Phase::Entering(round) {
            return false;
        }
        match self.store.apply(GameAction::Reveal(actual)) {
            Ok(()) => true,
            Err(e) => {
                self.error.set(Some(e.to_string().into()));
                false
            }
        }
    }
}
