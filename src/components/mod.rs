//! UI components, one per file. They read the shared state through
//! [`crate::app::use_app`] and hold no simulation logic. Markup that needs
//! no hook is a plain function returning `Html` (its props a plain struct or
//! arguments), not a component: each Yew component type costs about half a
//! kilobyte of wasm.

mod calibration;
mod chart_card;
mod classroom;
mod compare;
mod decisions;
mod dialog;
mod fan_chart;
mod funnel_chart;
mod histogram_chart;
mod history_import;
mod leads_section;
mod library_panel;
mod money_section;
mod mystery;
mod notices;
mod number_field;
mod results_panel;
mod results_sections;
mod run_controls;
mod scenario_panel;
mod stage_row;
mod stats_table;
mod targets_section;
mod theme_pick;
mod welcome;

pub use calibration::CalibrationPanel;
pub use chart_card::ChartCard;
pub use classroom::Classroom;
pub use compare::CompareView;
pub use decisions::DecisionsPanel;
pub use dialog::Dialog;
pub use fan_chart::{fan_chart, FanChartProps};
pub use funnel_chart::funnel_chart;
pub use histogram_chart::{HistogramChart, Measure};
pub use history_import::{HistoryImport, HISTORY_PICKER_ID};
pub use leads_section::LeadsSection;
pub use library_panel::LibraryPanel;
pub use money_section::MoneySection;
pub use mystery::{mystery_switch, mystery_veil};
pub use notices::Notices;
pub use number_field::{number_field, NumberFieldProps};
pub use results_panel::ResultsPanel;
pub use results_sections::ResultsSections;
pub use run_controls::RunControls;
pub use scenario_panel::scenario_panel;
pub use stage_row::StageRow;
pub use stats_table::{funnel_table, stat_table, weekly_table, StatTableProps};
pub use targets_section::TargetsSection;
pub use theme_pick::ThemePick;
pub use welcome::welcome;
