//! SVG path data for lines and bands.

use crate::scale::LinearScale;
use std::fmt::Write;

/// `M x0 y0 L x1 y1 …` through the points, mapped by the scales.
pub fn line(points: &[(f64, f64)], x: &LinearScale, y: &LinearScale) -> String {
    let mut d = String::new();
    for (i, &(px, py)) in points.iter().enumerate() {
        let cmd = if i == 0 { 'M' } else { 'L' };
        let _ = write!(d, "{cmd}{:.1} {:.1} ", x.map(px), y.map(py));
    }
    d.trim_end().to_owned()
}

/// A closed band between `low` and `high` at each x: along the top from
/// left to right, back along the bottom.
pub fn band(xs: &[f64], low: &[f64], high: &[f64], x: &LinearScale, y: &LinearScale) -> String {
    let n = xs.len().min(low.len()).min(high.len());
    if n == 0 {
        return String::new();
    }
    let top: Vec<(f64, f64)> = (0..n).map(|i| (xs[i], high[i])).collect();
    let mut d = line(&top, x, y);
    for i in (0..n).rev() {
        let _ = write!(d, " L{:.1} {:.1}", x.map(xs[i]), y.map(low[i]));
    }
    d.push_str(" Z");
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_maps_points() {
        let x = LinearScale::new((0.0, 10.0), (0.0, 100.0));
        let y = LinearScale::new((0.0, 1.0), (50.0, 0.0));
        assert_eq!(
            line(&[(0.0, 0.0), (5.0, 0.5), (10.0, 1.0)], &x, &y),
            "M0.0 50.0 L50.0 25.0 L100.0 0.0"
        );
        assert_eq!(line(&[], &x, &y), "");
    }

    #[test]
    fn band_goes_out_along_the_top_and_back_along_the_bottom() {
        let x = LinearScale::new((1.0, 3.0), (0.0, 20.0));
        let y = LinearScale::new((0.0, 10.0), (100.0, 0.0));
        let d = band(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0], &[5.0, 6.0, 7.0], &x, &y);
        assert_eq!(
            d,
            "M0.0 50.0 L10.0 40.0 L20.0 30.0 L20.0 70.0 L10.0 80.0 L0.0 90.0 Z"
        );
        assert_eq!(band(&[], &[], &[], &x, &y), "");
    }
}
