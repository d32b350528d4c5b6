//! What `fit` prints: the fitted scenario and the evidence behind every
//! number, as a table or as the documented JSON.

use charts::format;
use engine::history::{DispersionFit, Fit, HistoryReport, MarketFit, StageFit, PERIOD_WEEKS};
use engine::ScenarioInput;
use serde::Serialize;

/// `fit --json`: exactly the keys of docs/history-import.md.
#[derive(Serialize)]
pub struct FitJson<'a> {
    scenario: &'a ScenarioInput,
    report: ReportJson<'a>,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    as_of: String,
    since: Option<String>,
    rows: usize,
    deals: usize,
    dropped: Vec<DroppedJson<'a>>,
    stages: Vec<StageJson<'a>>,
    leads: LeadsJson<'a>,
    deal_value: Option<DealValueJson>,
    pipeline: [u64; 6],
    variation: VariationJson<'a>,
}

/// What `leads.dispersion` and `market.sd` are based on.
#[derive(Serialize)]
struct VariationJson<'a> {
    leads: &'a DispersionFit,
    market: MarketJson,
}

#[derive(Serialize)]
struct MarketJson {
    period_weeks: u32,
    periods: Vec<PeriodJson>,
    q: Option<f64>,
    df: u64,
    p_value: Option<f64>,
    sd: Option<f64>,
    forecast_sd: Option<f64>,
}

#[derive(Serialize)]
struct PeriodJson {
    start: String,
    moved_on: [u64; 6],
    lost: [u64; 6],
}

#[derive(Serialize)]
struct DroppedJson<'a> {
    row: usize,
    reason: &'a str,
}

#[derive(Serialize)]
struct StageJson<'a> {
    name: &'a str,
    entered: u64,
    moved_on: u64,
    lost: u64,
    open: u64,
    rate: Option<f64>,
    rate_p05: f64,
    rate_p95: f64,
    days: Option<f64>,
    days_n: u64,
}

#[derive(Serialize)]
struct LeadsJson<'a> {
    per_week: f64,
    weeks: u32,
    counts: &'a [u32],
}

#[derive(Serialize)]
struct DealValueJson {
    median: f64,
    p90: f64,
    won: u64,
}

impl<'a> FitJson<'a> {
    pub fn new(scenario: &'a ScenarioInput, fit: &'a Fit) -> Self {
        FitJson {
            scenario,
            report: ReportJson {
                as_of: fit.as_of.to_string(),
                since: fit.since.map(|d| d.to_string()),
                rows: fit.rows,
                deals: fit.deals,
                dropped: fit
                    .dropped
                    .iter()
                    .map(|n| DroppedJson {
                        row: n.row,
                        reason: &n.reason,
                    })
                    .collect(),
                stages: fit.stages.iter().map(StageJson::new).collect(),
                leads: LeadsJson {
                    per_week: fit.leads.per_week,
                    weeks: fit.leads.weeks,
                    counts: &fit.leads.counts,
                },
                deal_value: fit.deal_value.map(|v| DealValueJson {
                    median: v.median,
                    p90: v.p90,
                    won: v.won,
                }),
                pipeline: fit.pipeline,
                variation: VariationJson {
                    leads: &fit.lead_dispersion,
                    market: MarketJson::new(&fit.market),
                },
            },
        }
    }
}

impl MarketJson {
    fn new(m: &MarketFit) -> Self {
        MarketJson {
            period_weeks: PERIOD_WEEKS,
            periods: m
                .periods
                .iter()
                .map(|p| PeriodJson {
                    start: p.start.to_string(),
                    moved_on: p.moved_on,
                    lost: p.lost,
                })
                .collect(),
            q: m.q,
            df: m.df,
            p_value: m.p_value,
            sd: m.sd,
            forecast_sd: m.forecast_sd,
        }
    }
}

impl<'a> StageJson<'a> {
    fn new(s: &'a StageFit) -> Self {
        StageJson {
            name: &s.name,
            entered: s.entered,
            moved_on: s.moved_on,
            lost: s.lost,
            open: s.open,
            rate: s.rate,
            rate_p05: s.rate_p05,
            rate_p95: s.rate_p95,
            days: s.days,
            days_n: s.days_n,
        }
    }
}

