//! The calibration game's two charts: the reveal's histogram of 10,000
//! quarters with every team's range drawn above it as a labelled lane, and
//! the debrief's rows of hit rates against the 80 % promise and the band a
//! calibrated team lands in.

use crate::frame::Frame;
use crate::outcome::{Anchor, OutcomeLayout};
use crate::scale::LinearScale;

/// Height of one range lane (viewBox units).
pub const LANE_HEIGHT: f64 = 44.0;
/// Space above the first lane, for the actual's label.
const LANES_TOP: f64 = 40.0;
/// Space between the last lane and the histogram's tallest bar.
const LANES_GAP: f64 = 24.0;

/// A range drawn as a lane: the bar from low to high, its y (centre), and
/// where its label goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lane {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub label_x: f64,
    pub anchor: Anchor,
}

/// The reveal's chart: `lanes` ranges above the histogram of quarters.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeChart {
    pub frame: Frame,
    pub layout: OutcomeLayout,
}

impl RangeChart {
    /// The chart for `dist` (`(deals won, quarters)` pairs) with `lanes`
    /// ranges; `values` (every range's ends and the actual) are kept inside
    /// the x axis. None when there is nothing to show.
    pub fn new(
        width: f64,
        histogram_height: f64,
        dist: &[(f64, u64)],
        lanes: usize,
        values: &[f64],
    ) -> Option<RangeChart> {
        let top = LANES_TOP + LANE_HEIGHT * lanes as f64 + LANES_GAP;
        let frame = Frame {
            width,
            height: top + histogram_height,
            left: 40.0,
            right: 40.0,
            top,
            bottom: 64.0,
        };
        let layout = OutcomeLayout::new(frame, dist, values)?;
        Some(RangeChart { frame, layout })
    }

    /// Lane `i` (0 at the top) for the range `[low, high]`: its label sits
    /// right of the bar, or left of it near the right edge.
    pub fn lane(&self, i: usize, low: f64, high: f64) -> Lane {
        let (x0, _) = self.layout.mark(low);
        let (x1, _) = self.layout.mark(high);
        let y = LANES_TOP + LANE_HEIGHT * (i as f64 + 0.5);
        let room_right = self.frame.width - x1;
        let (label_x, anchor) = if room_right >= 0.4 * self.frame.width || x0 < room_right {
            (x1 + 12.0, Anchor::Start)
        } else {
            (x0 - 12.0, Anchor::End)
        };
        Lane {
            x0,
            x1: x1.max(x0 + 4.0),
            y,
            label_x,
            anchor,
        }
    }

    /// The x of a value (the actual's line).
    pub fn x(&self, value: f64) -> f64 {
        self.layout.mark(value).0
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
            height: 70.0 + row * teams as f64 + 70.0,
            left: label_width,
            right: 60.0,
            top: 70.0,
            bottom: 70.0,
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
        assert_eq!(chart.frame.top, 40.0 + 3.0 * LANE_HEIGHT + 24.0);
        assert_eq!(chart.frame.height, chart.frame.top + 300.0);
        let a = chart.lane(0, 12.0, 18.0);
        let b = chart.lane(1, 12.0, 18.0);
        assert!(a.y < b.y && b.y < chart.frame.top, "lanes above the bars");
        assert_eq!(b.y - a.y, LANE_HEIGHT);
        assert!(a.x0 < a.x1);
        assert_eq!(a.x0, chart.x(12.0));
        // Values outside the distribution still fit on the axis.
        let wide = chart.lane(2, 5.0, 40.0);
        assert!(wide.x0 >= chart.frame.left - 1e-9);
        assert!(wide.x1 <= chart.frame.plot_right() + 1e-9);
    }

    #[test]
    fn a_label_near_the_right_edge_goes_left_of_its_bar() {
        let chart = RangeChart::new(1200.0, 300.0, &dist(), 2, &[]).expect("chart");
        let left = chart.lane(0, 10.0, 12.0);
        assert_eq!(left.anchor, Anchor::Start);
        assert!(left.label_x > left.x1);
        let right = chart.lane(1, 27.0, 30.0);
        assert_eq!(right.anchor, Anchor::End);
        assert!(right.label_x < right.x0);
    }

    #[test]
    fn a_point_range_is_still_drawn() {
        let chart = RangeChart::new(1200.0, 300.0, &dist(), 1, &[]).expect("chart");
        let lane = chart.lane(0, 20.0, 20.0);
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
