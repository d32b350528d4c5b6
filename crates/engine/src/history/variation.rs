//! What makes real quarters vary, fitted from the history: weekly lead
//! counts spread beyond Poisson (`leads.dispersion`) and stage conversion
//! rates moving together from period to period beyond their binomial noise
//! (`market.sd`). Rules in `docs/history-import.md`.

use super::dates::{Day, Stamp};
use super::{beta, chi_square};
use crate::scenario::{MAX_DISPERSION, MAX_MARKET_SD, SALES_STAGES};
use serde::{Deserialize, Serialize};

/// Level of both tests: variation is called real when noise alone would
/// show as much in fewer than 5 % of histories.
pub const SIGNIFICANCE: f64 = 0.05;
/// Weeks per period of the market's rates: a quarter.
pub const PERIOD_WEEKS: u32 = 13;
/// Fewest complete periods for a market estimate: two differences between
/// periods is the least that says anything about their spread.
pub const MIN_PERIODS: usize = 3;

/// Weekly lead counts against Poisson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DispersionFit {
    /// Complete weeks counted.
    pub weeks: u32,
    /// Mean weekly count.
    pub mean: f64,
    /// Sample variance (n − 1 divisor) of the weekly counts; None with fewer
    /// than 2 weeks.
    pub variance: Option<f64>,
    /// P(a Poisson history shows a variance this far above its mean): the
    /// dispersion test, (weeks − 1)·variance / mean ~ χ²(weeks − 1). None
    /// when untestable (fewer than 2 weeks, or no lead at all).
    pub p_value: Option<f64>,
    /// mean² / (variance − mean) when the test rejects Poisson at
    /// [`SIGNIFICANCE`]; None: Poisson (or untestable).
    pub dispersion: Option<f64>,
}

/// Tests the weekly counts against Poisson and, when they spread beyond it,
/// the method-of-moments negative binomial dispersion.
pub fn lead_dispersion(counts: &[u32]) -> DispersionFit {
    let n = counts.len();
    let mean = if n == 0 {
        0.0
    } else {
        counts.iter().map(|&c| f64::from(c)).sum::<f64>() / n as f64
    };
    let variance = (n >= 2).then(|| {
        let squares: f64 = counts.iter().map(|&c| (f64::from(c) - mean).powi(2)).sum();
        squares / (n - 1) as f64
    });
    let p_value = variance
        .filter(|_| mean > 0.0)
        .map(|v| chi_square::upper_tail((n - 1) as f64, (n - 1) as f64 * v / mean));
    let dispersion = match (variance, p_value) {
        (Some(v), Some(p)) if p < SIGNIFICANCE && v > mean => {
            Some((mean * mean / (v - mean)).clamp(f64::MIN_POSITIVE, MAX_DISPERSION))
        }
        _ => None,
    };
    DispersionFit {
        weeks: u32::try_from(n).unwrap_or(u32::MAX),
        mean,
        variance,
        p_value,
        dispersion,
    }
}

/// One deal's decision at one stage: it left the stage at `at`, moving on
/// (or winning, from Closing) or lost.
#[derive(Clone, Copy, Debug)]
pub struct Decision {
    pub stage: usize,
    pub moved_on: bool,
    pub at: Stamp,
}

/// Decided outcomes of each stage within one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodCounts {
    /// The period's first day; it lasts [`PERIOD_WEEKS`] weeks.
    pub start: Day,
    /// Per stage 1–6: deals that left the stage in the period by moving on.
    pub moved_on: [u64; SALES_STAGES],
    /// Per stage 1–6: deals lost at the stage in the period.
    pub lost: [u64; SALES_STAGES],
}

/// The stages' rates from period to period against binomial noise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarketFit {
    /// Complete periods of the window, oldest first.
    pub periods: Vec<PeriodCounts>,
    /// Cochran's heterogeneity statistic summed over the stages: the
    /// weighted squared spread of the periods' log-odds around each stage's
    /// pooled log-odds. None with fewer than [`MIN_PERIODS`] periods.
    pub q: Option<f64>,
    /// Its degrees of freedom: Σ over stages of (periods with decisions − 1).
    pub df: u64,
    /// P(binomial noise alone gives a Q this large): Q ~ χ²(df).
    pub p_value: Option<f64>,
    /// √τ², τ² the DerSimonian–Laird between-period variance of the
    /// log-odds pooled over the stages (0 when Q ≤ df); None with fewer
    /// than [`MIN_PERIODS`] periods (or nothing decided).
    pub sd: Option<f64>,
    /// The sd the scenario gets: the shock of the quarter ahead plus the
    /// error of the fitted rates' level, √(τ² · (1 + 1/J)) over J periods
    /// (see [`forecast_sd`]).
    pub forecast_sd: Option<f64>,
}

