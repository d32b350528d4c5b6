//! `backtest`: its options and its run (the engine's [`BacktestJob`] in
//! steps, with progress on a terminal).

use crate::{history, report};
use engine::backtest::{
    BacktestError, BacktestJob, BacktestSettings, DEFAULT_EVERY_WEEKS, DEFAULT_SEED,
    DEFAULT_TRIALS, DEFAULT_WARMUP_WEEKS, MAX_TRIALS, MAX_WEEKS,
};
use engine::Job;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The CRM's deals export: one row per deal or one row per stage change.
    file: PathBuf,
    #[command(flatten)]
    import: history::ImportArgs,
    /// Weeks each origin forecasts.
    #[arg(long, default_value_t = engine::history::DEFAULT_HORIZON_WEEKS)]
    horizon_weeks: u32,
    /// Weeks between origins.
    #[arg(long, default_value_t = DEFAULT_EVERY_WEEKS)]
    every_weeks: u32,
    /// Weeks of history before the first origin.
    #[arg(long, default_value_t = DEFAULT_WARMUP_WEEKS)]
    warmup_weeks: u32,
    /// Trials per origin.
    #[arg(long, default_value_t = DEFAULT_TRIALS)]
    trials: u64,
    /// Random seed of every origin's forecast.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Leave out the fitted lead dispersion and market sd (for comparison).
    #[arg(long)]
    no_variation: bool,
    /// Print a JSON object instead of tables.
    #[arg(long)]
    json: bool,
}

/// Runs the backtest and prints it.
pub fn run(args: &Args) -> Result<(), String> {
    let shown = args.file.display();
    let weeks = [
        ("--horizon-weeks", args.horizon_weeks),
        ("--every-weeks", args.every_weeks),
        ("--warmup-weeks", args.warmup_weeks),
    ];
    for (flag, value) in weeks {
        if !(1..=MAX_WEEKS).contains(&value) {
            return Err(format!(
                "{flag} must be between 1 and {MAX_WEEKS} (got {value})"
            ));
        }
    }
    if !(1..=MAX_TRIALS).contains(&args.trials) {
        return Err(format!(
            "--trials must be between 1 and {MAX_TRIALS} (got {})",
            args.trials
        ));
    }
    let options = args.import.options(None)?;
    let settings = BacktestSettings {
        horizon_weeks: args.horizon_weeks,
        every_weeks: args.every_weeks,
        warmup_weeks: args.warmup_weeks,
        trials: args.trials,
        seed: args.seed,
        variation: !args.no_variation,
    };
    let bytes =
        std::fs::read(&args.file).map_err(|e| format!("{shown}: cannot read the file: {e}"))?;
    let mut job = BacktestJob::new(bytes, options, settings);
    let show_progress = std::io::stderr().is_terminal();
    while !job.is_done() {
        job.step(20_000);
        if show_progress {
            eprint!("\r{:.0} %", job.progress() * 100.0);
        }
    }
    if show_progress {
        eprint!("\r\x1b[K");
    }
    let backtest = match job.outcome() {
        Some(Ok(backtest)) => backtest,
        Some(Err(e)) => {
            let hint = match e {
                BacktestError::History(e) => history::hint(e),
                _ => "",
            };
            return Err(format!("{shown}: {e}{hint}"));
        }
        None => return Err(format!("{shown}: the backtest did not finish")),
    };
    if args.json {
        let text = serde_json::to_string_pretty(&report::BacktestJson::new(backtest))
            .map_err(|e| format!("cannot write JSON: {e}"))?;
        println!("{text}");
    } else {
        print!("{}", report::backtest_text(&shown.to_string(), backtest));
    }
    Ok(())
}
