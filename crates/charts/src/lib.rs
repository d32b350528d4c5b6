//! Pure chart geometry and number formatting for Funnelcast's SVG charts.
//!
//! No web dependency: scales, ticks, bins, bar and band geometry are plain
//! functions tested natively; the Yew components only turn them into `<svg>`
//! markup.

pub mod bar_scale;
pub mod calibration;
pub mod fan;
pub mod format;
pub mod frame;
pub mod funnel;
pub mod game;
pub mod histogram;
pub mod outcome;
pub mod overlay;
pub mod overlay_plot;
pub mod path;
pub mod scale;
pub mod tornado;
pub mod week_bars;

pub use frame::{Frame, Rect};
pub use scale::{nice_ticks, LinearScale};
