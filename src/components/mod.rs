//! UI components, one per file. They read the shared state through
//! [`crate::app::use_app`] and hold no simulation logic.

mod funnel_chart;
mod notices;
mod number_field;
mod results_panel;
mod run_controls;
mod scenario_panel;
mod stage_row;
mod stats_table;
mod won_histogram;

pub use funnel_chart::FunnelChart;
pub use notices::Notices;
pub use number_field::NumberField;
pub use results_panel::ResultsPanel;
pub use run_controls::RunControls;
pub use scenario_panel::ScenarioPanel;
pub use stage_row::StageRow;
pub use stats_table::{FunnelTable, WonTable};
pub use won_histogram::WonHistogram;
