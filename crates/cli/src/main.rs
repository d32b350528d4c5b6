//! `funnelcast`: the simulation engine on the command line.
//!
//! ```text
//! funnelcast simulate FILE [--trials N] [--seed S] [--json]
//! funnelcast validate FILE
//! funnelcast fit HISTORY.csv [--as-of DATE] [--since DATE] [--stage-map MAP.json]
//!     [--date-order dmy|mdy] [--horizon-weeks H] [--out SCENARIO.json] [--json]
//! funnelcast backtest HISTORY.csv [--since DATE] [--stage-map MAP.json] [--date-order dmy|mdy]
//!     [--horizon-weeks H] [--every-weeks E] [--warmup-weeks W] [--trials N] [--seed S] [--json]
//! ```
//! Bad files exit non-zero with a message on stderr, never a panic.

mod backtest;
mod history;
mod load;
mod report;

use clap::{Parser, Subcommand};
use engine::Simulation;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "funnelcast",
    version,
    about = "Monte Carlo forecasts of a sales funnel"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a scenario file and print the forecast.
    Simulate {
        /// Scenario file (JSON, format version 1).
        file: PathBuf,
        /// Number of trials (overrides the file's `trials`).
        #[arg(long)]
        trials: Option<u64>,
        /// Random seed (overrides the file's `seed`).
        #[arg(long)]
        seed: Option<u64>,
        /// Print a JSON object instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Check a scenario file and explain every problem.
    Validate {
        /// Scenario file (JSON, format version 1).
        file: PathBuf,
    },
    /// Which stage to fix: the effect of each lever on the forecast.
    Sensitivity {
        /// Scenario file (JSON, format version 1).
        file: PathBuf,
        /// Print a JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The lead volume needed to reach a target with a given confidence.
    Plan {
        /// Scenario file (JSON, format version 1).
        file: PathBuf,
        /// Revenue to reach (needs deal_value in the file).
        #[arg(
            long,
            conflicts_with = "target_won",
            required_unless_present = "target_won"
        )]
        target_revenue: Option<f64>,
        /// Won deals to reach.
        #[arg(long)]
        target_won: Option<u64>,
        /// Chance wanted, between 0 and 1 (e.g. 0.85).
        #[arg(long, default_value_t = 0.85)]
        confidence: f64,
        /// Print a JSON object instead of a sentence.
        #[arg(long)]
        json: bool,
    },
    /// Fit a scenario from a CRM deals export (CSV) and show the evidence.
    Fit {
        /// The CRM's deals export: one row per deal or one row per stage change.
        file: PathBuf,
        /// The world as seen at the end of this day (YYYY-MM-DD); default: the file's latest date.
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        import: history::ImportArgs,
        /// Forecast window of the fitted scenario (weeks).
        #[arg(long, default_value_t = engine::history::DEFAULT_HORIZON_WEEKS)]
        horizon_weeks: u32,
        /// Write the fitted scenario to this file (`simulate` reads it).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print a JSON object (scenario and report) instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// How good is the forecast: fit and forecast at past dates of a CRM
    /// export, then compare with what happened.
    Backtest(backtest::Args),
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Backtest(args) => backtest::run(&args),
        Command::Fit {
            file,
            as_of,
            import,
            horizon_weeks,
            out,
            json,
        } => fit(
            &file,
            import.options(as_of.as_deref())?,
            horizon_weeks,
            out.as_deref(),
            json,
        ),
        Command::Validate { file } => {
            let scenario = load::scenario(&file)?;
            println!("{}: valid. {}", file.display(), report::describe(&scenario));
            Ok(())
        }
        Command::Sensitivity { file, json } => {
            let (input, scenario) = load::input_and_scenario(&file)?;
            let report = engine::decisions::sensitivity(&input).map_err(|e| e.to_string())?;
            if json {
                let out =
                    serde_json::to_string_pretty(&report::SensitivityJson::new(&report, &scenario))
                        .map_err(|e| format!("cannot write JSON: {e}"))?;
                println!("{out}");
            } else {
                print!("{}", report::sensitivity_text(&report, &scenario));
            }
            Ok(())
        }
        Command::Plan {
            file,
            target_revenue,
            target_won,
            confidence,
            json,
        } => {
            let (input, scenario) = load::input_and_scenario(&file)?;
            if !(confidence > 0.0 && confidence < 1.0) {
                return Err(format!(
                    "--confidence must be between 0 and 1, e.g. 0.85 (got {confidence})"
                ));
            }
            let goal = match (target_revenue, target_won) {
                (Some(r), _) => {
                    if scenario.deal_value().is_none() {
                        return Err(format!(
                            "{}: --target-revenue needs deal_value in the scenario",
                            file.display()
                        ));
                    }
                    if !(r.is_finite() && r >= 0.0) {
                        return Err(format!(
                            "--target-revenue must be a number of at least 0 (got {r})"
                        ));
                    }
                    engine::decisions::Goal::Revenue(r)
                }
                (None, Some(k)) => engine::decisions::Goal::Won(k),
                (None, None) => return Err("give --target-revenue or --target-won".to_owned()),
            };
            let plan = engine::decisions::plan_leads(&input, goal, confidence, scenario.trials())
                .map_err(|e| e.to_string())?;
            let out = report::PlanJson::new(&plan, goal, &scenario);
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&out)
                        .map_err(|e| format!("cannot write JSON: {e}"))?
                );
            } else {
                println!("{}", report::plan_text(&out));
            }
            Ok(())
        }
        Command::Simulate {
            file,
            trials,
            seed,
            json,
        } => {
            let mut scenario = load::scenario(&file)?;
            if let Some(trials) = trials {
                if !(1..=100_000_000).contains(&trials) {
                    return Err(format!(
                        "--trials must be between 1 and 100000000 (got {trials})"
                    ));
                }
                scenario = scenario.with_trials(trials);
            }
            if let Some(seed) = seed {
                scenario = scenario.with_seed(seed);
            }
            let mut sim = Simulation::new(scenario);
            let show_progress = std::io::stderr().is_terminal();
            while !sim.is_done() {
                sim.step(20_000);
                if show_progress {
                    eprint!("\r{} of {} trials", sim.trials_done(), sim.trials_planned());
                }
            }
            if show_progress {
                eprint!("\r\x1b[K");
            }
            let summary = sim.summary();
            if json {
                let out = serde_json::to_string_pretty(&report::JsonReport::new(&summary))
                    .map_err(|e| format!("cannot write JSON: {e}"))?;
                println!("{out}");
            } else {
                print!("{}", report::text(sim.scenario(), &summary));
            }
            Ok(())
        }
    }
}

