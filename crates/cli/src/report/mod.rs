//! What each command prints, one module per command: `simulate`,
//! `validate`, `sensitivity`, `plan`, `fit` and `backtest`.

mod backtest;
mod fit;
mod plan;
mod sensitivity;
mod simulate;
mod validate;

pub use backtest::{backtest_text, BacktestJson};
pub use fit::{fit_text, FitJson};
pub use plan::{plan_text, PlanJson};
pub use sensitivity::{sensitivity_text, SensitivityJson};
pub use simulate::{text, JsonReport};
pub use validate::describe;
