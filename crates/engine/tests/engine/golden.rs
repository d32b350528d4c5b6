//! Golden values: a fixed scenario and seed must keep giving exactly the same
//! summary. The same file is checked in the browser (wasm32) by the app's
//! `tests/engine_wasm.rs`, so native and wasm results are proven identical.
//!
//! To regenerate after a deliberate model change: `UPDATE_GOLDEN=1 cargo test -p engine golden`.

use engine::{Scenario, ScenarioInput, Simulation};

const SCENARIO: &str = include_str!("../golden/scenario.json");
const SUMMARY_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/summary.json");

#[test]
fn fixed_seed_summary_is_unchanged() {
    let input: ScenarioInput = serde_json::from_str(SCENARIO).expect("golden scenario parses");
    let mut sim = Simulation::new(Scenario::new(&input).expect("golden scenario is valid"));
    sim.step(u64::MAX);
    let got = serde_json::to_string_pretty(&sim.summary()).expect("serialises") + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(SUMMARY_PATH, &got).expect("writes golden file");
    }
    let want = std::fs::read_to_string(SUMMARY_PATH).expect("golden summary exists");
    if let Some((i, (g, w))) = got
        .lines()
        .zip(want.lines())
        .enumerate()
        .find(|(_, (g, w))| g != w)
    {
        panic!(
            "summary changed for the golden scenario at line {}: got `{g}`, want `{w}`",
            i + 1
        );
    }
    assert_eq!(
        got.lines().count(),
        want.lines().count(),
        "summary length changed"
    );
}