fn percent(p: f64) -> String {
    format!("{:.1} %", p * 100.0)
}

/// The readable fit report.
pub fn fit_text(file: &str, report: &HistoryReport, fit: &Fit) -> String {
    let mut out = String::new();
    let shape = report
        .layout
        .as_ref()
        .map_or(String::new(), |l| format!("{}, ", l.shape));
    let left_out = fit.dropped.iter().filter(|n| !n.kept).count();
    let flagged = fit.dropped.len() - left_out;
    out.push_str(&format!(
        "{file}: {shape}{} rows, {} deals counted, as of {}{}\n",
        format::count(fit.rows as f64),
        format::count(fit.deals as f64),
        fit.as_of,
        fit.since
            .map_or(String::new(), |d| format!(", created since {d}"))
    ));
    out.push_str(&format!(
        "{} rows left out, {} kept but flagged.\n\n",
        format::count(left_out as f64),
        format::count(flagged as f64)
    ));
    out.push_str(&format!(
        "{:<20} {:>8} {:>9} {:>7} {:>7} {:>8}  {:<17} {:>12}\n",
        "Stage", "Entered", "Moved on", "Lost", "Open", "Rate", "90 % interval", "Days (n)"
    ));
    for s in &fit.stages {
        let rate = s.rate.map_or("–".to_owned(), percent);
        let interval = format!("{} – {}", percent(s.rate_p05), percent(s.rate_p95));
        let days = s
            .days
            .map_or("–".to_owned(), |d| format!("{d:.1} ({})", s.days_n));
        out.push_str(&format!(
            "{:<20} {:>8} {:>9} {:>7} {:>7} {:>8}  {:<17} {:>12}\n",
            s.name, s.entered, s.moved_on, s.lost, s.open, rate, interval, days
        ));
    }
    out.push_str(&format!(
        "\nLeads: {:.1} per week over {} complete weeks ({}).\n",
        fit.leads.per_week,
        fit.leads.weeks,
        fit.leads
            .counts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    ));
    out.push_str(&lead_bursts_line(&fit.lead_dispersion));
    out.push_str(&market_line(&fit.market));
    match fit.deal_value {
        Some(v) => out.push_str(&format!(
            "Deal value: median {}, P90 {} (from {} won deals with an amount).\n",
            format::count(v.median),
            format::count(v.p90),
            format::count(v.won as f64)
        )),
        None => out.push_str("Deal value: no won deal with an amount.\n"),
    }
    out.push_str(&format!(
        "Open pipeline: {}.\n",
        fit.stages
            .iter()
            .zip(fit.pipeline)
            .map(|(s, n)| format!("{} {n}", s.name))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    if !fit.dropped.is_empty() {
        out.push_str("\nRows left out or flagged:\n");
        for n in &fit.dropped {
            out.push_str(&format!("  line {}: {}\n", n.row, n.reason));
        }
    }
    out
}

/// "Lead bursts: …": the dispersion test and its verdict.
fn lead_bursts_line(d: &DispersionFit) -> String {
    match (d.variance, d.p_value) {
        (Some(v), Some(p)) => format!(
            "Lead bursts: weekly counts vary {v:.1} around a mean of {:.1} (Poisson: equal; p = {p:.3}): {}.\n",
            d.mean,
            d.dispersion.map_or("Poisson, no dispersion".to_owned(), |k| format!("dispersion {k:.1}"))
        ),
        _ => "Lead bursts: too few weeks to test; not fitted.\n".to_owned(),
    }
}

/// "Market: …": the periods' spread and the shared shock's sd.
fn market_line(m: &MarketFit) -> String {
    match (m.sd, m.p_value) {
        (Some(sd), Some(p)) => format!(
            "Market: stage rates over {} periods of {PERIOD_WEEKS} weeks vary beyond their noise by sd {sd:.2} (log-odds; p = {p:.3}): {}.\n",
            m.periods.len(),
            m.forecast_sd.map_or("no shared shock".to_owned(), |f| format!("market sd {f:.2} for the quarter ahead"))
        ),
        _ => format!(
            "Market: {} complete periods of {PERIOD_WEEKS} weeks, {} needed; not fitted.\n",
            m.periods.len(),
            engine::history::MIN_PERIODS
        ),
    }
}
