//! Scenarios leaving and entering the app: JSON files (one scenario in the
//! engine's format, or a whole library) and share links. Everything coming
//! in is untrusted: sizes are capped before parsing and after decompression,
//! every scenario is validated, names are cleaned, and errors name the field.

use super::library::{clean_name, MAX_NAME};
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
pub fn export_scenario(scenario: &ScenarioInput) -> String {
    serde_json::to_string_pretty(scenario).unwrap_or_default()
}

/// The JSON of a library file.
pub fn export_library(items: Vec<LibraryItem>) -> String {
    let file = LibraryFile {
        format: LIBRARY_FORMAT.to_owned(),
        version: LIBRARY_VERSION,
        scenarios: items,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
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
pub fn encode_link(scenario: &ScenarioInput) -> String {
    let json = serde_json::to_vec(scenario).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!(
        "s{LINK_VERSION}.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    )
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
mod tests {
    use super::*;
    use engine::{DealValueInput, FollowUpInput, LeadsInput, TargetInput};
    use rand::{RngExt, SeedableRng};

    /// Random valid scenarios, for round-trip properties.
    fn random_scenario(rng: &mut rand_xoshiro::Xoshiro256PlusPlus) -> ScenarioInput {
        let mut s = ScenarioInput::default();
        s.name = format!("Scenario {} “ünïcode” <b>", rng.random::<u32>());
        if rng.random::<bool>() {
            s.leads = LeadsInput::PerWeek((rng.random::<f64>() * 500.0 * 100.0).round() / 100.0);
            s.horizon_weeks = Some(f64::from(rng.random_range(1..60u32)));
        } else {
            s.leads = LeadsInput::Count(f64::from(rng.random_range(0..100_000u32)));
        }
        for stage in &mut s.stages {
            stage.rate = rng.random::<f64>();
            stage.days = rng
                .random::<bool>()
                .then(|| (rng.random::<f64>() * 60.0 * 10.0).round() / 10.0);
            stage.evidence = rng
                .random::<bool>()
                .then(|| f64::from(rng.random_range(1..1000u32)));
        }
        if rng.random::<bool>() {
            s.pipeline = Some(
                (0..6)
                    .map(|_| f64::from(rng.random_range(0..500u32)))
                    .collect(),
            );
            s.deal_value = Some(DealValueInput {
                median: 1000.0,
                p90: 1000.0 + rng.random::<f64>() * 1e5,
            });
            s.follow_up = Some(FollowUpInput {
                repeat_value: rng.random::<f64>(),
                referrals: rng.random::<f64>() * 0.5,
            });
            s.target = Some(TargetInput {
                revenue: Some(1e5),
                won: Some(10.0),
            });
            s.horizon_weeks = Some(13.0);
        }
        s.trials = f64::from(rng.random_range(1..100_000u32));
        s.seed = rng.random::<u64>();
        s
    }

    #[test]
    fn export_then_import_round_trips_exactly() {
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(5);
        for _ in 0..200 {
            let s = random_scenario(&mut rng);
            let one = import_file(&export_scenario(&s), "file.json").expect("imports");
            assert_eq!(
                one,
                vec![Imported {
                    name: clean_name(&s.name),
                    scenario: s.clone()
                }]
            );
            let lib = export_library(vec![LibraryItem {
                name: "A".into(),
                modified: 1.0,
                scenario: s.clone(),
            }]);
            assert_eq!(
                import_file(&lib, "lib.json").expect("imports")[0].scenario,
                s
            );
        }
    }

    #[test]
    fn share_links_round_trip_exactly_and_stay_short() {
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(6);
        for _ in 0..200 {
            let s = random_scenario(&mut rng);
            let link = encode_link(&s);
            assert!(
                link.starts_with("s1.") && link.len() < 2000,
                "{}",
                link.len()
            );
            assert_eq!(decode_link(&format!("#{link}")), Ok(s));
        }
    }

    #[test]
    fn malformed_inputs_get_their_message() {
        let example = include_str!("../../docs/example-scenario.json");
        let cases: Vec<(String, &str)> = vec![
            ("{".into(), "not valid JSON"),
            ("[]".into(), "neither a Funnelcast scenario"),
            ("{\"hello\": 1}".into(), "neither a Funnelcast scenario"),
            (
                example.replace("\"version\": 1", "\"version\": 3"),
                "newer version",
            ),
            (
                example.replace(
                    "\"rate\": 0.60, \"days\": 7 }",
                    "\"rate\": 6.0, \"days\": 7 }",
                ),
                "stages[1].rate",
            ),
            (
                example.replace("\"seed\": 42", "\"seed\": 42, \"extra\": true"),
                "unknown field `extra`",
            ),
            (
                format!("{{\"format\":\"{LIBRARY_FORMAT}\",\"version\":9,\"scenarios\":[]}}"),
                "newer version",
            ),
            (" ".repeat(MAX_FILE_BYTES + 1), "larger than"),
        ];
        for (text, needle) in cases {
            let err = import_file(&text, "f.json").expect_err("refused");
            assert!(err.to_string().contains(needle), "{needle}: {err}");
        }
        let many = export_library(
            (0..MAX_SCENARIOS + 1)
                .map(|i| LibraryItem {
                    name: i.to_string(),
                    modified: 0.0,
                    scenario: ScenarioInput::default(),
                })
                .collect(),
        );
        assert!(import_file(&many, "f")
            .expect_err("too many")
            .to_string()
            .contains("at most 500"));
    }

    #[test]
    fn mangled_files_never_panic() {
        let good = include_str!("../../docs/example-scenario.json");
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(8);
        for _ in 0..2000 {
            let mut bytes = good.as_bytes().to_vec();
            for _ in 0..rng.random_range(1..8) {
                let i = rng.random_range(0..bytes.len());
                let alphabet = b"{}[]\",:0123456789.eE-+ naxt";
                bytes[i] = alphabet[rng.random_range(0..alphabet.len())];
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let _ = import_file(&text, "mangled.json"); // must return, Ok or Err
        }
    }

    #[test]
    fn damaged_links_are_refused_quickly_and_never_panic() {
        let good = encode_link(&ScenarioInput::default());
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7);
        for _ in 0..2000 {
            let mut bytes = good.clone().into_bytes();
            for _ in 0..rng.random_range(1..6) {
                let i = rng.random_range(0..bytes.len());
                bytes[i] = b"ABCxyz019-_.s#%"[rng.random_range(0..15)];
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let _ = decode_link(&text); // must return, Ok or Err
        }
        for text in [
            "",
            "#",
            "s1.",
            "s9.AAAA",
            "x1.abc",
            "s1.!!!!",
            &"A".repeat(MAX_LINK_CHARS + 1),
        ] {
            assert!(decode_link(text).is_err(), "{text:.20}");
        }
        // A zip bomb: a tiny link that would inflate past the cap.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_LINK_BYTES * 4], 9);
        let link = format!(
            "s1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bomb)
        );
        assert!(link.len() < MAX_LINK_CHARS);
        assert!(decode_link(&link)
            .expect_err("capped")
            .to_string()
            .contains("too large"));
    }
}
