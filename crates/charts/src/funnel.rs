//! The funnel chart: one row per stage with a bar for the mean, a whisker
//! for the P10–P90 band, and the stage that leaks most.

use crate::scale::LinearScale;

/// Row height, in viewBox units.
pub const ROW: f64 = 44.0;

/// The stage that loses the largest share of its deals, from each row's
/// drop-off (`drop_offs[k]` is the loss in stage `k − 1`, so row 0 has
/// none). None when no stage loses anything.
pub fn leakiest(drop_offs: &[Option<f64>]) -> Option<usize> {
    drop_offs
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(k, d)| d.map(|d| (k - 1, d)))
        .filter(|(_, d)| *d > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

/// Where the rows go: labels left of `label_width`, values in the last
/// `value_width` of `width`, bars between.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Funnel {
    x: LinearScale,
    width: f64,
    label_width: f64,
    value_width: f64,
}

impl Funnel {
    /// The layout for bars up to `highest` deals (at least one).
    pub fn new(width: f64, label_width: f64, value_width: f64, highest: f64) -> Self {
        Funnel {
            x: LinearScale::new((0.0, highest.max(1.0)), (label_width, width - value_width)),
            width,
            label_width,
            value_width,
        }
    }

    /// The drawing's height for `rows` stages.
    pub fn height(rows: usize) -> f64 {
        ROW * rows as f64 + 8.0
    }

    /// The vertical middle of row `i`'s bar.
    pub fn mid(i: usize) -> f64 {
        4.0 + ROW * i as f64 + ROW / 2.0 - 4.0
    }

    /// The x of a number of deals.
    pub fn x(&self, deals: f64) -> f64 {
        self.x.map(deals)
    }

    /// A bar's width for a mean of `deals`: never thinner than a hairline.
    pub fn bar_width(&self, deals: f64) -> f64 {
        (self.x.map(deals) - self.label_width).max(1.5)
    }

    /// Where a label after a bar `bar_width` wide starts, kept clear of the
    /// values column.
    pub fn after_bar(&self, bar_width: f64) -> f64 {
        (self.label_width + bar_width + 14.0).min(self.width - self.value_width - 70.0)
    }

    /// Where the values column's text starts.
    pub fn value_x(&self) -> f64 {
        self.width - self.value_width + 10.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_leakiest_stage_is_the_one_above_the_largest_drop() {
        assert_eq!(leakiest(&[None, Some(0.2), Some(0.7), Some(0.1)]), Some(1));
        assert_eq!(leakiest(&[Some(0.9), Some(0.0), None]), None);
        assert_eq!(leakiest(&[]), None);
    }

    #[test]
    fn rows_and_bars() {
        let f = Funnel::new(640.0, 170.0, 130.0, 340.0);
        assert_eq!(Funnel::height(7), 316.0);
        assert_eq!(Funnel::mid(0), 22.0);
        assert_eq!(Funnel::mid(2), 110.0);
        assert_eq!(f.x(340.0), 510.0);
        assert_eq!(f.bar_width(170.0), 170.0);
        assert_eq!(f.bar_width(0.0), 1.5);
        assert_eq!(f.after_bar(170.0), 354.0);
        assert_eq!(f.after_bar(340.0), 440.0);
        assert_eq!(f.value_x(), 520.0);
        // Nothing reached: the scale still spans one deal.
        assert_eq!(Funnel::new(640.0, 170.0, 130.0, 0.0).x(1.0), 510.0);
    }
}
