//! The calibration game's two charts: the reveal's histogram of 10,000
//! quarters with every team's range drawn above it as a labelled lane, and
//! the debrief's rows of hit rates against the 80 % promise and the band a
//! calibrated team lands in.

use crate::frame::Frame;
use crate::outcome::{Anchor, OutcomeLayout};
use crate::scale::LinearScale;

/// Height of one range lane (viewBox units).
pub const LANE_HEIGHT: f64 = 40.0;
/// Space above the first lane, for the actual's label.
const LANES_TOP: f64 = 40.0;
/// Space between the last lane and the histogram's tallest bar.
const LANES_GAP: f64 = 16.0;
/// A label's width per character, for placing it (28-unit bold type).
const CHAR_WIDTH: f64 = 16.0;
/// How far past the quarters' own span the axis reaches for a range, as a
/// share of that span on each side: a range far wider than anything
/// simulated runs off the edge (with an arrow) instead of squashing the
/// histogram into one bar.
const REACH: f64 = 0.5;

/// A range drawn as a lane: the bar from low to high, its y (centre),
/// whether it runs off either edge, and where its label goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lane {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    /// The range goes on beyond the axis on that side.
    pub open_left: bool,
    pub open_right: bool,
    pub label_x: f64,
    pub anchor: Anchor,
    /// The label sits on the bar (no room beside it).
    pub label_inside: bool,
}

/// The reveal's chart: `lanes` ranges above the histogram of quarters.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeChart {
    pub frame: Frame,
    pub layout: OutcomeLayout,
    /// The values the axis shows: ranges are cut to these.
    shown: (f64, f64),
}

impl RangeChart {
    /// The chart for `dist` (`(deals won, quarters)` pairs) with `lanes`
    /// ranges; `values` (every range's ends, the actual) are kept on the x
    /// axis as far as [`REACH`] allows. None when there is nothing to show.
    pub fn new(
        width: f64,
        histogram_height: f64,
        dist: &[(f64, u64)],
        lanes: usize,
        values: &[f64],
    ) -> Option<RangeChart> {
        let (lo, hi) = dist
            .iter()
            .filter(|(_, n)| *n > 0)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (v, _)| {
                (a.min(*v), b.max(*v))
            });
        if !lo.is_finite() {
            return None;
        }
        let reach = (hi - lo).max(10.0) * REACH;
        let shown = ((lo - reach).max(0.0), hi + reach);
        let kept: Vec<f64> = values.iter().map(|v| v.clamp(shown.0, shown.1)).collect();
        let top = LANES_TOP + LANE_HEIGHT * lanes as f64 + LANES_GAP;
        let frame = Frame {
            width,
            height: top + histogram_height,
            left: 40.0,
            right: 40.0,
            top,
            bottom: 64.0,
        };
        let layout = OutcomeLayout::new(frame, dist, &kept)?;
        Some(RangeChart {
            frame,
            layout,
            shown,
        })
    }

    /// Lane `i` (0 at the top) for the range `[low, high]` with a label of
    /// `label_chars` characters: right of the bar if it fits, else left of
    /// it, else on it.
    pub fn lane(&self, i: usize, low: f64, high: f64, label_chars: usize) -> Lane {
        let (a, b) = self.shown;
        let x0 = self.x(low.clamp(a, b));
        let x1 = self.x(high.clamp(a, b)).max(x0 + 4.0);
        let y = LANES_TOP + LANE_HEIGHT * (i as f64 + 0.5);
        let label = CHAR_WIDTH * label_chars as f64;
        let (label_x, anchor, label_inside) = if x1 + 12.0 + label <= self.frame.width {
            (x1 + 12.0, Anchor::Start, false)
        } else if x0 - 12.0 - label >= 0.0 {
            (x0 - 12.0, Anchor::End, false)
        } else {
            (x0.max(self.frame.left) + 10.0, Anchor::Start, true)
        };
        Lane {
            x0,
            x1,
            y,
            open_left: low < a,
            open_right: high > b,
            label_x,
            anchor,
            label_inside,
        }
    }

    /// The x of a value (the actual's line), kept on the axis.
    pub fn x(&self, value: f64) -> f64 {
        let (a, b) = self.shown;
        self.layout.mark(value.clamp(a, b)).0
    }
}

/// The debrief chart: one row per team, hit rate 0–100 % across.
#[derive(Clone, Debug, PartialEq)]
pub struct DebriefChart {
    pub frame: Frame,
    x: LinearScale,
    /// Height of one team's row.
    pub row: f64,
}