/// `fit`: reads and fits the export, prints the report, writes the scenario.
fn fit(
    file: &std::path::Path,
    options: engine::history::FitOptions,
    horizon_weeks: u32,
    out: Option<&std::path::Path>,
    json: bool,
) -> Result<(), String> {
    let shown = file.display();
    if !(1..=engine::scenario::MAX_HORIZON_WEEKS as u32).contains(&horizon_weeks) {
        return Err(format!(
            "--horizon-weeks must be between 1 and {} (got {horizon_weeks})",
            engine::scenario::MAX_HORIZON_WEEKS
        ));
    }
    let bytes = std::fs::read(file).map_err(|e| format!("{shown}: cannot read the file: {e}"))?;
    let report = engine::history::analyse(&bytes, &options);
    let fit = report
        .fit
        .as_ref()
        .map_err(|e| format!("{shown}: {e}{}", history::hint(e)))?;
    let scenario = fit.scenario(horizon_weeks);
    if let Some(out) = out {
        let text = serde_json::to_string_pretty(&scenario)
            .map_err(|e| format!("cannot write JSON: {e}"))?;
        std::fs::write(out, text + "\n")
            .map_err(|e| format!("{}: cannot write the scenario: {e}", out.display()))?;
    }
    if json {
        let text = serde_json::to_string_pretty(&report::FitJson::new(&scenario, fit))
            .map_err(|e| format!("cannot write JSON: {e}"))?;
        println!("{text}");
    } else {
        print!("{}", report::fit_text(&shown.to_string(), &report, fit));
        if let Some(out) = out {
            println!("\nScenario written to {}.", out.display());
        }
    }
    Ok(())
}
