//! Tornado chart geometry: one horizontal bar per lever around a zero line,
//! with an error bar of ± one standard error and the value beside the bar.

use crate::LinearScale;

/// Width of the chart's view box (px).
pub const WIDTH: f64 = 640.0;
/// Height of one lever's row (px).
const ROW: f64 = 24.0;
/// Where the bars' scale starts and how much room is left on the right for
/// the value text (px).
const LEFT: f64 = 230.0;
const RIGHT: f64 = 70.0;
/// The right edge of the (right-aligned) lever labels (px).
pub const LABEL_X: f64 = 222.0;

/// Where one lever's row is drawn, in view-box pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TornadoRow {
    /// Baseline of the label and of the value text.
    pub text_y: f64,
    /// The bar: from the zero line to the change, at least 1 px wide.
    pub bar_x: f64,
    pub bar_y: f64,
    pub bar_width: f64,
    pub bar_height: f64,
    /// The error bar: change ± standard error, drawn at `error_y`.
    pub error_x1: f64,
    pub error_x2: f64,
    pub error_y: f64,
    /// Left end of the value text, just past the bar's outer end.
    pub value_x: f64,
}

/// The whole chart: view-box size, zero line and one row per lever.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    pub width: f64,
    pub height: f64,
    /// The zero line: at `zero_x`, from `axis_y1` down to `axis_y2`.
    pub zero_x: f64,
    pub axis_y1: f64,
    pub axis_y2: f64,
    pub rows: Vec<TornadoRow>,
}

/// Lays out a tornado for `(change, standard error)` pairs, in the order
/// given (top to bottom). The scale is symmetric around zero so that gains
/// and losses compare at a glance, wide enough for every error bar.
pub fn tornado(effects: &[(f64, f64)]) -> Tornado {
    let max = effects
        .iter()
        .map(|(change, se)| change.abs() + se)
        .fold(1e-9, f64::max);
    let height = ROW * effects.len() as f64 + 30.0;
    let x = LinearScale::new((-max, max), (LEFT, WIDTH - RIGHT));
    let rows = effects
        .iter()
        .enumerate()
        .map(|(i, &(change, se))| {
            let y = 8.0 + ROW * i as f64;
            let (x0, x1) = (x.map(0.0), x.map(change));
            TornadoRow {
                text_y: y + 15.0,
                bar_x: x0.min(x1),
                bar_y: y + 3.0,
                bar_width: (x1 - x0).abs().max(1.0),
                bar_height: ROW - 8.0,
                error_x1: x.map(change - se),
                error_x2: x.map(change + se),
                error_y: y + 11.0,
                value_x: x1.max(x0) + 6.0,
            }
        })
        .collect();
    Tornado {
        width: WIDTH,
        height,
        zero_x: x.map(0.0),
        axis_y1: 4.0,
        axis_y2: height - 20.0,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_is_symmetric_and_fits_the_error_bars() {
        // Largest |change| + se is 10: the scale runs −10 … 10 over 230 … 570.
        let t = tornado(&[(8.0, 2.0), (-4.0, 1.0)]);
        assert_eq!((t.width, t.height), (640.0, 78.0));
        assert_eq!(t.zero_x, 400.0);
        assert_eq!((t.axis_y1, t.axis_y2), (4.0, 58.0));
        let gain = t.rows[0];
        assert_eq!((gain.bar_x, gain.bar_width), (400.0, 136.0));
        assert_eq!((gain.error_x1, gain.error_x2), (502.0, 570.0));
        assert_eq!(gain.value_x, 542.0);
        // A loss grows to the left of the zero line; its value sits right of zero.
        let loss = t.rows[1];
        assert_eq!((loss.bar_x, loss.bar_width), (332.0, 68.0));
        assert_eq!((loss.error_x1, loss.error_x2), (315.0, 349.0));
        assert_eq!(loss.value_x, 406.0);
    }

    #[test]
    fn rows_stack_top_to_bottom() {
        let t = tornado(&[(1.0, 0.0), (1.0, 0.0), (1.0, 0.0)]);
        let ys: Vec<_> = t
            .rows
            .iter()
            .map(|r| (r.text_y, r.bar_y, r.error_y))
            .collect();
        assert_eq!(
            ys,
            vec![(23.0, 11.0, 19.0), (47.0, 35.0, 43.0), (71.0, 59.0, 67.0)]
        );
        assert!(t.rows.iter().all(|r| r.bar_height == 16.0));
    }

    #[test]
    fn a_zero_change_still_shows_a_hairline() {
        let t = tornado(&[(0.0, 0.0)]);
        assert_eq!(t.rows[0].bar_width, 1.0);
        assert!(t.zero_x.is_finite() && t.rows[0].bar_x.is_finite());
        let empty = tornado(&[]);
        assert!(empty.rows.is_empty());
        assert_eq!(empty.height, 30.0);
    }
}
