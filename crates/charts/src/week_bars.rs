//! Week-bar geometry: from the cumulative chance of having reached a target
//! by each week to one bar per week for the chance of reaching it that week.

/// One week's bar, in a view box 100 units tall.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeekBar {
    /// The chance of reaching the target in this very week.
    pub share: f64,
    /// Top of the bar and its height (percent of the view box).
    pub y: f64,
    pub height: f64,
}

/// The share of trials a full-height bar stands for: the chance of reaching
/// the target within the horizon (the top of the chart's y axis).
pub fn scale_top(cumulative: &[f64]) -> f64 {
    cumulative.iter().copied().fold(0.0, f64::max)
}

/// One bar per week from `cumulative[i]`, the chance of having reached the
/// target by the end of week `i + 1`. Heights are relative to the chance of
/// reaching it within the horizon, so the bars keep their scale whatever that
/// chance is; every week shows at least a hairline.
pub fn week_bars(cumulative: &[f64]) -> Vec<WeekBar> {
    let tallest = scale_top(cumulative).max(1e-9);
    cumulative
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let share = p - if i == 0 { 0.0 } else { cumulative[i - 1] };
            let height = (100.0 * share / tallest).max(1.0);
            WeekBar {
                share,
                y: 100.0 - height,
                height,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_the_weekly_increments() {
        let bars = week_bars(&[0.25, 0.25, 0.75, 1.0]);
        let shares: Vec<_> = bars.iter().map(|b| b.share).collect();
        assert_eq!(shares, vec![0.25, 0.0, 0.5, 0.25]);
        let heights: Vec<_> = bars.iter().map(|b| b.height).collect();
        assert_eq!(heights, vec![25.0, 1.0, 50.0, 25.0]);
        assert_eq!(bars[2].y, 50.0);
        assert_eq!(bars[1].y, 99.0);
    }

    #[test]
    fn heights_are_relative_to_the_chance_within_the_horizon() {
        // Half the trials reach the target, all in week 2: a full bar.
        let bars = week_bars(&[0.0, 0.5]);
        assert_eq!(scale_top(&[0.0, 0.5]), 0.5);
        assert_eq!(bars[1].height, 100.0);
        assert_eq!(bars[1].y, 0.0);
        assert_eq!(bars[0].height, 1.0);
    }

    #[test]
    fn never_reached_and_empty() {
        let bars = week_bars(&[0.0, 0.0]);
        assert!(bars.iter().all(|b| b.height == 1.0 && b.share == 0.0));
        assert!(week_bars(&[]).is_empty());
    }
}
