//! `fit`'s lead dispersion and market sd on generated histories: the truth
//! recovered on drifting histories (bursty leads, a market shock per
//! quarter), nothing (or next to nothing) on stationary ones.

use crate::drifting_history::{generate_drifting, Drift};
use crate::history_export::{generate, per_deal_csv, GenDeal, Truth};
use engine::history::{analyse, Fit, FitOptions};

fn fit(truth: &Truth, deals: &[GenDeal]) -> Fit {
    let csv = per_deal_csv(deals, truth.last_day());
    analyse(csv.as_bytes(), &FitOptions::default())
        .fit
        .expect("the generated export fits")
}

/// Two years of 20 leads a week: 104 complete weeks, 8 complete quarters.
fn two_years() -> Truth {
    Truth {
        leads_per_week: 20.0,
        weeks: 104,
        ..Truth::default()
    }
}

fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var.sqrt())
}

#[test]
fn on_drifting_histories_the_fit_recovers_dispersion_and_market_sd() {
    let truth = two_years();
    let drift = Drift::default();
    let fits: Vec<Fit> = (0..40)
        .map(|seed| fit(&truth, &generate_drifting(&truth, &drift, 3000 + seed)))
        .collect();
    let excess: Vec<f64> = fits
        .iter()
        .map(|f| f.lead_dispersion.variance.expect("weeks") - f.lead_dispersion.mean)
        .collect();
    let tau2: Vec<f64> = fits
        .iter()
        .map(|f| f.market.sd.expect("7 or 8 quarters").powi(2))
        .collect();
    let (e_mean, e_sd) = mean_sd(&excess);
    let (t_mean, t_sd) = mean_sd(&tau2);
    eprintln!("excess variance {e_mean:.2} (sd {e_sd:.2}); tau2 {t_mean:.4} (sd {t_sd:.4})");
    // Leads. The sample variance minus the mean is unbiased for the excess
    // variance μ²/k = 20²/8 = 50. Its sd per history, by the delta method
    // with NB's excess kurtosis κ = 6/k + 1/σ² (σ² = 70, n = 104 weeks):
    // σ²·√(2/(n − 1) + κ/n) ≈ 11.5 (measured 13.0); the mean of 40 histories
    // has a standard error of sd/√40 ≈ 2.1: within 3 of them.
    let se = e_sd / 40f64.sqrt();
    assert!(
        (e_mean - 50.0).abs() < 3.0 * se,
        "excess variance {e_mean} ± {se}"
    );
    // Per history k̂ = mean²/excess has a relative sd of about 11.5/50 = 0.23
    // (delta method): within a factor e^(±2·0.23) ≈ [0.63, 1.58] of k = 8 in
    // about 95 % of histories; at least 85 % (3 binomial standard errors of
    // a 95 % share over 40 histories) must be. Every history is bursty
    // enough for the test: (n − 1)·70/20 ≈ 360 against χ²(103).
    let k = 8.0;
    let near = fits
        .iter()
        .filter_map(|f| f.lead_dispersion.dispersion)
        .filter(|&d| (0.63 * k..=1.58 * k).contains(&d))
        .count();
    assert!(near >= 34, "{near} of 40 dispersions near {k}");
    // Market. τ̂² estimates the variance of the quarters' shared log-odds
    // shock, sd 0.3: τ² = 0.09. Per history it is about the sample variance
    // of 8 shocks (relative sd √(2/7) ≈ 0.53, measured 0.56 with binomial
    // noise on top); the mean of 40 has a standard error of t_sd/√40 ≈
    // 0.007: within 3 of them of 0.09 (measured 0.0775, 1.8 below: the
    // DerSimonian–Laird weights come from the same counts as the log-odds,
    // a small downward bias).
    let se = t_sd / 40f64.sqrt();
    assert!((t_mean - 0.09).abs() < 3.0 * se, "τ² {t_mean} ± {se}");
    // Quarters count from the first creation day: 8 when a deal was
    // created on the generator's first day, else 7 (the last one short).
    for f in &fits {
        let periods = f.market.periods.len() as u64;
        assert!((7..=8).contains(&periods), "{periods} periods");
        assert_eq!(f.market.df, 6 * (periods - 1));
    }
    // Both go into the scenario.
    let scenario = fits[0].scenario(13);
    assert_eq!(scenario.lead_dispersion, fits[0].lead_dispersion.dispersion);
    assert_eq!(scenario.market.map(|m| m.sd), fits[0].market.forecast_sd);
    // The scenario's sd adds the error of the rates' level and of τ̂ itself
    // (`forecast_sd`): 7 or 8 periods widen τ̂ by √(1 + 1/J)·t₀.₉(J − 1)/z₀.₉,
    // 1.17 (J = 8) to 1.20 (J = 7).
    for f in &fits {
        let (sd, forecast) = (f.market.sd.unwrap_or(0.0), f.market.forecast_sd);
        if let Some(forecast) = forecast {
            assert!(
                (1.16..1.21).contains(&(forecast / sd)),
                "{forecast} from {sd}"
            );
        }
    }
    engine::Scenario::new(&scenario).expect("the fitted scenario validates");
}

#[test]
fn on_stationary_histories_both_are_absent_or_small() {
    let truth = two_years();
    let fits: Vec<Fit> = (0..100)
        .map(|seed| fit(&truth, &generate(&truth, 4000 + seed)))
        .collect();
    let poisson = fits
        .iter()
        .filter(|f| f.lead_dispersion.dispersion.is_none())
        .count();
    let no_market = fits
        .iter()
        .filter(|f| f.market.p_value.expect("7 or 8 quarters") >= 0.05)
        .count();
    // Only a rejected homogeneity test puts a market sd in the scenario.
    for f in &fits {
        assert_eq!(
            f.market.forecast_sd.is_some(),
            f.market.p_value < Some(0.05)
        );
    }
    let sd: Vec<f64> = fits
        .iter()
        .map(|f| f.market.sd.expect("7 or 8 quarters"))
        .collect();
    let (s_mean, _) = mean_sd(&sd);
    eprintln!(
        "Poisson {poisson} of 100, no market shock at 5 % {no_market} of 100, mean sd {s_mean:.3}"
    );
    // Under Poisson leads the 5 % dispersion test keeps Poisson in 95 % of
    // histories (binomial sd over 100: 2.2 points); at least 90 must.
    assert!(poisson >= 90, "Poisson in {poisson} of 100");
    // Fixed rates: Q ~ χ²(42), so the homogeneity test passes in 95 %.
    assert!(no_market >= 90, "no market shock in {no_market} of 100");
    // τ̂² = max(0, (Q − df)/C): Q − df has sd √(2·42) ≈ 9.2 and C ≈ 1,100 on
    // these histories, so τ̂² is rarely above 2·9.2/1,100 ≈ 0.017 (sd 0.13),
    // and often 0. The mean sd stays well below the drifting truth's 0.3.
    assert!(s_mean < 0.075, "mean market sd {s_mean}");
}
