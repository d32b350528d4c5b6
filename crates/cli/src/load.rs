//! Reading a scenario file, with messages that say what is wrong and where.

use engine::{Scenario, ScenarioInput, FORMAT_VERSION};
use std::path::Path;

/// Reads, parses and validates a scenario file.
pub fn scenario(path: &Path) -> Result<Scenario, String> {
    let shown = path.display();
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read the file: {e}"))?;
    parse(&text).map_err(|problems| {
        let mut out = format!("{shown}: not a valid Funnelcast scenario:");
        for p in problems {
            out.push_str("\n  - ");
            out.push_str(&p);
        }
        out
    })
}

/// Reads a file as both the input (for variants) and the validated scenario.
pub fn input_and_scenario(path: &Path) -> Result<(ScenarioInput, Scenario), String> {
    let scenario = scenario(path)?;
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the file: {e}", path.display()))?;
    let input: ScenarioInput =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((input, scenario))
}

/// Parses and validates scenario JSON; every problem found, one per entry.
pub fn parse(text: &str) -> Result<Scenario, Vec<String>> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| vec![format!("the file is not valid JSON ({e})")])?;
    let Some(object) = value.as_object() else {
        return Err(vec![
            "the file must hold a JSON object (`{ ... }`)".to_owned()
        ]);
    };
    // The version first: a newer file gets a clear answer, not field errors.
    match object.get("version").map(|v| v.as_u64()) {
        None => return Err(vec![format!("version: missing (this file format needs \"version\": {FORMAT_VERSION})")]),
        Some(None) => return Err(vec!["version: must be a whole number".to_owned()]),
        Some(Some(v)) if v > u64::from(FORMAT_VERSION) => {
            return Err(vec![format!(
                "version: format version {v} is newer than this version of Funnelcast understands ({FORMAT_VERSION}); update Funnelcast to open it"
            )])
        }
        Some(Some(_)) => {}
    }
    let input: ScenarioInput = serde_json::from_value(value).map_err(|e| vec![e.to_string()])?;
    Scenario::new(&input).map_err(|err| err.errors.iter().map(|e| e.to_string()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_their_field() {
        let err = parse(
            r#"{"version": 1, "leads": {"count": -1}, "stages": [], "trials": 10, "seed": 1}"#,
        )
        .expect_err("invalid");
        assert_eq!(err.len(), 2, "{err:?}");
        assert!(err[0].starts_with("leads: "));
        assert!(err[1].starts_with("stages: there must be exactly 7"));
    }

    #[test]
    fn syntax_errors_unknown_fields_and_newer_versions() {
        assert!(parse("{").expect_err("bad")[0].contains("not valid JSON"));
        assert!(parse("[1]").expect_err("bad")[0].contains("JSON object"));
        assert!(parse(r#"{"version": 9}"#).expect_err("bad")[0].contains("newer"));
        let unknown = parse(r#"{"version": 1, "colour": "red"}"#).expect_err("bad");
        assert!(unknown[0].contains("unknown field `colour`"), "{unknown:?}");
    }
}
