//! The calibration game kept across reloads under [`GAME_KEY`] in a
//! versioned envelope `{ app, version, game }`, and game files a trainer
//! prepares at home (`{ format: "funnelcast-game", version, game }`). A
//! stored game that cannot be read is reported and copied aside, exactly as
//! the draft is; a file is size-capped and checked before it is accepted.

use super::{load_kept_aside, EncodeError, Load, APP_TAG};
use super::{to_json, to_json_pretty, DecodeError, StorageError, Store};
use crate::game::Game;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Key of the game in play.
pub const GAME_KEY: &str = "funnelcast.game";
/// Version of the stored envelope written by this build.
pub const GAME_VERSION: u32 = 1;
/// Marks a game file.
pub const GAME_FORMAT: &str = "funnelcast-game";
/// Game file version written by this build.
pub const GAME_FILE_VERSION: u32 = 1;
/// Largest game file accepted (bytes): a 12-team, 30-round game is ~40 KB.
pub const MAX_GAME_FILE_BYTES: usize = 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    app: String,
    version: u32,
    game: T,
}

#[derive(Deserialize)]
struct Header {
    app: String,
    version: u32,
}

#[derive(Serialize, Deserialize)]
struct GameFile<T> {
    format: String,
    version: u32,
    game: T,
}

/// Serialises the game for storage.
pub fn encode_game(game: &Game) -> Result<String, EncodeError> {
    to_json(&Envelope {
        app: APP_TAG.to_owned(),
        version: GAME_VERSION,
        game,
    })
}

/// Reads a stored game of any version this build knows; a game that reads
/// but breaks the rules (see `Game::problems`) is damaged too.
pub fn decode_game(raw: &str) -> Result<Game, DecodeError> {
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let header: Header = serde_json::from_value(value.clone()).map_err(|_| DecodeError::NotOurs)?;
    if header.app != APP_TAG {
        return Err(DecodeError::NotOurs);
    }
    match header.version {
        // Version 1 is the current one; older versions get a migration arm here.
        1 => {
            let envelope: Envelope<Game> =
                serde_json::from_value(value).map_err(|e| DecodeError::BadGame(e.to_string()))?;
            let problems = envelope.game.problems();
            if !problems.is_empty() {
                return Err(DecodeError::BadGame(problems.join("; ")));
            }
            Ok(envelope.game)
        }
        v if v > GAME_VERSION => Err(DecodeError::NewerVersion(v)),
        _ => Err(DecodeError::NotOurs),
    }
}

/// The outcome of loading the game at start-up.
pub type GameLoad = Load<Game>;

/// Loads the game; an unreadable one is copied aside first, under a key made
/// from `now` (ms since the Unix epoch).
pub fn load_game(store: &dyn Store, now: f64) -> GameLoad {
    load_kept_aside(store, GAME_KEY, "game.", now, decode_game)
}

/// Saves the game in play.
pub fn save_game(store: &dyn Store, game: &Game) -> Result<(), StorageError> {
    store.set(GAME_KEY, &encode_game(game)?)
}

/// Forgets the game in play (after a reset to nothing, or a new game).
pub fn clear_game(store: &dyn Store) -> Result<(), StorageError> {
    store.remove(GAME_KEY)
}

/// Why a game file could not be imported.
#[derive(Clone, Debug, PartialEq)]
pub enum GameFileError {
    TooLarge {
        limit: usize,
    },
    NotJson(String),
    /// JSON, but not a Funnelcast game file.
    NotAGame,
    NewerVersion(u32),
    /// A game file whose game is damaged: each problem in words.
    Invalid(Vec<String>),
}

impl fmt::Display for GameFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GameFileError::TooLarge { limit } => {
                write!(f, "it is larger than the {} KB allowed", limit / 1024)
            }
            GameFileError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            GameFileError::NotAGame => f.write_str("it is not a Funnelcast game file"),
            GameFileError::NewerVersion(v) => write!(
                f,
                "it was made by a newer version of Funnelcast (game file version {v}); update Funnelcast to open it"
            ),
            GameFileError::Invalid(problems) => {
                write!(f, "its game is damaged: {}", problems.join("; "))
            }
        }
    }
}

/// The JSON of a game file.
pub fn export_game(game: &Game) -> Result<String, EncodeError> {
    to_json_pretty(&GameFile {
        format: GAME_FORMAT.to_owned(),
        version: GAME_FILE_VERSION,
        game,
    })
}

/// Reads a game file the user picked or dropped.
pub fn import_game(text: &str) -> Result<Game, GameFileError> {
    if text.len() > MAX_GAME_FILE_BYTES {
        return Err(GameFileError::TooLarge {
            limit: MAX_GAME_FILE_BYTES,
        });
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| GameFileError::NotJson(e.to_string()))?;
    let object = value.as_object().ok_or(GameFileError::NotAGame)?;
    if object.get("format").and_then(|f| f.as_str()) != Some(GAME_FORMAT) {
        return Err(GameFileError::NotAGame);
    }
    let version = object.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(GAME_FILE_VERSION) {
        return Err(GameFileError::NewerVersion(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    let file: GameFile<Game> =
        serde_json::from_value(value).map_err(|e| GameFileError::Invalid(vec![e.to_string()]))?;
    let problems = file.game.problems();
    if !problems.is_empty() {
        return Err(GameFileError::Invalid(problems));
    }
    Ok(file.game)
}

#[cfg(test)]
mod tests;
