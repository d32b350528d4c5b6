//! Funnelcast's browser app: a Yew front end over the `engine` crate, with
//! every long computation running in a Web Worker. See ARCHITECTURE.md.
//!
//! - [`app`]: the root component; owns the state and the workers, runs the side effects as hooks.
//! - [`state`]: the app state and its reducer, split by slice (form, library, runs, notices).
//! - [`form`]: raw form text → scenario input, with a message per field.
//! - [`storage`]: the saved-data schema, its migrations, and the `Store` port
//!   (localStorage, or in memory for native tests).
//! - [`worker`]: jobs off the main thread: the protocol, the job worker, one
//!   supervisor, the forecast pool, and the hooks that reach them.
//! - [`components`]: one file per UI component; no simulation logic.
//! - [`stage_info`]: what each sales stage is, in plain words.
//! - [`download`]: saving text as a file the user downloads.
//! - [`chart_export`]: a chart as an SVG or PNG file.
//! - [`library_ops`]: what the library's buttons do (decisions over the
//!   `Store` port, then actions); with the app's hooks, the only code that
//!   touches storage.
//! - [`money`]: money in the user's currency and locale.
//! - [`presets`]: read-only scenarios to start from.
//! - [`lessons`]: the classroom's ready-made exercises.
//! - [`game`]: the classroom calibration game's state, reducer and scoring (pure).
//! - [`game_text`]: the game's words and figures: typed ranges read, the presenter's numbers.
//! - [`facilitator`]: the facilitator sheet's session plan (45 minutes).
//! - [`motion`]: the classroom animation's clock (a pure reducer).
//! - [`dots`]: where each deal's dot is drawn in the animation.
//! - [`offline`]: the service worker: registration, offline readiness, updates.
//! - [`report`]: the headline sentence and CSV exports, from a summary.
//! - [`share_link`]: a share link's address (the workspace's and the classroom's).
//! - [`share_qr`]: a share link's QR code as SVG geometry, with its quiet zone.
//! - [`decisions_text`]: the words of the "What to do" panel, from the engine's answers.
//! - [`history_text`]: the words and files of the history import, from the engine's fit.

pub mod app;
pub mod calibration_text;
pub mod chart_export;
pub mod components;
pub mod decisions_text;
pub mod dots;
pub mod download;
pub mod facilitator;
pub mod form;
pub mod game;
pub mod game_text;
pub mod history_text;
pub mod lessons;
pub mod library_ops;
pub mod money;
pub mod motion;
pub mod offline;
pub mod presets;
pub mod report;
pub mod share_link;
pub mod share_qr;
pub mod stage_info;
pub mod state;
pub mod storage;
pub mod worker;
