//! Funnelcast's browser app: a Yew front end over the `engine` crate, with the
//! simulation running in a Web Worker.
//!
//! - [`app`]: the root component; wires state, worker and storage together.
//! - [`state`]: the app state and its one pure reducer.
//! - [`form`]: raw form text → scenario input, with a message per field.
//! - [`storage`]: the saved-data schema, its migrations and localStorage access.
//! - [`worker`]: the worker protocol, the worker itself and the hook that talks to it.
//! - [`components`]: one file per UI component; no simulation logic.
//! - [`stage_info`]: what each sales stage is, in plain words.
//! - [`download`]: saving text as a file the user downloads.
//! - [`chart_export`]: a chart as an SVG or PNG file.
//! - [`library_ops`]: what the library's buttons do (storage, then state).
//! - [`money`]: money in the user's currency and locale.
//! - [`presets`]: read-only scenarios to start from.
//! - [`lessons`]: the classroom's ready-made exercises.
//! - [`motion`]: the classroom animation's clock (a pure reducer).
//! - [`dots`]: where each deal's dot is drawn in the animation.
//! - [`offline`]: the service worker: registration, offline readiness, updates.
//! - [`report`]: the headline sentence and CSV exports, from a summary.

pub mod app;
pub mod chart_export;
pub mod components;
pub mod dots;
pub mod download;
pub mod form;
pub mod lessons;
pub mod library_ops;
pub mod money;
pub mod motion;
pub mod offline;
pub mod presets;
pub mod report;
pub mod stage_info;
pub mod state;
pub mod storage;
pub mod worker;
