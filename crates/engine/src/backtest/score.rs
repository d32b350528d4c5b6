//! Scoring a forecast (its trials) against what happened: quantiles, the
//! mid-PIT, the CRPS, interval coverage and the HubSpot-style accuracy.
//! Every function takes the trials' values sorted ascending.

/// The `percent`-th percentile of the trials by the inverse empirical CDF:
/// the smallest trial value with at least ⌈n·percent/100⌉ trials at or below
/// it (the definition `simulate` uses, so a won count's percentile is a
/// whole number of deals). 0 for no trials.
pub fn quantile(sorted: &[f64], percent: u32) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    // Integer arithmetic: ⌈n·p/100⌉ with no rounding of p/100.
    let rank = (sorted.len() as u128 * u128::from(percent))
        .div_ceil(100)
        .clamp(1, sorted.len() as u128);
    sorted[rank as usize - 1]
}

/// The mid-PIT: P(X < actual) + ½ P(X = actual) over the trials. Near 0.5
/// on average when the forecast is unbiased; a whole number of deals ties
/// with many trials, hence the half weight of the ties.
pub fn mid_pit(sorted: &[f64], actual: f64) -> f64 {
    if sorted.is_empty() {
        return 0.5;
    }
    let below = sorted.partition_point(|&x| x < actual);
    let at_or_below = sorted.partition_point(|&x| x <= actual);
    (below as f64 + 0.5 * (at_or_below - below) as f64) / sorted.len() as f64
}

/// True when `actual` lies in [P`low`, P`high`], bounds included.
pub fn covered(sorted: &[f64], actual: f64, low: u32, high: u32) -> bool {
    quantile(sorted, low) <= actual && actual <= quantile(sorted, high)
}

/// The continuous ranked probability score of the trials' distribution
/// against `actual`: E|X − a| − ½ E|X − X′| with X, X′ drawn independently
/// from the trials (each trial weighing 1/n, the pair (i, i) included), in
/// the forecast's unit; 0 for a forecast that put every trial on the actual.
/// Exact and O(n) on sorted values: Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n − 1) x₍ᵢ₎
/// (i = 1 … n), since x₍ᵢ₎ is above i − 1 values and below n − i.
pub fn crps(sorted: &[f64], actual: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let n = sorted.len() as f64;
    let to_actual: f64 = sorted.iter().map(|&x| (x - actual).abs()).sum::<f64>() / n;
    let pairs: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, &x)| (2.0 * (i as f64 + 1.0) - n - 1.0) * x)
        .sum::<f64>()
        * 2.0
        / (n * n);
    to_actual - 0.5 * pairs
}

/// HubSpot's forecast accuracy of one forecast: max(0, 1 − |a − P50| / a).
/// With nothing won (a = 0) the ratio is undefined: a P50 of 0 scores 1
/// (exactly right) and any other P50 scores 0 (wholly wrong).
pub fn hubspot_accuracy(actual: f64, p50: f64) -> f64 {
    if actual == 0.0 {
        return if p50 == 0.0 { 1.0 } else { 0.0 };
    }
    (1.0 - (actual - p50).abs() / actual.abs()).max(0.0)
}
