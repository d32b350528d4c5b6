//! Where each deal's dot is drawn in the classroom animation: pure geometry
//! from a deal's [`Position`] at a moment, tested natively.
//!
//! The canvas is seven equal columns (one per stage, as the counters table
//! above it); the upper band holds deals in a stage, moving left to right
//! as they spend their time there, the lower band the deals lost at that
//! stage. Won deals settle in the Follow-up column.

use engine::{Deal, Position, Source, SALES_STAGES, STAGE_COUNT};

/// Days a lost deal takes to fall into its stage's tray (and a referral to
/// travel from Follow-up back to Prospecting).
pub const FALL_DAYS: f64 = 1.5;

/// What a dot looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    NewLead,
    Pipeline,
    Referral,
    Lost,
    Won,
    /// Won, and its follow-up has happened.
    FollowedUp,
}

/// A dot to draw: centre in CSS pixels, look and opacity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub look: Look,
    pub alpha: f64,
}

/// The canvas's geometry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
}

impl Layout {
    fn column(&self) -> f64 {
        self.width / STAGE_COUNT as f64
    }

    fn pad(&self) -> f64 {
        (self.column() * 0.08).max(4.0)
    }

    /// Top and bottom of the band of deals in a stage.
    pub fn stage_band(&self) -> (f64, f64) {
        (self.height * 0.04, self.height * 0.64)
    }

    /// Top and bottom of the band of lost deals.
    pub fn lost_band(&self) -> (f64, f64) {
        (self.height * 0.72, self.height * 0.97)
    }

    /// Left and right edges of stage `stage`'s column, inside its padding.
    pub fn column_span(&self, stage: usize) -> (f64, f64) {
        let left = self.column() * stage as f64 + self.pad();
        (left, left + self.column() - 2.0 * self.pad())
    }

    /// Dot radius: smaller when the columns are narrow.
    pub fn radius(&self) -> f64 {
        (self.column() / 28.0).clamp(2.5, 7.0)
    }
}

