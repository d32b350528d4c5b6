//! The bottleneck verdict: levers ranked by their change in the mean, checked
//! against the exact change for a one-off cohort, and the tie rule.

use engine::decisions::{sensitivity, Lever, SensitivityReport};
use engine::{LeadsInput, ScenarioInput};

/// A one-off cohort of `leads`, fixed rates, no durations, no horizon: every
/// lead is won with probability Πp, so E[won] = N·Πp exactly.
fn cohort(rates: [f64; 7], leads: f64, trials: f64) -> ScenarioInput {
    let mut s = ScenarioInput::default();
    for (stage, r) in s.stages.iter_mut().zip(rates) {
        stage.rate = r;
    }
    s.leads = LeadsInput::Count(leads);
    s.trials = trials;
    s
}

fn effect(r: &SensitivityReport, lever: Lever) -> &engine::decisions::Effect {
    r.effects
        .iter()
        .find(|e| e.lever == lever)
        .unwrap_or_else(|| panic!("no {lever:?}"))
}

#[test]
fn mean_changes_match_the_exact_change_of_a_fixed_rate_cohort() {
    let rates = [0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.0];
    let n = 2000.0;
    let won: f64 = n * rates[..6].iter().product::<f64>();
    let report = sensitivity(&cohort(rates, n, 4000.0)).expect("valid");
    // +1 pt on stage k multiplies E[won] by (p_k + 0.01)/p_k.
    for (k, p) in rates[..6].iter().enumerate() {
        let e = effect(&report, Lever::StageRate(k));
        let exact = won * 0.01 / p;
        assert!(e.mean_change_se > 0.0, "{e:?}");
        assert!(
            (e.mean_change - exact).abs() <= 4.5 * e.mean_change_se,
            "stage {k}: {} ± {} against {exact}",
            e.mean_change,
            e.mean_change_se
        );
    }
    // ±10 % leads: round(N·1.1) − N more leads, each won with Πp.
    for f in [1.1, 0.9] {
        let e = effect(&report, Lever::Leads(f));
        let exact = ((n * f).round() - n) * won / n;
        assert!(
            (e.mean_change - exact).abs() <= 4.5 * e.mean_change_se,
            "leads × {f}: {e:?} against {exact}"
        );
    }
    // No durations: no day levers. Largest mean change first.
    assert!(report
        .effects
        .iter()
        .all(|e| !matches!(e.lever, Lever::StageDays(_))));
    assert!(report
        .effects
        .windows(2)
        .all(|w| w[0].mean_change.abs() >= w[1].mean_change.abs()));
    // Closing (40 %) is the lowest rate, worth 0.5/0.4 = 1.25 × the next
    // (Prospecting and Handling objections at 50 %): clearly first.
    assert_eq!(report.first_to_fix, Some(5));
    assert!(report.tied_with.is_empty(), "{:?}", report.tied_with);
}

#[test]
fn two_stages_with_the_same_effect_are_tied() {
    // Needs assessment and Handling objections both pass 30 %: one point more
    // in either adds N·Πp/30 deals, three times what a 90 % stage adds.
    let report =
        sensitivity(&cohort([0.9, 0.9, 0.3, 0.9, 0.3, 0.9, 0.0], 5000.0, 4000.0)).expect("valid");
    let first = report.first_to_fix.expect("a stage");
    assert!(first == 2 || first == 4, "{first}");
    assert_eq!(report.tied_with, vec![6 - first]);
    // Same seed, same verdict.
    assert_eq!(
        sensitivity(&cohort([0.9, 0.9, 0.3, 0.9, 0.3, 0.9, 0.0], 5000.0, 4000.0)).expect("valid"),
        report
    );
}

#[test]
fn a_clearly_larger_effect_is_named_alone() {
    // Needs assessment passes 10 %: +1 pt is worth nine times a 90 % stage's.
    let report =
        sensitivity(&cohort([0.9, 0.9, 0.1, 0.9, 0.9, 0.9, 0.0], 5000.0, 2000.0)).expect("valid");
    assert_eq!(report.first_to_fix, Some(2));
    assert_eq!(report.tied_with, Vec::<usize>::new());
}

#[test]
fn stages_of_equal_rate_behind_a_clear_first_are_not_tied_with_it() {
    // Five 90 % stages are alike, but none is close to the 20 % one.
    let report =
        sensitivity(&cohort([0.9, 0.9, 0.9, 0.2, 0.9, 0.9, 0.0], 5000.0, 2000.0)).expect("valid");
    assert_eq!(report.first_to_fix, Some(3));
    assert!(report.tied_with.is_empty());
}
