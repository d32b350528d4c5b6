//! Engine integration tests: one binary, one module per area.

mod common;
mod determinism;
mod funnel_distribution;
mod golden;
mod brute_force;
mod time_model;
