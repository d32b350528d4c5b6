//! A deal-by-deal generator of CRM deals exports with known truth: shared
//! by the history tests (`tests/engine/history*.rs`) and the benchmark
//! (`benches/history.rs`).
//!
//! Leads arrive as a Poisson number per week at uniform times; each deal
//! enters Prospecting at its creation, spends an exponential time with a
//! known mean in each stage, then moves on with the stage's rate or is lost;
//! from Closing it is won. Won deals have lognormal values. The export is
//! taken at the end of a day: events after it are not in the file, so deals
//! still in a stage then are open.

#![allow(dead_code)]

use rand::{RngExt, SeedableRng};
use rand_distr::{Distribution, Exp, LogNormal, Poisson};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The funnel's six stages before the sale, as the CRM labels them.
pub const STAGES: [&str; 6] = [
    "Prospecting",
    "Qualification",
    "Needs assessment",
    "Presentation",
    "Handling objections",
    "Closing",
];

/// What the generator draws from: the answers a fit should recover.
#[derive(Clone, Debug)]
pub struct Truth {
    /// Chance of moving on from each stage (from Closing: of winning).
    pub rates: [f64; 6],
    /// Mean days in each stage (exponential).
    pub mean_days: [f64; 6],
    /// Won deals' values: lognormal with this median and log-sd.
    pub value_median: f64,
    pub value_sigma: f64,
    /// Poisson mean of deals created per week.
    pub leads_per_week: f64,
    /// Day (since 1970-01-01) of the first week's first day.
    pub first_day: i64,
    /// Weeks in which deals are created.
    pub weeks: u32,
}

impl Default for Truth {
    fn default() -> Self {
        Truth {
            rates: [0.6, 0.7, 0.8, 0.7, 0.6, 0.5],
            mean_days: [4.0, 7.0, 10.0, 6.0, 9.0, 12.0],
            value_median: 12_000.0,
            value_sigma: 0.8,
            leads_per_week: 40.0,
            first_day: days_from_civil(2023, 1, 2),
            weeks: 104,
        }
    }
}

impl Truth {
    /// The last day of the last week of creations: the natural export day.
    pub fn last_day(&self) -> i64 {
        self.first_day + 7 * i64::from(self.weeks) - 1
    }
}

/// One deal's whole life (some of it after any export).
#[derive(Clone, Debug)]
pub struct GenDeal {
    pub id: usize,
    /// When it entered each stage (seconds since 1970); `stages[0]` is the creation.
    pub stages: Vec<i64>,
    /// (won, when).
    pub close: Option<(bool, i64)>,
    pub amount: f64,
}

/// Every deal created in the truth's weeks, oldest first.
pub fn generate(truth: &Truth, seed: u64) -> Vec<GenDeal> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let arrivals = Poisson::new(truth.leads_per_week).expect("valid Poisson mean");
    generate_with(
        truth,
        &mut rng,
        |rng| arrivals.sample(rng) as u64,
        |k, _| truth.rates[k],
    )
}

/// Every deal created in the truth's weeks, oldest first, with the truth's
/// stays and values but any arrivals and rates: `leads_in_week` draws each
/// week's count, and a deal leaving stage k at time t moves on with chance
/// `rate_at(k, t)`. Shared with the drifting generator (`drifting_history`),
/// whose rates move with time.
pub fn generate_with(
    truth: &Truth,
    rng: &mut Xoshiro256PlusPlus,
    mut leads_in_week: impl FnMut(&mut Xoshiro256PlusPlus) -> u64,
    rate_at: impl Fn(usize, i64) -> f64,
) -> Vec<GenDeal> {
    let value =
        LogNormal::new(truth.value_median.ln(), truth.value_sigma).expect("valid lognormal");
    let stays: Vec<Exp<f64>> = truth
        .mean_days
        .iter()
        .map(|m| Exp::new(1.0 / m).expect("valid mean"))
        .collect();
    let mut created = Vec::new();
    for week in 0..i64::from(truth.weeks) {
        let n = leads_in_week(rng);
        let week_start = (truth.first_day + 7 * week) * 86_400;
        for _ in 0..n {
            created.push(week_start + 60 * rng.random_range(0..7 * 1440));
        }
    }
    created.sort_unstable();
    created
        .into_iter()
        .enumerate()
        .map(|(id, t0)| {
            let mut stages = vec![t0];
            let mut close = None;
            let mut t = t0;
            for (k, stay) in stays.iter().enumerate() {
                // Minute resolution, as CRMs write times.
                t += 60 * (stay.sample(rng) * 1440.0).round() as i64;
                let moves_on = rng.random_bool(rate_at(k, t));
                if !moves_on {
                    close = Some((false, t));
                    break;
                }
                if k == 5 {
                    close = Some((true, t));
                } else {
                    stages.push(t);
                }
            }
            GenDeal {
                id: id + 1,
                stages,
                close,
                amount: (value.sample(rng) * 100.0).round() / 100.0,
            }
        })
        .collect()
}

