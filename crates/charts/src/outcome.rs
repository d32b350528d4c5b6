//! The classroom's histogram of simulated quarters: one bar per whole number
//! of deals when the range is small, else 40 equal bins, over a range that
//! also holds the marked values (the spreadsheet's estimate, the room's
//! guess, the animated quarter).

use crate::frame::{Frame, Rect};
use crate::histogram::Bin;
use crate::scale::{nice_ticks, LinearScale};

/// How a label is anchored on its x: near an edge it grows inwards, so it is
/// never cut off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// Bins over `[lo, hi]` for `(value, count)` pairs, with each bin's share of
/// the total: whole-number bins centred on the integers when the range spans
/// at most 60, else 40 equal bins. Empty when nothing was counted.
pub fn bins(dist: &[(f64, u64)], lo: f64, hi: f64) -> Vec<Bin> {
    let total: u64 = dist.iter().map(|(_, c)| c).sum();
    if total == 0 {
        return Vec::new();
    }
    let (width, count) = if hi - lo <= 60.0 {
        (1.0, (hi - lo).floor() as usize + 1)
    } else {
        ((hi - lo) / 40.0, 40)
    };
    let start = if width == 1.0 { lo.floor() - 0.5 } else { lo };
    let mut shares = vec![0.0; count];
    for (v, c) in dist {
        let i = (((v - start) / width).floor().max(0.0) as usize).min(count - 1);
        shares[i] += *c as f64 / total as f64;
    }
    shares
        .into_iter()
        .enumerate()
        .map(|(i, share)| Bin {
            low: start + i as f64 * width,
            high: start + (i + 1) as f64 * width,
            share,
        })
        .collect()
}

/// Where everything of the quarters histogram goes in its [`Frame`].
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeLayout {
    frame: Frame,
    x: LinearScale,
    y: LinearScale,
    bins: Vec<Bin>,
}

impl OutcomeLayout {
    /// The layout for quarters as `(deals won, quarters)` pairs, with room
    /// for the `marks`. None when there is nothing to show at all.
    pub fn new(frame: Frame, dist: &[(f64, u64)], marks: &[f64]) -> Option<Self> {
        let values = dist.iter().map(|(v, _)| *v).chain(marks.iter().copied());
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
        if !lo.is_finite() {
            return None;
        }
        // At least one deal wide, and never below zero deals.
        let (lo, hi) = (lo.min(hi - 1.0).max(0.0), hi.max(lo + 1.0));
        let bins = bins(dist, lo, hi);
        let (x_lo, x_hi) = match (bins.first(), bins.last()) {
            (Some(f), Some(l)) => (f.low.min(lo), l.high.max(hi)),
            _ => (lo, hi),
        };
        let top_share = bins.iter().map(|b| b.share).fold(0.0, f64::max).max(0.05);
        Some(OutcomeLayout {
            frame,
            x: LinearScale::new((x_lo, x_hi), (frame.left, frame.plot_right())),
            y: LinearScale::new((0.0, top_share * 1.1), (frame.baseline(), frame.top)),
            bins,
        })
    }

    /// The bars with quarters in them, each a unit narrower on both sides.
    pub fn bars(&self) -> Vec<Rect> {
        self.bins
            .iter()
            .filter(|b| b.share > 0.0)
            .map(|b| {
                let (x0, x1) = (self.x.map(b.low) + 1.0, self.x.map(b.high) - 1.0);
                let top = self.y.map(b.share);
                Rect {
                    x: x0,
                    y: top,
                    width: (x1 - x0).max(1.0),
                    height: self.y.map(0.0) - top,
                }
            })
            .collect()
    }

    /// The x axis's ticks: `(deals won, x)`.
    pub fn ticks(&self) -> Vec<(f64, f64)> {
        let (lo, hi) = self.x.domain();
        nice_ticks(lo, hi, 8)
            .into_iter()
            .map(|t| (t, self.x.map(t)))
            .collect()
    }

    /// Where a marked value goes, and how its label is anchored.
    pub fn mark(&self, value: f64) -> (f64, Anchor) {
        let px = self.x.map(value);
        let anchor = if px > self.frame.width - 160.0 {
            Anchor::End
        } else if px < self.frame.left + 100.0 {
            Anchor::Start
        } else {
            Anchor::Middle
        };
        (px, anchor)
    }
}

#[cfg(test)]
mod tests;
