//! The verdict of a sensitivity run: the stage worth fixing first, and the
//! stages that cannot be told apart from it by the run's Monte Carlo error.
//!
//! Stages are ranked by their best lever's change in the **mean** of the
//! measure. The mean is continuous and exact in expectation; the median of
//! whole counts (or of a histogram's bins) moves in whole steps, so ranking
//! by it breaks ties arbitrarily.

use super::levers::Lever;

/// How many standard errors of the difference two effects may be apart and
/// still count as tied.
pub const TIE_SE: f64 = 2.0;

/// One lever's mean change, as the ranking sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeverMean {
    pub lever: Lever,
    /// Change in the mean of the measure.
    pub mean_change: f64,
}

/// The stage to fix first and the stages tied with it (both 0-based indices,
/// the tied ones largest effect first).
///
/// Each stage (below `stages`) is represented by its best lever. The stage
/// whose best lever has the largest mean change comes first; another stage is
/// tied with it when its best lever's mean change is within [`TIE_SE`]
/// standard errors of the difference between the two levers' effects.
/// `diff_se(i, j)` is that standard error for levers `i` and `j` (indices
/// into `levers`).
pub fn first_and_tied(
    levers: &[LeverMean],
    stages: usize,
    diff_se: impl Fn(usize, usize) -> f64,
) -> (Option<usize>, Vec<usize>) {
    // The best lever of each stage, by index into `levers`.
    let mut best: Vec<Option<usize>> = vec![None; stages];
    for (i, l) in levers.iter().enumerate() {
        let Some(stage) = l.lever.stage().filter(|&s| s < stages) else {
            continue;
        };
        let better = best[stage].is_none_or(|b| l.mean_change > levers[b].mean_change);
        if better {
            best[stage] = Some(i);
        }
    }
    // Largest mean change first; equal changes keep the stages' order.
    let mut ranked: Vec<(usize, usize)> = best
        .iter()
        .enumerate()
        .filter_map(|(stage, b)| b.map(|i| (stage, i)))
        .collect();
    ranked.sort_by(|a, b| levers[b.1].mean_change.total_cmp(&levers[a.1].mean_change));
    let Some(&(first, top)) = ranked.first() else {
        return (None, Vec::new());
    };
    let tied = ranked[1..]
        .iter()
        .filter(|&&(_, i)| {
            levers[top].mean_change - levers[i].mean_change <= TIE_SE * diff_se(top, i)
        })
        .map(|&(stage, _)| stage)
        .collect();
    (Some(first), tied)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(lever: Lever, mean_change: f64) -> LeverMean {
        LeverMean { lever, mean_change }
    }

    #[test]
    fn clearly_different_stages_name_one() {
        let levers = [
            l(Lever::Leads(1.1), 50.0), // not a stage: never first
            l(Lever::StageRate(5), 1.3),
            l(Lever::StageDays(5), 0.2),
            l(Lever::StageRate(2), 0.9),
        ];
        // 1.3 − 0.9 = 0.4 > 2 · 0.1: one stage.
        assert_eq!(first_and_tied(&levers, 7, |_, _| 0.1), (Some(5), vec![]));
    }

    #[test]
    fn equal_effects_are_tied_and_a_stage_counts_once() {
        let levers = [
            l(Lever::StageRate(5), 0.9),
            l(Lever::StageRate(4), 0.8),
            l(Lever::StageDays(4), 0.85),
            l(Lever::StageRate(1), 0.2),
        ];
        // Stage 4's best lever (0.85) is within 2 · 0.1 of 0.9; stage 1 is not.
        assert_eq!(first_and_tied(&levers, 7, |_, _| 0.1), (Some(5), vec![4]));
        // Exactly equal with no error at all: still tied.
        let same = [l(Lever::StageRate(0), 1.0), l(Lever::StageRate(3), 1.0)];
        assert_eq!(first_and_tied(&same, 7, |_, _| 0.0), (Some(0), vec![3]));
    }

    #[test]
    fn the_error_used_is_the_pairs_own() {
        let levers = [
            l(Lever::StageRate(0), 1.0),
            l(Lever::StageRate(1), 0.7),
            l(Lever::StageRate(2), 0.7),
        ];
        // Lever 2's difference from the best is noisier than lever 1's.
        let se = |a: usize, b: usize| if (a, b) == (0, 2) { 0.2 } else { 0.1 };
        assert_eq!(first_and_tied(&levers, 7, se), (Some(0), vec![2]));
    }

    #[test]
    fn stages_beyond_the_scenario_and_no_stage_levers() {
        let levers = [l(Lever::StageRate(6), 9.0), l(Lever::StageRate(1), 1.0)];
        assert_eq!(first_and_tied(&levers, 6, |_, _| 0.0), (Some(1), vec![]));
        assert_eq!(
            first_and_tied(&[l(Lever::DealValue(1.1), 3.0)], 7, |_, _| 0.0),
            (None, vec![])
        );
    }
}