/// Counts each stage's decisions per complete [`PERIOD_WEEKS`]-week period
/// from `first` (a period is complete when its last day is on or before
/// `as_of`), then estimates the shared shock's sd on the log-odds scale.
pub fn market(decisions: &[Decision], first: Day, as_of: Day) -> MarketFit {
    let period_days = 7 * i64::from(PERIOD_WEEKS);
    let span = i64::from(as_of.0) - i64::from(first.0) + 1;
    let complete = usize::try_from(span.div_euclid(period_days)).unwrap_or(0);
    let mut periods: Vec<PeriodCounts> = (0..complete)
        .map(|j| PeriodCounts {
            start: Day((i64::from(first.0) + j as i64 * period_days) as i32),
            moved_on: [0; SALES_STAGES],
            lost: [0; SALES_STAGES],
        })
        .collect();
    for d in decisions.iter().filter(|d| d.stage < SALES_STAGES) {
        let offset = i64::from(Day::of(d.at).0) - i64::from(first.0);
        let Ok(j) = usize::try_from(offset.div_euclid(period_days)) else {
            continue;
        };
        if let Some(period) = periods.get_mut(j) {
            if d.moved_on {
                period.moved_on[d.stage] += 1;
            } else {
                period.lost[d.stage] += 1;
            }
        }
    }
    let (q, df, c) = heterogeneity(&periods);
    let enough = periods.len() >= MIN_PERIODS && df > 0 && c > 0.0;
    let q = enough.then_some(q);
    let sd = q.map(|q| libm::sqrt(((q - df as f64) / c).max(0.0)));
    let p_value = q.map(|q| chi_square::upper_tail(df as f64, q));
    MarketFit {
        forecast_sd: sd
            .zip(p_value)
            .filter(|&(sd, p)| sd > 0.0 && p < SIGNIFICANCE)
            .map(|(sd, _)| forecast_sd(sd, periods.len()).min(MAX_MARKET_SD)),
        p_value,
        sd: sd.map(|sd| sd.min(MAX_MARKET_SD)),
        q,
        df,
        periods,
    }
}

/// z of the normal's 90th percentile: P10–P90 is ±1.2816 sd.
const Z90: f64 = 1.281_551_565_544_600_5;

/// The shared shock a forecast needs over `periods` (J) past periods whose
/// shocks have an estimated sd `sd`. The fitted rates pool those periods, so
/// their level is off by the mean of J past shocks (variance τ²/J, shared by
/// every stage, which each rate's binomial evidence does not hold), and the
/// quarter ahead draws a shock of its own (τ²): √(τ² (1 + 1/J)). And τ is
/// estimated from J periods only: the next shock, standardised by the
/// estimate, is Student-t with J − 1 degrees of freedom rather than normal,
/// so the sd is widened until the normal's P10–P90 matches the t's
/// (this part ×1.47 for 3 periods, ×1.15 for 6, ×1.08 for 10; with the
/// first, ×1.70, ×1.24 and ×1.13).
pub fn forecast_sd(sd: f64, periods: usize) -> f64 {
    let j = periods.max(2) as f64;
    sd * libm::sqrt(1.0 + 1.0 / j) * t90(j - 1.0) / Z90
}

/// The 90th percentile of Student's t with `df` degrees of freedom, from
/// P(|T| > t) = I_{df/(df + t²)}(df/2, ½).
fn t90(df: f64) -> f64 {
    let x = beta::quantile(0.5 * df, 0.5, 0.2);
    libm::sqrt(df * (1.0 - x) / x)
}

/// Q, its degrees of freedom and the DerSimonian–Laird scale
/// C = Σ (Σw − Σw²/Σw), summed over the stages. Per stage and period the
/// log-odds y = ln((k + ½)/(n − k + ½)) has sampling variance
/// v = 1/(k + ½) + 1/(n − k + ½) (the ½ keeps both finite when a period's
/// deals all moved on or were all lost); w = 1/v.
fn heterogeneity(periods: &[PeriodCounts]) -> (f64, u64, f64) {
    let (mut q, mut df, mut c) = (0.0, 0u64, 0.0);
    for stage in 0..SALES_STAGES {
        let cells: Vec<(f64, f64)> = periods
            .iter()
            .filter(|p| p.moved_on[stage] + p.lost[stage] > 0)
            .map(|p| {
                let (k, l) = (p.moved_on[stage] as f64 + 0.5, p.lost[stage] as f64 + 0.5);
                (libm::log(k / l), 1.0 / (1.0 / k + 1.0 / l))
            })
            .collect();
        if cells.len() < 2 {
            continue;
        }
        let sum_w: f64 = cells.iter().map(|c| c.1).sum();
        let sum_w2: f64 = cells.iter().map(|c| c.1 * c.1).sum();
        let pooled = cells.iter().map(|c| c.0 * c.1).sum::<f64>() / sum_w;
        q += cells
            .iter()
            .map(|c| c.1 * (c.0 - pooled).powi(2))
            .sum::<f64>();
        df += cells.len() as u64 - 1;
        c += sum_w - sum_w2 / sum_w;
    }
    (q, df, c)
}
