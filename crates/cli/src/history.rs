//! `fit`'s inputs: the export's bytes, the dates given on the command line
//! and the stage-map file, with messages that say what is wrong and where.

use engine::history::{DateOrder, Day, FitOptions, HistoryError, Target};
use std::path::{Path, PathBuf};

/// Reads a `YYYY-MM-DD` option.
pub fn day(flag: &str, text: &str) -> Result<Day, String> {
    Day::parse_iso(text.trim())
        .ok_or_else(|| format!("{flag} must be a date written YYYY-MM-DD (got \"{text}\")"))
}

/// Reads `--date-order`.
pub fn date_order(text: &str) -> Result<DateOrder, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "dmy" => Ok(DateOrder::Dmy),
        "mdy" => Ok(DateOrder::Mdy),
        _ => Err(format!(
            "--date-order must be dmy (day first) or mdy (month first) (got \"{text}\")"
        )),
    }
}

/// Reads a stage map: a JSON object from CRM stage label to `"Prospecting"`
/// … `"Closing"`, `"won"`, `"lost"` or `"ignore"`.
pub fn stage_map(path: &Path) -> Result<Vec<(String, Target)>, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{shown}: cannot read the stage map: {e}"))?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{shown}: the stage map is not valid JSON ({e})"))?;
    let Some(object) = value.as_object() else {
        return Err(format!(
            "{shown}: the stage map must be a JSON object from CRM stage label to a funnel stage, e.g. {{\"Demo booked\": \"Presentation\"}}"
        ));
    };
    object
        .iter()
        .map(|(label, target)| {
            target
                .as_str()
                .and_then(Target::parse)
                .map(|t| (label.clone(), t))
                .ok_or_else(|| {
                    format!(
                        "{shown}: \"{label}\" maps to {target}; use one of \"Prospecting\", \"Qualification\", \"Needs assessment\", \"Presentation\", \"Handling objections\", \"Closing\", \"won\", \"lost\" or \"ignore\""
                    )
                })
        })
        .collect()
}

/// How to read the export: the options `fit` and `backtest` share.
#[derive(clap::Args)]
pub struct ImportArgs {
    /// Only deals created on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// JSON object from CRM stage label to "Prospecting" … "Closing", "won", "lost" or "ignore".
    #[arg(long)]
    pub stage_map: Option<PathBuf>,
    /// How to read dates like 03/04/2025: dmy (day first) or mdy (month first).
    #[arg(long)]
    pub date_order: Option<String>,
}

impl ImportArgs {
    /// The engine's options, seen at the end of `as_of` (None: the file's latest date).
    pub fn options(&self, as_of: Option<&str>) -> Result<FitOptions, String> {
        options(
            as_of,
            self.since.as_deref(),
            self.date_order.as_deref(),
            self.stage_map.as_deref(),
        )
    }
}

/// Everything `fit` was told, as the engine's options.
pub fn options(
    as_of: Option<&str>,
    since: Option<&str>,
    date_order: Option<&str>,
    map: Option<&Path>,
) -> Result<FitOptions, String> {
    Ok(FitOptions {
        as_of: as_of.map(|t| day("--as-of", t)).transpose()?,
        since: since.map(|t| day("--since", t)).transpose()?,
        date_order: date_order.map(self::date_order).transpose()?,
        stage_map: map.map(stage_map).transpose()?.unwrap_or_default(),
    })
}

/// What to do about an error the command line's options can fix.
pub fn hint(error: &HistoryError) -> &'static str {
    match error {
        HistoryError::UnmappedLabels(_) => {
            "\nMap them with --stage-map MAP.json, e.g. {\"Demo booked\": \"Presentation\", \"On hold\": \"ignore\"}."
        }
        HistoryError::AmbiguousDates { .. } => {
            "\nSay which with --date-order dmy (day first) or --date-order mdy (month first)."
        }
        _ => "",
    }
}
