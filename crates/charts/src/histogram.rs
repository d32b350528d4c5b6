//! The results histogram: bars from bins, values marked at the middle of
//! their bar when each bar is one whole number wide, ticks, the value under
//! a dragged pointer, and targets rounded to what a person would type.

use crate::frame::{Frame, Rect};
use crate::scale::{nice_ticks, LinearScale};

/// One bar: outcomes in `[low, high)` (data units) and the share of trials
/// (0 to 1) that fell there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bin {
    pub low: f64,
    pub high: f64,
    pub share: f64,
}

/// Where everything of a histogram goes in its [`Frame`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Histogram {
    frame: Frame,
    x: LinearScale,
    y: LinearScale,
    low: f64,
    high: f64,
    max_share: f64,
    /// Every bar is one whole number wide: value `v` is drawn in `[v, v + 1)`,
    /// so it is marked at `v + 0.5`.
    unit: bool,
}

impl Histogram {
    /// The layout for `bins` (in order). With `whole_numbers` (counts, not
    /// money) and bars no wider than one, values sit at the middle of their
    /// bar. None without bins.
    pub fn new(frame: Frame, bins: &[Bin], whole_numbers: bool) -> Option<Self> {
        let (low, high) = (bins.first()?.low, bins.last()?.high);
        let unit = whole_numbers && high - low <= bins.len() as f64;
        let max_share = bins.iter().map(|b| b.share).fold(0.0, f64::max).max(1e-9);
        Some(Histogram {
            frame,
            x: LinearScale::new((low, high), (frame.left, frame.plot_right())),
            y: LinearScale::new((0.0, max_share * 1.1), (frame.baseline(), frame.top)),
            low,
            high,
            max_share,
            unit,
        })
    }

    /// The outcomes the bars cover: from the first bar's low to the last's high.
    pub fn span(&self) -> (f64, f64) {
        (self.low, self.high)
    }

    /// A bar's rectangle, one unit narrower than its bin so bars stand apart.
    pub fn bar(&self, bin: &Bin) -> Rect {
        let (x0, x1) = (self.x.map(bin.low), self.x.map(bin.high));
        let top = self.y.map(bin.share);
        Rect {
            x: x0 + 0.5,
            y: top,
            width: (x1 - x0 - 1.0).max(0.5),
            height: (self.frame.baseline() - top).max(0.0),
        }
    }

    /// The x at which `value` is marked.
    pub fn centre(&self, value: f64) -> f64 {
        self.x.map(if self.unit { value + 0.5 } else { value })
    }

    /// The value marked at `x` (inverse of [`centre`](Self::centre)), with
    /// `x` first kept inside the plot area.
    pub fn value_at(&self, x: f64) -> f64 {
        let v = self.x.invert(self.frame.clamp_x(x));
        if self.unit {
            v - 0.5
        } else {
            v
        }
    }

    /// The y of a share of trials.
    pub fn y(&self, share: f64) -> f64 {
        self.y.map(share)
    }

    /// Values for the x axis's ticks (draw them at [`centre`](Self::centre)).
    pub fn x_ticks(&self) -> Vec<f64> {
        let last = self.high - if self.unit { 1.0 } else { 0.0 };
        nice_ticks(self.low, last, 6)
    }

    /// Shares for the y axis's ticks (draw them at [`y`](Self::y)).
    pub fn y_ticks(&self) -> Vec<f64> {
        nice_ticks(0.0, self.max_share, 4)
    }
}

/// A target as a person would type it: a whole number of deals, or an
/// amount of money rounded to two significant digits; never negative.
pub fn round_target(value: f64, whole_numbers: bool) -> f64 {
    if whole_numbers {
        value.round().max(0.0)
    } else {
        let magnitude = 10f64.powf(value.abs().max(1.0).log10().floor() - 1.0);
        ((value / magnitude).round() * magnitude).max(0.0)
    }
}

/// How far one arrow key moves a target over outcomes in `[low, high]`: one
/// deal, or about a fiftieth of the range (rounded, at least 1).
pub fn key_step(low: f64, high: f64, whole_numbers: bool) -> f64 {
    if whole_numbers {
        1.0
    } else {
        round_target((high - low) / 50.0, false).max(1.0)
    }
}

#[cfg(test)]
mod tests;
