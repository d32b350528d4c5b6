//! Saved data: the schema of what Funnelcast keeps in the browser, its
//! migrations, and the port ([`Store`]) every read and write goes through.
//!
//! Everything here works over a `&dyn Store`: [`LocalStore`] is the
//! browser's localStorage, [`MemoryStore`] stands in for it in native tests
//! (including a full or a broken storage). The calibration game is kept
//! here too (`game`), with its files. Decoding is pure and tested
//! natively against fixtures of every stored version. Nothing that fails to
//! decode is deleted: it is copied aside under its own key, and the user is
//! told and can download it. Only `library_ops` and the app's hooks pick a
//! store; components never reach storage themselves.

mod draft;
mod entries;
mod errors;
pub mod files;
mod game;
mod kept_aside;
pub mod library;
mod local;
mod settings;
mod store;

pub use draft::{
    decode_draft, encode_draft, load_draft, save_draft, DraftLoad, DRAFT_KEY, STORAGE_VERSION,
};
pub use entries::{
    delete_entry, load_library, load_open_link, read_entry, restore_entry, save_entry,
    save_open_link, LibraryLoad, SaveError, Unusable, OPEN_KEY,
};
pub(crate) use errors::{to_json, to_json_pretty, write_json};
pub use errors::{DecodeError, EncodeError, StorageError};
pub use game::{
    clear_game, decode_game, encode_game, export_game, import_game, load_game, save_game,
    GameFileError, GameLoad, GAME_FILE_VERSION, GAME_FORMAT, GAME_KEY, GAME_VERSION,
    MAX_GAME_FILE_BYTES,
};
pub use kept_aside::{load_kept_aside, Load};
pub use local::{classify_error, LocalStore};
pub use settings::{load_settings, save_settings, update_settings, Settings, SETTINGS_KEY};
pub use store::{MemoryStore, Store};

/// Prefix of keys holding stored values that could not be read.
pub const UNREADABLE_PREFIX: &str = "funnelcast.unreadable.";
/// Marks our envelopes, so a foreign value under our key is recognised.
const APP_TAG: &str = "funnelcast";