/// A stable pseudo-random number in [0, 1) for deal `index` and `salt`, so a
/// dot keeps its lane from frame to frame.
pub fn jitter(index: usize, salt: u64) -> f64 {
    let mut z = (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

fn lerp(a: f64, b: f64, t: f64) -> f64 {
    a + (b - a) * t.clamp(0.0, 1.0)
}

/// The dot of deal number `index` at `day`; None before it enters (a
/// referral shows while it travels back to Prospecting).
pub fn place(layout: &Layout, deal: &Deal, index: usize, day: f64, horizon: f64) -> Option<Dot> {
    let lane = jitter(index, 1);
    let (top, bottom) = layout.stage_band();
    let y_stage = lerp(top, bottom, lane);
    let r = layout.radius();
    let look = match deal.source {
        Source::NewLead => Look::NewLead,
        Source::Pipeline => Look::Pipeline,
        Source::Referral => Look::Referral,
    };
    match deal.position(day) {
        Position::NotYet => {
            // Referred leads fly from Follow-up back to the top of the funnel.
            let arrival = deal.arrival();
            if deal.source != Source::Referral || day < arrival - FALL_DAYS {
                return None;
            }
            let t = 1.0 - (arrival - day) / FALL_DAYS;
            let (from, _) = layout.column_span(STAGE_COUNT - 1);
            let (to, _) = layout.column_span(0);
            let arc = (std::f64::consts::PI * t).sin();
            Some(Dot {
                x: lerp(from, to, t),
                y: lerp(y_stage, top, arc),
                look,
                alpha: 0.9,
            })
        }
        Position::InStage {
            stage,
            since,
            until,
        } => {
            let (left, right) = layout.column_span(stage);
            let end = until.unwrap_or(horizon.max(since + 1.0)).max(since + 1e-9);
            let progress = (day - since) / (end - since);
            // A deal still there at the end stops short of the next column.
            let progress = if until.is_none() {
                progress.min(0.9)
            } else {
                progress
            };
            Some(Dot {
                x: lerp(left + r, right - r, progress),
                y: y_stage,
                look,
                alpha: 1.0,
            })
        }
        Position::Lost { stage, since } => {
            let (left, right) = layout.column_span(stage);
            let (lost_top, lost_bottom) = layout.lost_band();
            let x = lerp(left + r, right - r, jitter(index, 2));
            let y_rest = lerp(lost_top + r, lost_bottom - r, jitter(index, 3));
            let t = (day - since) / FALL_DAYS;
            Some(Dot {
                x: lerp(right - r, x, t),
                y: lerp(y_stage, y_rest, t),
                look: Look::Lost,
                alpha: lerp(1.0, 0.55, t),
            })
        }
        Position::Won { since } => {
            let (left, right) = layout.column_span(SALES_STAGES);
            let x = lerp(left + r, right - r, jitter(index, 2));
            let followed = deal.follow_up.is_some_and(|f| f < day);
            let t = (day - since) / FALL_DAYS;
            Some(Dot {
                x: lerp(left + r, x, t),
                y: y_stage,
                look: if followed {
                    Look::FollowedUp
                } else {
                    Look::Won
                },
                alpha: 1.0,
            })
        }
    }
}

/// Every `stride`-th deal is drawn, so a projector shows at most about
/// `max_dots` dots whatever the volume (the counters stay exact).
pub fn stride(deals: usize, max_dots: usize) -> usize {
    deals.div_ceil(max_dots.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::Fate;

    fn deal(entered: Vec<f64>, fate: Fate) -> Deal {
        Deal {
            source: Source::NewLead,
            start: 0,
            entered,
            fate,
            follow_up: None,
        }
    }

    const LAYOUT: Layout = Layout {
        width: 1400.0,
        height: 500.0,
    };

    #[test]
    fn a_deal_moves_right_through_its_columns_and_never_back() {
        let d = deal(vec![0.0, 3.0, 8.0, 12.0, 15.0, 20.0, 26.0], Fate::Won);
        let mut last_x = f64::NEG_INFINITY;
        for tenth in 1..400 {
            let day = tenth as f64 / 10.0;
            let dot = place(&LAYOUT, &d, 0, day, 91.0).expect("entered");
            assert!(dot.x >= last_x - 1e-9, "day {day}: {} < {last_x}", dot.x);
            last_x = dot.x;
        }
        let end = place(&LAYOUT, &d, 0, 40.0, 91.0).expect("won");
        let (left, right) = LAYOUT.column_span(6);
        assert!(end.x >= left && end.x <= right && end.look == Look::Won);
    }

    #[test]
    fn a_lost_deal_falls_into_its_stages_tray() {
        let d = deal(vec![0.0, 3.0], Fate::Lost { stage: 1, day: 5.0 });
        let before = place(&LAYOUT, &d, 7, 4.9, 91.0).expect("in stage");
        assert_eq!(before.look, Look::NewLead);
        let after = place(&LAYOUT, &d, 7, 5.0 + FALL_DAYS + 1.0, 91.0).expect("lost");
        let (left, right) = LAYOUT.column_span(1);
        let (top, bottom) = LAYOUT.lost_band();
        assert_eq!(after.look, Look::Lost);
        assert!((left..=right).contains(&after.x) && (top..=bottom).contains(&after.y));
        assert!(
            place(&LAYOUT, &d, 7, 0.0, 91.0).is_none(),
            "not there before it enters"
        );
    }

    #[test]
    fn strides_keep_the_dots_bounded() {
        assert_eq!(stride(100, 500), 1);
        assert_eq!(stride(1_000, 500), 2);
        assert_eq!(stride(20_000, 500), 40);
        assert!(20_000usize.div_ceil(stride(20_000, 500)) <= 500);
    }
}
