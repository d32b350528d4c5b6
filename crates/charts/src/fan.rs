//! The week-by-week fan: cumulative values from week 0 (nothing yet), the
//! P10–P90 band and the median as paths, and the axes' ticks.

use crate::frame::Frame;
use crate::path;
use crate::scale::{nice_ticks, LinearScale};

/// One week's cumulative outcome: its number (1, 2, …) and percentiles.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Week {
    pub week: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// Where everything of a fan chart goes in its [`Frame`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fan {
    x: LinearScale,
    y: LinearScale,
    weeks: f64,
    top: f64,
}

impl Fan {
    /// The layout for `weeks` weeks whose values reach `highest` (the largest
    /// P90, or the target when that is higher), with 5 % headroom.
    pub fn new(frame: Frame, weeks: usize, highest: f64) -> Self {
        let weeks = weeks as f64;
        let top = highest.max(1.0) * 1.05;
        Fan {
            x: LinearScale::new((0.0, weeks), (frame.left, frame.plot_right())),
            y: LinearScale::new((0.0, top), (frame.baseline(), frame.top)),
            weeks,
            top,
        }
    }

    pub fn x(&self, week: f64) -> f64 {
        self.x.map(week)
    }

    pub fn y(&self, value: f64) -> f64 {
        self.y.map(value)
    }

    /// The P10–P90 band and the median line as SVG path data, both opening
    /// from week 0 with nothing won.
    pub fn paths(&self, weeks: &[Week]) -> (String, String) {
        let all: Vec<Week> = std::iter::once(Week::default())
            .chain(weeks.iter().copied())
            .collect();
        let column = |f: fn(&Week) -> f64| all.iter().map(f).collect::<Vec<f64>>();
        let xs = column(|w| w.week);
        let band = path::band(
            &xs,
            &column(|w| w.p10),
            &column(|w| w.p90),
            &self.x,
            &self.y,
        );
        let median: Vec<(f64, f64)> = all.iter().map(|w| (w.week, w.p50)).collect();
        (band, path::line(&median, &self.x, &self.y))
    }

    /// Values for the y axis's ticks.
    pub fn y_ticks(&self) -> Vec<f64> {
        nice_ticks(0.0, self.top, 5)
    }

    /// Week numbers for the x axis's ticks: about one per week up to 8.
    pub fn x_ticks(&self) -> Vec<f64> {
        nice_ticks(1.0, self.weeks, 8.min(self.weeks as usize).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Frame = Frame {
        width: 140.0,
        height: 120.0,
        left: 40.0,
        right: 0.0,
        top: 20.0,
        bottom: 0.0,
    };

    #[test]
    fn the_fan_opens_from_the_origin() {
        let fan = Fan::new(F, 2, 20.0 / 1.05);
        let weeks = [
            Week {
                week: 1.0,
                p10: 0.0,
                p50: 5.0,
                p90: 10.0,
            },
            Week {
                week: 2.0,
                p10: 5.0,
                p50: 10.0,
                p90: 20.0,
            },
        ];
        let (band, median) = fan.paths(&weeks);
        assert_eq!(median, "M40.0 120.0 L90.0 95.0 L140.0 70.0");
        assert_eq!(
            band,
            "M40.0 120.0 L90.0 70.0 L140.0 20.0 L140.0 95.0 L90.0 120.0 L40.0 120.0 Z"
        );
    }

    #[test]
    fn headroom_and_ticks() {
        let fan = Fan::new(F, 13, 0.2);
        // Below one, the scale still shows one unit (plus headroom).
        assert_eq!(fan.y(1.05), 20.0);
        assert_eq!(fan.y_ticks(), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(fan.x_ticks(), vec![2.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
        assert_eq!(Fan::new(F, 3, 5.0).x_ticks(), vec![1.0, 1.5, 2.0, 2.5, 3.0]);
    }
}
