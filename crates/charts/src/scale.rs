//! Linear scales and "nice" axis ticks.

/// Maps a data interval onto a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    domain: (f64, f64),
    range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` (data units) to `range` (pixels). A domain of
    /// zero width is widened by one unit so nothing divides by zero.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let (lo, hi) = domain;
        let domain = if (hi - lo).abs() < f64::EPSILON {
            (lo - 0.5, hi + 0.5)
        } else {
            domain
        };
        LinearScale { domain, range }
    }

    /// Pixel position of `value`; values outside the domain extrapolate.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Data value at pixel `px` (inverse of [`map`](Self::map)).
    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }

    pub fn domain(&self) -> (f64, f64) {
        self.domain
    }
}

/// Round tick values (1, 2 or 5 × 10^k apart) covering `[min, max]`, about
/// `target` of them, all inside the interval.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    if !min.is_finite() || !max.is_finite() || target == 0 {
        return Vec::new();
    }
    let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
    if (hi - lo).abs() < f64::EPSILON {
        return vec![lo];
    }
    let step = nice_step((hi - lo) / target as f64);
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last)
        .map(|i| {
            // Divide by the integer 1/step for fractional steps: 3 / 5 is
            // exactly 0.6, whereas 3 × 0.2 is 0.6000000000000001.
            if step < 1.0 {
                i as f64 / (1.0 / step).round()
            } else {
                i as f64 * step
            }
        })
        .collect()
}

/// The 1, 2 or 5 × 10^k nearest to `raw` on a log scale (as d3 does).
fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    let error = raw / magnitude;
    let m = if error >= 50f64.sqrt() {
        10.0
    } else if error >= 10f64.sqrt() {
        5.0
    } else if error >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    m * magnitude
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_inverts() {
        let s = LinearScale::new((0.0, 100.0), (10.0, 210.0));
        assert_eq!(s.map(0.0), 10.0);
        assert_eq!(s.map(50.0), 110.0);
        assert_eq!(s.map(100.0), 210.0);
        assert_eq!(s.invert(110.0), 50.0);
        let flipped = LinearScale::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(flipped.map(10.0), 0.0);
    }

    #[test]
    fn zero_width_domain_is_widened() {
        let s = LinearScale::new((5.0, 5.0), (0.0, 100.0));
        assert_eq!(s.map(5.0), 50.0);
    }

    #[test]
    fn ticks_are_round_and_inside() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_ticks(3.0, 47.0, 4), vec![10.0, 20.0, 30.0, 40.0]);
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        let t = nice_ticks(0.1, 0.7, 6);
        assert_eq!(t, vec![0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
        assert_eq!(nice_ticks(7.0, 7.0, 5), vec![7.0]);
        assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
        let big = nice_ticks(0.0, 123_456.0, 5);
        assert_eq!(
            big,
            vec![0.0, 20_000.0, 40_000.0, 60_000.0, 80_000.0, 100_000.0, 120_000.0]
        );
    }
}
