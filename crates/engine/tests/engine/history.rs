//! The history fit end to end on generated exports: every input recovered
//! within its sampling error, both shapes giving the same fit, no look-ahead
//! with `as_of`, and the job equal to `analyse` whatever its budget.

use crate::history_export::{
    generate, iso_day, open_at, per_change_csv, per_deal_csv, GenDeal, Truth, STAGES,
};
use engine::history::{analyse, Day, Fit, FitOptions, HistoryJob, HistoryReport};
use engine::{job, Report, Scenario};

fn day(d: i64) -> Day {
    Day::parse_iso(&iso_day(d)).expect("an ISO day")
}

fn fitted(csv: &str, as_of: i64) -> (HistoryReport, Fit) {
    let options = FitOptions {
        as_of: Some(day(as_of)),
        ..FitOptions::default()
    };
    let report = analyse(csv.as_bytes(), &options);
    let fit = report.fit.clone().expect("the generated export fits");
    (report, fit)
}

/// A fit with what depends on the file's rows rather than its deals blanked.
fn by_deals(mut fit: Fit) -> Fit {
    fit.rows = 0;
    fit
}

fn standard() -> (Truth, Vec<GenDeal>) {
    let truth = Truth::default();
    let deals = generate(&truth, 14);
    (truth, deals)
}

#[test]
fn the_fit_recovers_the_generator_s_truth() {
    let (truth, deals) = standard();
    let export = truth.last_day();
    let (_, fit) = fitted(&per_deal_csv(&deals, export), export);
    assert!(
        fit.dropped.is_empty(),
        "{:?}",
        &fit.dropped[..fit.dropped.len().min(3)]
    );
    assert_eq!(fit.deals, deals.len());
    for (k, stage) in fit.stages.iter().enumerate() {
        eprintln!(
            "{}: {} of {} (open {}), {:?} days over {}",
            stage.name,
            stage.moved_on,
            stage.moved_on + stage.lost,
            stage.open,
            stage.days,
            stage.days_n
        );
        assert_eq!(stage.name, STAGES[k]);
        // Rate: a binomial proportion over `evidence` decided deals (open ones
        // are left out, and a deal's outcome does not depend on how long it
        // stays, so leaving them out biases nothing): SE = sqrt(p(1−p)/n).
        let p = truth.rates[k];
        let n = (stage.moved_on + stage.lost) as f64;
        let rate = stage.rate.expect("decided deals");
        let se = (p * (1.0 - p) / n).sqrt();
        assert!(
            (rate - p).abs() < 4.0 * se,
            "{}: rate {rate} vs {p} ± {se}",
            stage.name
        );
        assert!(stage.rate_p05 < rate && rate < stage.rate_p95);
        // Days: the mean of days_n exponential stays, whose sd is the mean m:
        // SE = m/sqrt(n). Stays still running at the export are not seen,
        // which biases the mean down by about m²/(T − m) for entries spread
        // over T days (E[d·(T−d)]/E[T−d] for d ~ Exp(m)); T ≥ 600 here.
        let m = truth.mean_days[k];
        let days = stage.days.expect("timed deals");
        let se = m / (stage.days_n as f64).sqrt();
        let bias = m * m / (600.0 - m);
        assert!(
            (days - m).abs() < 4.0 * se + bias,
            "{}: days {days} vs {m} ± {se}",
            stage.name
        );
    }
    // Deal value: a sample quantile q_p of n draws has SE sqrt(p(1−p)/n)/f(x_p),
    // and the lognormal's density at x_p = M·e^(σ z_p) is φ(z_p)/(x_p σ).
    let value = fit.deal_value.expect("won deals");
    eprintln!(
        "{value:?}; {} leads a week over {} weeks",
        fit.leads.per_week, fit.leads.weeks
    );
    let n = value.won as f64;
    let (m, s) = (truth.value_median, truth.value_sigma);
    let quantile_se = |p: f64, z: f64| {
        let phi = (-z * z / 2.0_f64).exp() / (2.0 * std::f64::consts::PI).sqrt();
        (p * (1.0 - p) / n).sqrt() * m * (s * z).exp() * s / phi
    };
    let se = quantile_se(0.5, 0.0);
    assert!(
        (value.median - m).abs() < 4.0 * se,
        "median {} vs {m} ± {se}",
        value.median
    );
    let z90 = 1.281_551_565_545;
    let p90 = m * (s * z90).exp();
    let se = quantile_se(0.9, z90);
    assert!(
        (value.p90 - p90).abs() < 4.0 * se,
        "p90 {} vs {p90} ± {se}",
        value.p90
    );
    // Leads: the mean of `weeks` Poisson(λ) counts, SE sqrt(λ/weeks).
    let lambda = truth.leads_per_week;
    let se = (lambda / f64::from(fit.leads.weeks)).sqrt();
    assert!(fit.leads.weeks >= truth.weeks - 1);
    assert!(
        (fit.leads.per_week - lambda).abs() < 4.0 * se,
        "leads {} ± {se}",
        fit.leads.per_week
    );
    // Pipeline: exactly the generator's open deals.
    assert_eq!(fit.pipeline, open_at(&deals, export));
    assert!(fit.pipeline.iter().sum::<u64>() > 20, "some deals are open");
    Scenario::new(&fit.scenario(13)).expect("the fitted scenario validates");
}

#[test]
fn both_shapes_give_the_same_fit() {
    let (truth, deals) = standard();
    let export = truth.last_day();
    let (per_deal, a) = fitted(&per_deal_csv(&deals, export), export);
    let (per_change, b) = fitted(&per_change_csv(&deals, export), export);
    assert!(per_change.rows > per_deal.rows);
    assert_eq!(by_deals(a), by_deals(b));
}

#[test]
fn a_fit_as_of_a_day_equals_the_export_of_that_day() {
    let (truth, deals) = standard();
    let export = truth.last_day();
    let earlier = export - 100;
    for csv in [per_deal_csv, per_change_csv] {
        let (_, full) = fitted(&csv(&deals, export), earlier);
        let (_, then) = fitted(&csv(&deals, earlier), earlier);
        assert_eq!(by_deals(full.clone()), by_deals(then));
        assert_eq!(full.pipeline, open_at(&deals, earlier));
    }
}

#[test]
fn the_job_gives_the_same_report_as_analyse_whatever_the_budget() {
    let truth = Truth {
        weeks: 12,
        ..Truth::default()
    };
    let deals = generate(&truth, 3);
    for csv in [
        per_deal_csv(&deals, truth.last_day()),
        "not, a\nfile".to_owned(),
    ] {
        let expected = analyse(csv.as_bytes(), &FitOptions::default());
        for budget in [1, 1_000_000] {
            let mut job = HistoryJob::new(csv.clone().into_bytes(), FitOptions::default());
            if budget == 1 && expected.fit.is_ok() {
                job::Job::step(&mut job, budget);
                assert!(
                    matches!(job::Job::report(&job), Report::Progress(p) if (0.0..=1.0).contains(&p))
                );
            }
            let report = job::run_to_end(&mut job, budget);
            assert_eq!(report, Report::History(Box::new(expected.clone())));
            assert_eq!(job.outcome(), Some(&expected));
        }
    }
}
