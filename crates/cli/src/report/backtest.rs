//! What `backtest` prints: a table per origin and the summary sentence, or
//! the documented JSON (docs/backtest.md; its keys are a public contract).

use charts::format;
use engine::backtest::{Backtest, Forecast, OriginResult, Scores};
use serde::Serialize;

/// `backtest --json`: exactly the keys of docs/backtest.md.
#[derive(Serialize)]
pub struct BacktestJson {
    horizon_weeks: u32,
    origins: Vec<OriginJson>,
    summary: SummaryJson,
}

#[derive(Serialize)]
struct OriginJson {
    as_of: String,
    actual: ActualJson,
    won: PercentilesJson<u64>,
    revenue: Option<PercentilesJson<f64>>,
}

#[derive(Serialize)]
struct ActualJson {
    won: u64,
    revenue: Option<f64>,
}

/// Percentiles of the trials (whole deals for the won count) and the PIT.
#[derive(Serialize)]
struct PercentilesJson<T> {
    p5: T,
    p10: T,
    p25: T,
    p50: T,
    p75: T,
    p90: T,
    p95: T,
    pit: f64,
}

#[derive(Serialize)]
struct SummaryJson {
    won: ScoresJson,
    revenue: Option<ScoresJson>,
}

#[derive(Serialize)]
struct ScoresJson {
    coverage50: f64,
    coverage80: f64,
    coverage90: f64,
    crps: f64,
    hubspot_accuracy: f64,
}

impl BacktestJson {
    pub fn new(backtest: &Backtest) -> Self {
        BacktestJson {
            horizon_weeks: backtest.settings.horizon_weeks,
            origins: backtest.origins.iter().map(OriginJson::new).collect(),
            summary: SummaryJson {
                won: ScoresJson::new(&backtest.won),
                revenue: backtest.revenue.as_ref().map(ScoresJson::new),
            },
        }
    }
}

impl OriginJson {
    fn new(o: &OriginResult) -> Self {
        // A won count's percentiles are trial values: whole numbers.
        let whole = |x: f64| x.max(0.0).round() as u64;
        OriginJson {
            as_of: o.as_of.to_string(),
            actual: ActualJson {
                won: o.actual.won,
                revenue: o.actual.revenue,
            },
            won: percentiles(&o.won, whole),
            // Cents: sums of sampled values carry float noise past them.
            revenue: o
                .revenue
                .as_ref()
                .map(|f| percentiles(f, |x| (x * 100.0).round() / 100.0)),
        }
    }
}

fn percentiles<T>(f: &Forecast, convert: impl Fn(f64) -> T) -> PercentilesJson<T> {
    PercentilesJson {
        p5: convert(f.p5),
        p10: convert(f.p10),
        p25: convert(f.p25),
        p50: convert(f.p50),
        p75: convert(f.p75),
        p90: convert(f.p90),
        p95: convert(f.p95),
        pit: f.pit,
    }
}

impl ScoresJson {
    fn new(s: &Scores) -> Self {
        ScoresJson {
            coverage50: s.coverage50,
            coverage80: s.coverage80,
            coverage90: s.coverage90,
            crps: s.crps,
            hubspot_accuracy: s.hubspot_accuracy,
        }
    }
}

/// "Over the last 8 quarters, the 80 % range contained the actual result 7
/// times." (quarters when the horizon is 13 weeks).
pub fn headline(backtest: &Backtest) -> String {
    let n = backtest.origins.len();
    let hits = backtest.origins.iter().filter(|o| o.won.within80).count();
    let periods = match (backtest.settings.horizon_weeks, n) {
        (13, 1) => "quarter".to_owned(),
        (13, _) => format!("{n} quarters"),
        (h, 1) => format!("forecast of {}", weeks(h)),
        (h, _) => format!("{n} forecasts of {}", weeks(h)),
    };
    let times = match hits {
        1 => "once".to_owned(),
        k => format!("{k} times"),
    };
    format!("Over the last {periods}, the 80 % range contained the actual result {times}.")
}

/// The readable backtest: one table per measure, then the summary.
pub fn backtest_text(file: &str, backtest: &Backtest) -> String {
    let s = &backtest.settings;
    let mut out = format!(
        "{file}: {} origin{}, every {} after a warm-up of {}; each forecasts {} \
         with {} trials (seed {}).\n\n",
        backtest.origins.len(),
        if backtest.origins.len() == 1 { "" } else { "s" },
        weeks(s.every_weeks),
        weeks(s.warmup_weeks),
        weeks(s.horizon_weeks),
        format::count(s.trials as f64),
        s.seed
    );
    out.push_str("Deals won\n");
    let won: Vec<(&OriginResult, &Forecast, f64)> = backtest
        .origins
        .iter()
        .map(|o| (o, &o.won, o.actual.won as f64))
        .collect();
    out.push_str(&table(&won));
    out.push_str(&scores_line(&backtest.won));
    let revenue: Vec<(&OriginResult, &Forecast, f64)> = backtest
        .origins
        .iter()
        .filter_map(|o| Some((o, o.revenue.as_ref()?, o.actual.revenue?)))
        .collect();
    if let Some(scores) = &backtest.revenue {
        out.push_str("\nRevenue\n");
        out.push_str(&table(&revenue));
        out.push_str(&scores_line(scores));
    } else {
        out.push_str("\nRevenue: no forecast (the file has no amounts, or no won deal had one).\n");
    }
    out.push('\n');
    out.push_str(&headline(backtest));
    out.push('\n');
    out
}

fn table(rows: &[(&OriginResult, &Forecast, f64)]) -> String {
    let mut out = format!(
        "{:<12} {:>12} {:>12} {:>12} {:>12} {:>6}  {}\n",
        "As of", "Actual", "P10", "P50", "P90", "PIT", "In P10–P90"
    );
    for (o, f, actual) in rows {
        out.push_str(&format!(
            "{:<12} {:>12} {:>12} {:>12} {:>12} {:>6.2}  {}\n",
            o.as_of.to_string(),
            format::count(*actual),
            format::count(f.p10),
            format::count(f.p50),
            format::count(f.p90),
            f.pit,
            if f.within80 { "yes" } else { "no" }
        ));
    }
    out
}

fn scores_line(s: &Scores) -> String {
    format!(
        "Coverage: 50 % range {}, 80 % range {}, 90 % range {}; mean PIT {:.2}; CRPS {}; \
         HubSpot-style accuracy {}.\n",
        format::percent(s.coverage50),
        format::percent(s.coverage80),
        format::percent(s.coverage90),
        s.mean_pit,
        format::small(s.crps),
        format::percent(s.hubspot_accuracy)
    )
}

/// "1 week", "13 weeks".
fn weeks(n: u32) -> String {
    if n == 1 {
        "1 week".to_owned()
    } else {
        format!("{n} weeks")
    }
}
