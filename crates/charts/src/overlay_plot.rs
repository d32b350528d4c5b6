//! Geometry of an overlaid-distributions chart: several distributions on
//! common bins, each drawn as a step outline over one x axis.

use crate::frame::Frame;
use crate::overlay::overlay;
use crate::scale::{nice_ticks, LinearScale};
use std::fmt::Write;

/// Distributions binned in common and scaled into a frame.
#[derive(Clone, Debug, PartialEq)]
pub struct OverlayPlot {
    edges: Vec<f64>,
    shares: Vec<Vec<f64>>,
    x: LinearScale,
    y: LinearScale,
    frame: Frame,
}

impl OverlayPlot {
    /// `dists` (as `(value, count)` pairs) on `bins` common bins in
    /// `frame`; the y axis reaches 10 % above the largest share, so no
    /// outline touches the top. `None` when no distribution has a value.
    pub fn new(dists: &[&[(f64, u64)]], bins: usize, frame: Frame) -> Option<Self> {
        let (edges, shares) = overlay(dists, bins);
        if edges.len() < 2 {
            return None;
        }
        let (first, last) = (edges[0], edges[edges.len() - 1]);
        let max = shares
            .iter()
            .flatten()
            .copied()
            .fold(0.0, f64::max)
            .max(1e-9);
        let x = LinearScale::new((first, last), (frame.left, frame.plot_right()));
        let y = LinearScale::new((0.0, max * 1.1), (frame.baseline(), frame.top));
        Some(OverlayPlot {
            edges,
            shares,
            x,
            y,
            frame,
        })
    }

    pub fn frame(&self) -> Frame {
        self.frame
    }

    /// Path data per distribution: up from the axis at the first edge,
    /// along the top of each bin, down to the axis at the last edge.
    pub fn outlines(&self) -> Vec<String> {
        let (x, y, edges) = (&self.x, &self.y, &self.edges);
        let last = edges[edges.len() - 1];
        self.shares
            .iter()
            .map(|shares| {
                let mut d = format!("M{:.1} {:.1}", x.map(edges[0]), y.map(0.0));
                for (i, v) in shares.iter().enumerate() {
                    let _ = write!(
                        d,
                        " L{:.1} {:.1} L{:.1} {:.1}",
                        x.map(edges[i]),
                        y.map(*v),
                        x.map(edges[i + 1]),
                        y.map(*v)
                    );
                }
                let _ = write!(d, " L{:.1} {:.1}", x.map(last), y.map(0.0));
                d
            })
            .collect()
    }

    /// About `target` round values along the x axis, each with its x.
    pub fn ticks(&self, target: usize) -> Vec<(f64, f64)> {
        let (lo, hi) = (self.edges[0], self.edges[self.edges.len() - 1]);
        nice_ticks(lo, hi, target)
            .into_iter()
            .map(|t| (t, self.x.map(t)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        width: 120.0,
        height: 60.0,
        left: 10.0,
        right: 10.0,
        top: 4.0,
        bottom: 12.0,
    };

    #[test]
    fn frame_edges() {
        assert_eq!(FRAME.baseline(), 48.0);
        assert_eq!(FRAME.plot_right(), 110.0);
    }

    #[test]
    fn outlines_step_over_common_bins_from_axis_to_axis() {
        let a = [(0.0, 1), (10.0, 1)];
        let b = [(10.0, 4)];
        let plot = OverlayPlot::new(&[&a, &b], 2, FRAME).expect("values");
        // Shares: a = [0.5, 0.5], b = [0, 1]; the y axis tops out at 1.1.
        let top = 48.0 - 44.0 / 1.1;
        let half = 48.0 - 22.0 / 1.1;
        assert_eq!(
            plot.outlines(),
            vec![
                format!("M10.0 48.0 L10.0 {half:.1} L60.0 {half:.1} L60.0 {half:.1} L110.0 {half:.1} L110.0 48.0"),
                format!("M10.0 48.0 L10.0 48.0 L60.0 48.0 L60.0 {top:.1} L110.0 {top:.1} L110.0 48.0"),
            ]
        );
    }

    #[test]
    fn ticks_are_round_values_at_their_x() {
        let a = [(0.0, 1), (10.0, 1)];
        let plot = OverlayPlot::new(&[&a], 2, FRAME).expect("values");
        assert_eq!(
            plot.ticks(5),
            vec![
                (0.0, 10.0),
                (2.0, 30.0),
                (4.0, 50.0),
                (6.0, 70.0),
                (8.0, 90.0),
                (10.0, 110.0)
            ]
        );
    }

    #[test]
    fn nothing_to_plot_without_values() {
        assert_eq!(OverlayPlot::new(&[&[], &[]], 10, FRAME), None);
        assert_eq!(OverlayPlot::new(&[], 10, FRAME), None);
    }

    #[test]
    fn empty_distributions_lie_on_the_axis() {
        let a = [(5.0, 2)];
        let plot = OverlayPlot::new(&[&a, &[]], 1, FRAME).expect("values");
        assert_eq!(
            plot.outlines()[1],
            "M10.0 48.0 L10.0 48.0 L110.0 48.0 L110.0 48.0"
        );
    }
}
