use super::*;
use engine::mystery::mystery;

fn row(low: &str, high: &str, rl: &str, rh: &str) -> RowText {
    RowText {
        low: low.into(),
        high: high.into(),
        revenue_low: rl.into(),
        revenue_high: rh.into(),
    }
}

#[test]
fn a_row_reads_deals_and_optional_revenue() {
    let r = row(" 12 ", "1,020", "", "").parse().expect("reads");
    assert_eq!((r.low, r.high, r.revenue), (12.0, 1020.0, None));
    let r = row("3", "3", "250k", "1.5M").parse().expect("reads");
    assert_eq!(r.revenue, Some((250_000.0, 1_500_000.0)));
    assert_eq!(r.low, r.high, "a point range is allowed");
}

#[test]
fn each_problem_names_its_field() {
    let field = |r: RowText| r.parse().expect_err("refused").field;
    assert_eq!(field(row("", "5", "", "")), RowField::Low);
    assert_eq!(field(row("5", "", "", "")), RowField::High);
    assert_eq!(field(row("abc", "5", "", "")), RowField::Low);
    assert_eq!(field(row("-1", "5", "", "")), RowField::Low);
    assert_eq!(field(row("9", "5", "", "")), RowField::High);
    assert_eq!(field(row("1", "5", "10", "")), RowField::RevenueHigh);
    assert_eq!(field(row("1", "5", "", "10")), RowField::RevenueLow);
    assert_eq!(field(row("1", "5", "20", "10")), RowField::RevenueHigh);
    assert_eq!(field(row("1", "5", "x", "10")), RowField::RevenueLow);
    let message = row("9", "5", "", "").parse().expect_err("refused").message;
    assert_eq!(message, "The high end (5) is below the low end (9).");
    let message = row("12x", "5", "", "")
        .parse()
        .expect_err("refused")
        .message;
    assert_eq!(
        message,
        "The low end of deals won must be a number (“12x” is not)."
    );
}

#[test]
fn a_parsed_range_passes_the_games_own_check_and_round_trips() {
    for r in [row("0", "7", "", ""), row("2.5", "40", "1000", "2000")] {
        let range = r.parse().expect("reads");
        assert!(range.check().is_ok());
        assert_eq!(RowText::of(&range).parse(), Ok(range));
    }
    assert_eq!(
        RowText::of(&row("4", "9", "", "").parse().expect("reads")).low,
        "4"
    );
}

#[test]
fn rows_are_edited_field_by_field() {
    let r = RowText::default()
        .with(RowField::Low, "3".into())
        .with(RowField::RevenueHigh, "9".into());
    assert_eq!(r.get(RowField::Low), "3");
    assert_eq!(r.get(RowField::RevenueHigh), "9");
    assert_eq!(r.get(RowField::High), "");
}

#[test]
fn hits_and_misses_are_words() {
    assert_eq!(hit_word(10.0, 20.0, 20.0), "Hit");
    assert_eq!(hit_word(10.0, 20.0, 21.0), "Miss");
    assert_eq!(range_text(10.0, 20.5), "10–20.5");
}

#[test]
fn the_presenter_shows_what_a_manager_knows_of_a_mystery_quarter() {
    let input = mystery(7, 0);
    let p = presenter(&input);
    let LeadsInput::PerWeek(per_week) = input.leads else {
        panic!("per week")
    };
    assert_eq!(p.leads, format::count(per_week));
    assert_eq!(p.stages.len(), input.stages.len());
    for (figures, stage) in p.stages.iter().zip(&input.stages) {
        assert_eq!(figures.name, stage.name);
        assert_eq!(figures.rate, format::percent(stage.rate));
        assert!(figures.rate.ends_with(" %"));
        assert!(figures.days.ends_with(" days"));
    }
    let pipeline = input.pipeline.as_deref().expect("pipeline");
    assert_eq!(p.stages[1].open, format::count(pipeline[1]));
    assert_eq!(p.stages[6].open, "—", "no open deals in Follow-up");
    assert_eq!(p.horizon, "13 weeks");
    let value = input.deal_value.expect("value");
    assert_eq!(
        (p.value_median, p.value_p90),
        (Some(value.median), Some(value.p90))
    );
    assert_eq!(
        p.notes.len(),
        usize::from(input.lead_dispersion.is_some()) + usize::from(input.market.is_some())
    );
}

/// The reveal's fallback for a quarter too large to animate (the game's
/// `reveal_job`): a one-trial forecast gives exactly trial 0's outcome, as
/// the quarter deal by deal would.
#[test]
fn a_one_trial_forecast_gives_the_quarters_own_actual() {
    use engine::{job, JobSpec, Model, Quarter, Report, Scenario, Summary};
    let mut checked = 0;
    for seed in 0..12 {
        let mut input = mystery(seed, 1);
        let scenario = Scenario::new(&input).expect("valid");
        let Ok(quarter) = Quarter::new(&Model::new(scenario), 0) else {
            continue;
        };
        input.trials = 1.0;
        let spec = JobSpec::Forecast {
            scenario: Box::new(input),
            first: 0,
            end: 1,
        };
        let mut run = job::start(&spec).expect("starts");
        let Some(Report::ForecastStarted(context)) = run.opening() else {
            panic!("a forecast opens with its context")
        };
        while !run.is_done() {
            run.step(1_000);
        }
        let Report::Forecast(acc) = run.report() else {
            panic!("a forecast reports its accumulator")
        };
        let summary = Summary::new(&context, &acc, 1);
        assert_eq!(
            summary.won.mean,
            quarter.outcome.won() as f64,
            "seed {seed}"
        );
        let revenue = summary.revenue.expect("deal values").mean;
        // The forecast counts revenue in whole currency units.
        assert!(
            (revenue - quarter.outcome.revenue).abs() <= 0.5,
            "seed {seed}: {revenue} vs {}",
            quarter.outcome.revenue
        );
        checked += 1;
    }
    assert!(checked >= 10, "most mystery quarters can be animated");
}
