//! The classroom animation's clock: which quarter is shown, the simulated day,
//! playing or paused, and the speed. One pure reducer; the component owns
//! the frames and the keys.

use std::rc::Rc;
use yew::Reducible;

/// Speeds offered, in weeks of the quarter per second.
pub const SPEEDS: [f64; 5] = [0.25, 0.5, 1.0, 2.0, 4.0];

#[derive(Clone, Debug, PartialEq)]
pub struct Motion {
    /// Trial of the seeded run being shown.
    pub trial: u64,
    /// Simulated time, in days from the start of the quarter.
    pub day: f64,
    /// Weeks in the quarter (the scenario's horizon).
    pub weeks: usize,
    pub playing: bool,
    /// Weeks per second.
    pub speed: f64,
    /// Timestamp (ms) of the last animation frame while playing.
    pub last_frame: Option<f64>,
    /// Animation frames handled; the component asks for the next frame
    /// each time it changes.
    pub frames: u64,
}

impl Default for Motion {
    fn default() -> Self {
        Motion {
            trial: 0,
            day: 0.0,
            weeks: 13,
            playing: false,
            speed: 1.0,
            last_frame: None,
            frames: 0,
        }
    }
}

pub enum MotionAction {
    /// A quarter of this many weeks is shown.
    SetWeeks(usize),
    TogglePlay,
    /// Moves to the end of the next (+1) or previous (−1) week; pauses.
    Step(i32),
    /// One week on while playing without animation (reduced motion).
    Tick,
    /// An animation frame at this timestamp (ms).
    Frame(f64),
    /// A new quarter (the next trial), back at the start, paused.
    Restart,
    /// The first quarter (trial 0) at the start, paused: a new scenario.
    Reset,
    SetSpeed(f64),
}

impl Motion {
    pub fn end(&self) -> f64 {
        7.0 * self.weeks as f64
    }

    /// Whole weeks completed at the current day.
    pub fn week(&self) -> usize {
        ((self.day / 7.0 + 1e-9).floor() as usize).min(self.weeks)
    }

    pub fn finished(&self) -> bool {
        self.day >= self.end()
    }

    fn advance_weeks(&mut self, weeks: i32) {
        let target = self.week() as i32 + weeks;
        // From the middle of a week, a step back goes to its start.
        let target = if weeks < 0 && self.day > 7.0 * self.week() as f64 + 1e-9 {
            self.week() as i32
        } else {
            target
        };
        self.day = 7.0 * target.clamp(0, self.weeks as i32) as f64;
    }
}

impl Reducible for Motion {
    type Action = MotionAction;

    fn reduce(self: Rc<Self>, action: MotionAction) -> Rc<Self> {
        let mut m = (*self).clone();
        match action {
            MotionAction::SetWeeks(weeks) => {
                if weeks == m.weeks {
                    return self;
                }
                m.weeks = weeks.max(1);
                m.day = m.day.min(m.end());
            }
            MotionAction::TogglePlay => {
                if m.playing {
                    m.playing = false;
                } else {
                    if m.finished() {
                        m.day = 0.0;
                    }
                    m.playing = true;
                }
                m.last_frame = None;
            }
            MotionAction::Step(weeks) => {
                m.playing = false;
                m.advance_weeks(weeks);
            }
            MotionAction::Tick => {
                if !m.playing {
                    return self;
                }
                m.advance_weeks(1);
                m.playing = !m.finished();
            }
            MotionAction::Frame(now) => {
                if !m.playing {
                    return self;
                }
                if let Some(last) = m.last_frame {
                    // A background tab pauses frames: never jump more than 0.1 s.
                    let dt = ((now - last) / 1000.0).clamp(0.0, 0.1);
                    m.day = (m.day + dt * 7.0 * m.speed).min(m.end());
                }
                m.last_frame = Some(now);
                m.frames += 1;
                m.playing = !m.finished();
            }
            MotionAction::Restart => {
                m.trial += 1;
                m.day = 0.0;
                m.playing = false;
                m.last_frame = None;
            }
            MotionAction::Reset => {
                m.trial = 0;
                m.day = 0.0;
                m.playing = false;
                m.last_frame = None;
            }
            MotionAction::SetSpeed(speed) => m.speed = speed,
        }
        Rc::new(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(m: Motion, actions: impl IntoIterator<Item = MotionAction>) -> Motion {
        let mut rc = Rc::new(m);
        for a in actions {
            rc = rc.reduce(a);
        }
        (*rc).clone()
    }

    #[test]
    fn steps_move_by_whole_weeks_within_the_quarter() {
        let m = apply(
            Motion::default(),
            [MotionAction::Step(1), MotionAction::Step(1)],
        );
        assert_eq!((m.week(), m.day), (2, 14.0));
        let m = apply(m, [MotionAction::Step(-1)]);
        assert_eq!(m.week(), 1);
        let m = apply(m, (0..20).map(|_| MotionAction::Step(1)));
        assert_eq!((m.week(), m.finished()), (13, true));
        let m = apply(m, (0..20).map(|_| MotionAction::Step(-1)));
        assert_eq!(m.day, 0.0);
    }

    #[test]
    fn frames_advance_time_at_the_chosen_speed_and_stop_at_the_end() {
        let m = apply(
            Motion::default(),
            [
                MotionAction::SetSpeed(2.0),
                MotionAction::TogglePlay,
                MotionAction::Frame(1000.0),
                MotionAction::Frame(1050.0),
            ],
        );
        // 50 ms at 2 weeks per second: 0.1 week = 0.7 days.
        assert!((m.day - 0.7).abs() < 1e-9, "{}", m.day);
        let m = apply(
            m,
            (0..2000).map(|i| MotionAction::Frame(1100.0 + 50.0 * i as f64)),
        );
        assert!(m.finished() && !m.playing);
        // Play from the end starts over.
        let m = apply(m, [MotionAction::TogglePlay]);
        assert!(m.playing && m.day == 0.0);
    }

    #[test]
    fn stepping_mid_week_back_goes_to_the_weeks_start_and_restart_takes_the_next_trial() {
        let mut m = Motion::default();
        m.day = 10.0;
        let m = apply(m, [MotionAction::Step(-1)]);
        assert_eq!(m.day, 7.0);
        let m = apply(m, [MotionAction::Restart]);
        assert_eq!((m.trial, m.day, m.playing), (1, 0.0, false));
        let m = apply(m, [MotionAction::TogglePlay, MotionAction::Tick]);
        assert_eq!(m.week(), 1);
    }
}
