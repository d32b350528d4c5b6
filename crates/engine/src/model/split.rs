//! Spreading a count of events over weeks: the last step of a cohort, which
//! gives each week its wins and follow-ups.

use crate::rng::TrialRng;
use crate::sampling::binomial;
use rand::RngExt;

/// Below this many events, each event's cell is drawn directly (one uniform
/// and a binary search of the cumulative table); above, the count is split
/// cell by cell with conditional binomials. Either way the cost is bounded,
/// whatever the count.
const DIRECT_SPLIT_LIMIT: u64 = 64;

/// Spreads `count` events over cells (weeks) with probabilities proportional
/// to the increments of `cumulative` (cumulative[i] = mass of cells 0..=i);
/// adds the counts to `cells`.
pub(super) fn split(rng: &mut TrialRng, count: u64, cumulative: &[f64], cells: &mut [u64]) {
    let Some(&total) = cumulative.last() else {
        return;
    };
    if count == 0 || total <= 0.0 {
        return;
    }
    let last = cumulative.len() - 1;
    if count <= DIRECT_SPLIT_LIMIT {
        for _ in 0..count {
            let u = rng.random::<f64>() * total;
            let i = cumulative.partition_point(|&c| c <= u).min(last);
            cells[i] += 1;
        }
        return;
    }
    // Forward: of the events not in cells before i, a share
    // (C[i] − C[i−1]) / (total − C[i−1]) fall in cell i.
    let mut remaining = count;
    let mut below = 0.0;
    for (i, &c) in cumulative.iter().enumerate() {
        if remaining == 0 {
            break;
        }
        let left = total - below;
        let here = if i == last || left <= 0.0 {
            remaining
        } else {
            binomial(rng, remaining, ((c - below) / left).min(1.0))
        };
        cells[i] += here;
        remaining -= here;
        below = c;
    }
}
