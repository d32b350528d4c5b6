//! Several distributions on common bins, for overlaid histograms.

/// Bins `[lo, hi)` shared by every distribution (given as sorted or
/// unsorted `(value, count)` pairs) and, per distribution, the share of its
/// total in each bin. Returns the `bins + 1` edges and the shares.
pub fn overlay(dists: &[&[(f64, u64)]], bins: usize) -> (Vec<f64>, Vec<Vec<f64>>) {
    let bins = bins.max(1);
    let values = dists.iter().flat_map(|d| d.iter().map(|(v, _)| *v));
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() || !hi.is_finite() {
        return (Vec::new(), dists.iter().map(|_| Vec::new()).collect());
    }
    // A degenerate range still gets one visible bin around the value.
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 0.5, hi + 0.5)
    };
    let width = (hi - lo) / bins as f64;
    let edges = (0..=bins).map(|i| lo + i as f64 * width).collect();
    let shares = dists
        .iter()
        .map(|d| {
            let total: u64 = d.iter().map(|(_, c)| c).sum();
            let mut out = vec![0.0; bins];
            if total == 0 {
                return out;
            }
            for (v, c) in d.iter() {
                let i = (((v - lo) / width).floor() as usize).min(bins - 1);
                out[i] += *c as f64 / total as f64;
            }
            out
        })
        .collect();
    (edges, shares)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_sum_to_one_on_common_edges() {
        let a = [(0.0, 5), (10.0, 5)];
        let b = [(5.0, 1), (20.0, 3)];
        let (edges, shares) = overlay(&[&a, &b], 4);
        assert_eq!(edges, vec![0.0, 5.0, 10.0, 15.0, 20.0]);
        assert_eq!(shares[0], vec![0.5, 0.0, 0.5, 0.0]);
        assert_eq!(shares[1], vec![0.0, 0.25, 0.0, 0.75]);
    }

    #[test]
    fn degenerate_and_empty_inputs() {
        let a = [(7.0, 3)];
        let (edges, shares) = overlay(&[&a], 2);
        assert_eq!(edges, vec![6.5, 7.0, 7.5]);
        assert_eq!(shares[0], vec![0.0, 1.0]);
        let (edges, shares) = overlay(&[&[]], 3);
        assert!(edges.is_empty() && shares[0].is_empty());
    }
}
