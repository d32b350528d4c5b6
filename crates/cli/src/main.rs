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
