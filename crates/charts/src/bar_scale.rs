//! Bars scaled against a common top: the comparison's side-by-side funnels.

/// The longest of `values`, or `floor` when that is longer (so a handful
/// of tiny values do not fill the track).
pub fn bar_top(values: impl IntoIterator<Item = f64>, floor: f64) -> f64 {
    values.into_iter().fold(floor, f64::max)
}

/// Length of the bar for `value` on a track `track` long, on which `top`
/// fills the whole track.
pub fn bar_length(value: f64, top: f64, track: f64) -> f64 {
    track * value / top
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_is_the_longest_value_or_the_floor() {
        assert_eq!(bar_top([3.0, 40.0, 12.5], 1.0), 40.0);
        assert_eq!(bar_top([0.2, 0.5], 1.0), 1.0);
        assert_eq!(bar_top([], 1.0), 1.0);
    }

    #[test]
    fn lengths_are_shares_of_the_track() {
        assert_eq!(bar_length(40.0, 40.0, 100.0), 100.0);
        assert_eq!(bar_length(10.0, 40.0, 100.0), 25.0);
        assert_eq!(bar_length(0.0, 1.0, 100.0), 0.0);
    }
}