/// A deal as exported at the end of `day`: None if created after it.
struct Seen<'a> {
    deal: &'a GenDeal,
    stages: &'a [i64],
    close: Option<(bool, i64)>,
}

fn seen(deals: &[GenDeal], day: i64) -> impl Iterator<Item = Seen<'_>> {
    let end = (day + 1) * 86_400;
    deals
        .iter()
        .filter(move |d| d.stages[0] < end)
        .map(move |d| Seen {
            deal: d,
            stages: &d.stages[..d.stages.iter().filter(|&&t| t < end).count()],
            close: d.close.filter(|c| c.1 < end),
        })
}

/// Open deals per stage at the end of `day`.
pub fn open_at(deals: &[GenDeal], day: i64) -> [u64; 6] {
    let mut open = [0; 6];
    for s in seen(deals, day).filter(|s| s.close.is_none()) {
        open[s.stages.len() - 1] += 1;
    }
    open
}

/// HubSpot's shape, exported at the end of `day`: one row per deal.
pub fn per_deal_csv(deals: &[GenDeal], day: i64) -> String {
    let mut out = String::from("Record ID,Deal Name,Create Date,Deal Stage,Close Date,Amount");
    for label in STAGES.iter().chain(&["Closed won", "Closed lost"]) {
        out += &format!(",\"Date entered \"\"{label} (Sales Pipeline)\"\"\"");
    }
    out += "\n";
    for s in seen(deals, day) {
        let stage = match s.close {
            Some((true, _)) => "Closed won",
            Some((false, _)) => "Closed lost",
            None => STAGES[s.stages.len() - 1],
        };
        // An open deal's Close Date is the expected close, after the export.
        let close = s.close.map_or((day + 30) * 86_400, |c| c.1);
        out += &format!(
            "{},\"Deal {}, Inc.\",{},{stage},{},{:.2}",
            s.deal.id,
            s.deal.id,
            minute(s.stages[0]),
            &minute(close)[..10],
            s.deal.amount
        );
        for k in 0..6 {
            out += ",";
            if let Some(&t) = s.stages.get(k) {
                out += &minute(t);
            }
        }
        for won in [true, false] {
            out += ",";
            if let Some((_, t)) = s.close.filter(|c| c.0 == won) {
                out += &minute(t);
            }
        }
        out += "\n";
    }
    out
}

/// Salesforce's OpportunityHistory shape, exported at the end of `day`:
/// one row per stage change, all deals interleaved by time.
pub fn per_change_csv(deals: &[GenDeal], day: i64) -> String {
    let mut rows: Vec<(i64, usize, &str, f64)> = Vec::new();
    for s in seen(deals, day) {
        for (k, &t) in s.stages.iter().enumerate() {
            rows.push((t, s.deal.id, STAGES[k], s.deal.amount));
        }
        if let Some((won, t)) = s.close {
            let label = if won { "Closed Won" } else { "Closed Lost" };
            rows.push((t, s.deal.id, label, s.deal.amount));
        }
    }
    rows.sort_by_key(|r| (r.0, r.1));
    let mut out = String::from("OpportunityId,StageName,Amount,CreatedDate\r\n");
    for (t, id, label, amount) in rows {
        out += &format!(
            "006{id:012},{label},{amount:.2},{}:00.000+0000\r\n",
            minute(t).replace(' ', "T")
        );
    }
    out
}

/// `YYYY-MM-DD HH:MM`.
pub fn minute(stamp: i64) -> String {
    let (y, m, d) = civil_from_days(stamp.div_euclid(86_400));
    let s = stamp.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", s / 3600, s % 3600 / 60)
}

/// `YYYY-MM-DD` of a day since 1970.
pub fn iso_day(day: i64) -> String {
    minute(day * 86_400)[..10].to_owned()
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}
