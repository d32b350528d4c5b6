//! Engine integration tests: one binary, one module per area.

mod arrivals;
mod backtest;
mod brute_force;
mod common;
mod compare;
mod deals;
mod decisions;
mod determinism;
#[path = "../support/drifting_history.rs"]
mod drifting_history;
mod extremes;
mod funnel_distribution;
mod golden;
mod history;
#[path = "../support/history_export.rs"]
mod history_export;
mod history_messy;
mod lead_bursts;
mod market_shock;
#[path = "../support/quarter_digest.rs"]
mod quarter_digest;
mod time_model;
mod variation;
mod verdict;
