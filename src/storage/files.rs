//! Scenarios leaving and entering the app: JSON files (one scenario in the
//! engine's format, or a whole library) and share links. Everything coming
//! in is untrusted: sizes are capped before parsing and after decompression,
//! every scenario is validated, names are cleaned, and errors name the field.

use super::library::{clean_name, MAX_NAME};
use super::{to_json_pretty, EncodeError};
use base64::Engine as _;
use engine::{Scenario, ScenarioInput, FORMAT_VERSION};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest file accepted for import (bytes).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Most scenarios in one library file.
pub const MAX_SCENARIOS: usize = 500;
/// Longest share-link payload accepted (characters after `#`).
pub const MAX_LINK_CHARS: usize = 32 * 1024;
/// Largest decompressed share-link payload (bytes).
pub const MAX_LINK_BYTES: usize = 256 * 1024;
/// Marks a library file.
pub const LIBRARY_FORMAT: &str = "funnelcast-library";
/// Library file version written by this build.
pub const LIBRARY_VERSION: u32 = 1;
/// Share-link payload version written by this build.
pub const LINK_VERSION: u32 = 1;

/// One scenario of a library file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryItem {
    pub name: String,
    /// Milliseconds since the Unix epoch of the last save.
    #[serde(default)]
    pub modified: f64,
    pub scenario: ScenarioInput,
}

/// A library file: `{"format":"funnelcast-library","version":1,"scenarios":[…]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryFile {
    pub format: String,
    pub version: u32,
    pub scenarios: Vec<LibraryItem>,
}

/// Why a file or link could not be imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge {
        limit: usize,
    },
    NotJson(String),
    NotAScenario,
    NewerVersion(u32),
    TooMany {
        count: usize,
    },
    /// Problems with one scenario (index, name, each problem with its field).
    Invalid {
        index: usize,
        name: String,
        problems: Vec<String>,
    },
    BadLink(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { limit } => write!(f, "it is larger than the {} KB allowed", limit / 1024),
            ImportError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            ImportError::NotAScenario => f.write_str("it is neither a Funnelcast scenario nor a Funnelcast library"),
            ImportError::NewerVersion(v) => write!(
                f,
                "it was made by a newer version of Funnelcast (format version {v}); update Funnelcast to open it"
            ),
            ImportError::TooMany { count } => {
                write!(f, "it holds {count} scenarios; at most {MAX_SCENARIOS} can be imported at once")
            }
            ImportError::Invalid { index, name, problems } => {
                write!(f, "scenario {} (“{name}”): {}", index + 1, problems.join("; "))
            }
            ImportError::BadLink(e) => write!(f, "the link is damaged ({e})"),
        }
    }
}

/// A validated scenario ready to add to the library.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub name: String,
    pub scenario: ScenarioInput,
}

fn validate(index: usize, name: &str, scenario: ScenarioInput) -> Result<Imported, ImportError> {
    let name = clean_name(name);
    match Scenario::new(&scenario) {
        Ok(_) => Ok(Imported { name, scenario }),
        Err(err) => Err(ImportError::Invalid {
            index,
            name,
            problems: err.errors.iter().map(|e| e.to_string()).collect(),
        }),
    }
}

/// The JSON of one scenario, in the engine's format.
pub fn export_scenario(scenario: &ScenarioInput) -> Result<String, EncodeError> {
    to_json_pretty(scenario)
}

/// The JSON of a library file.
pub fn export_library(items: Vec<LibraryItem>) -> Result<String, EncodeError> {
    to_json_pretty(&LibraryFile {
        format: LIBRARY_FORMAT.to_owned(),
        version: LIBRARY_VERSION,
        scenarios: items,
    })
}

/// Reads a file the user picked or dropped: one scenario or a library.
/// `file_name` names a lone scenario that has no name of its own.
pub fn import_file(text: &str, file_name: &str) -> Result<Vec<Imported>, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            limit: MAX_FILE_BYTES,
        });
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let object = value.as_object().ok_or(ImportError::NotAScenario)?;
    if object.get("format").and_then(|f| f.as_str()) == Some(LIBRARY_FORMAT) {
        let version = object.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > u64::from(LIBRARY_VERSION) {
            return Err(ImportError::NewerVersion(version as u32));
        }
        let count = object
            .get("scenarios")
            .and_then(|s| s.as_array())
            .map_or(0, Vec::len);
        if count > MAX_SCENARIOS {
            return Err(ImportError::TooMany { count });
        }
        let file: LibraryFile =
            serde_json::from_value(value).map_err(|e| ImportError::NotJson(e.to_string()))?;
        return file
            .scenarios
            .into_iter()
            .enumerate()
            .map(|(i, item)| validate(i, &item.name, item.scenario))
            .collect();
    }
    if object.contains_key("stages") || object.contains_key("leads") {
        let version = object.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > u64::from(FORMAT_VERSION) {
            return Err(ImportError::NewerVersion(version as u32));
        }
        let scenario: ScenarioInput =
            serde_json::from_value(value).map_err(|e| ImportError::Invalid {
                index: 0,
                name: clean_name(file_name),
                problems: vec![e.to_string()],
            })?;
        let name = if scenario.name.trim().is_empty() {
            file_name.trim_end_matches(".json").to_owned()
        } else {
            scenario.name.clone()
        };
        return validate(0, &name, scenario).map(|i| vec![i]);
    }
    Err(ImportError::NotAScenario)
}

/// The fragment (after `#`) of a share link: `s1.` + URL-safe base64 of the
/// deflated scenario JSON.
pub fn encode_link(scenario: &ScenarioInput) -> Result<String, EncodeError> {
    let json = serde_json::to_vec(scenario).map_err(|e| EncodeError(e.to_string()))?;
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    Ok(format!(
        "s{LINK_VERSION}.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    ))
}

/// Reads a share link's fragment (with or without the leading `#`).
pub fn decode_link(fragment: &str) -> Result<ScenarioInput, ImportError> {
    let fragment = fragment.trim_start_matches('#');
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ImportError::TooLarge {
            limit: MAX_LINK_CHARS,
        });
    }
    let (version, payload) = fragment
        .strip_prefix('s')
        .and_then(|rest| rest.split_once('.'))
        .ok_or_else(|| ImportError::BadLink("it does not hold a Funnelcast scenario".to_owned()))?;
    let version: u32 = version
        .parse()
        .map_err(|_| ImportError::BadLink("unreadable format version".to_owned()))?;
    if version > LINK_VERSION {
        return Err(ImportError::NewerVersion(version));
    }
    let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|e| ImportError::BadLink(e.to_string()))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_LINK_BYTES)
        .map_err(|_| ImportError::BadLink("it does not decompress (or is too large)".to_owned()))?;
    let scenario: ScenarioInput =
        serde_json::from_slice(&json).map_err(|e| ImportError::BadLink(e.to_string()))?;
    if scenario.name.chars().count() > MAX_NAME {
        return Err(ImportError::BadLink(
            "the scenario's name is too long".to_owned(),
        ));
    }
    validate(0, &scenario.name.clone(), scenario).map(|i| i.scenario)
}

#[cfg(test)]
mod tests;