impl DebriefChart {
    /// Room for `teams` rows; team names get `label_width` on the left.
    pub fn new(teams: usize, label_width: f64) -> DebriefChart {
        let row = 64.0;
        let frame = Frame {
            width: 1200.0,
            height: 96.0 + row * teams as f64 + 84.0,
            left: label_width,
            right: 60.0,
            top: 96.0,
            bottom: 84.0,
        };
        DebriefChart {
            x: LinearScale::new((0.0, 1.0), (frame.left, frame.plot_right())),
            frame,
            row,
        }
    }

    /// The x of a hit rate (a share, 0 to 1).
    pub fn x(&self, share: f64) -> f64 {
        self.x.map(share.clamp(0.0, 1.0))
    }

    /// The centre y of row `i`.
    pub fn row_y(&self, i: usize) -> f64 {
        self.frame.top + self.row * (i as f64 + 0.5)
    }

    /// The x axis's ticks: every 20 %.
    pub fn ticks(&self) -> Vec<(f64, f64)> {
        (0..=5)
            .map(|i| {
                let share = i as f64 * 0.2;
                (share, self.x(share))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist() -> Vec<(f64, u64)> {
        (10..=30).map(|k| (k as f64, 100)).collect()
    }

    #[test]
    fn lanes_stack_above_the_histogram_and_follow_the_x_axis() {
        let chart = RangeChart::new(1200.0, 300.0, &dist(), 3, &[5.0, 40.0]).expect("chart");
        assert_eq!(chart.frame.top, 40.0 + 3.0 * LANE_HEIGHT + 16.0);
        assert_eq!(chart.frame.height, chart.frame.top + 300.0);
        let a = chart.lane(0, 12.0, 18.0, 10);
        let b = chart.lane(1, 12.0, 18.0, 10);
        assert!(a.y < b.y && b.y < chart.frame.top, "lanes above the bars");
        assert_eq!(b.y - a.y, LANE_HEIGHT);
        assert!(a.x0 < a.x1);
        assert_eq!(a.x0, chart.x(12.0));
        // Values a little outside the quarters still fit on the axis.
        let wide = chart.lane(2, 5.0, 40.0, 10);
        assert!(!wide.open_left && !wide.open_right);
        assert!(wide.x0 >= chart.frame.left - 1e-9);
        assert!(wide.x1 <= chart.frame.plot_right() + 1e-9);
    }

    #[test]
    fn a_range_far_wider_than_the_quarters_runs_off_the_axis() {
        // Quarters span 10–30: the axis reaches at most 10 beyond each side.
        let chart = RangeChart::new(1200.0, 300.0, &dist(), 1, &[0.0, 100_000.0]).expect("chart");
        let lane = chart.lane(0, 0.0, 100_000.0, 20);
        assert!(!lane.open_left, "0 is within reach of 10");
        assert!(lane.open_right);
        assert!(lane.x1 <= chart.frame.plot_right() + 1e-9);
        // The quarters keep most of the width: 20 of at most 40 deals shown.
        let span = chart.x(30.0) - chart.x(10.0);
        assert!(
            span > 0.45 * (chart.frame.plot_right() - chart.frame.left),
            "{span}"
        );
        assert!(
            lane.label_inside,
            "no room beside a bar across the whole axis"
        );
    }

    #[test]
    fn a_label_goes_where_it_fits() {
        let chart = RangeChart::new(1200.0, 300.0, &dist(), 2, &[]).expect("chart");
        let left = chart.lane(0, 10.0, 12.0, 12);
        assert_eq!(left.anchor, Anchor::Start);
        assert!(left.label_x > left.x1);
        let right = chart.lane(1, 27.0, 30.0, 12);
        assert_eq!(right.anchor, Anchor::End);
        assert!(right.label_x < right.x0);
    }

    #[test]
    fn a_point_range_is_still_drawn() {
        let chart = RangeChart::new(1200.0, 300.0, &dist(), 1, &[]).expect("chart");
        let lane = chart.lane(0, 20.0, 20.0, 5);
        assert!(lane.x1 - lane.x0 >= 4.0);
    }

    #[test]
    fn nothing_to_show_is_no_chart() {
        assert!(RangeChart::new(1200.0, 300.0, &[], 1, &[]).is_none());
    }

    #[test]
    fn the_debrief_maps_hit_rates_across_its_plot() {
        let chart = DebriefChart::new(3, 260.0);
        assert_eq!(chart.x(0.0), 260.0);
        assert_eq!(chart.x(1.0), chart.frame.plot_right());
        assert_eq!(chart.x(1.5), chart.x(1.0), "kept inside");
        assert!(chart.row_y(2) < chart.frame.baseline());
        assert_eq!(chart.row_y(1) - chart.row_y(0), chart.row);
        let ticks = chart.ticks();
        assert_eq!(ticks.len(), 6);
        assert!((ticks[4].0 - 0.8).abs() < 1e-12);
    }
}
