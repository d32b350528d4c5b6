//! `funnelcast`: the simulation engine on the command line.
//!
//! ```text
//! funnelcast simulate FILE [--trials N] [--seed S] [--json]
//! funnelcast validate FILE
//! ```
//! Bad files exit non-zero with a message on stderr, never a panic.

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
