//! The engine gives in wasm exactly the summary it gives natively: the golden
//! file written by the native test is compared byte for byte.

use engine::{Scenario, ScenarioInput, Simulation};
use wasm_bindgen_test::wasm_bindgen_test;

const SCENARIO: &str = include_str!("../../crates/engine/tests/golden/scenario.json");
const SUMMARY: &str = include_str!("../../crates/engine/tests/golden/summary.json");

#[wasm_bindgen_test]
fn wasm_summary_equals_native_golden() {
    let input: ScenarioInput = serde_json::from_str(SCENARIO).expect("parses");
    let mut sim = Simulation::new(Scenario::new(&input).expect("valid"));
    // Odd chunks, as the worker would run them.
    while !sim.is_done() {
        sim.step(333);
    }
    let got = serde_json::to_string_pretty(&sim.summary()).expect("serialises") + "\n";
    assert_eq!(got, SUMMARY);
}

const QUARTER: &str = include_str!("../../crates/engine/tests/golden/quarter.json");

#[path = "../../crates/engine/tests/support/quarter_digest.rs"]
mod quarter_digest;

/// The per-deal view of a trial is the same in wasm: the digest written by
/// the native test `deals::golden_quarter_is_unchanged` is matched exactly.
#[wasm_bindgen_test]
fn wasm_quarter_equals_native_golden() {
    use engine::{Model, Quarter};
    let input: ScenarioInput = serde_json::from_str(SCENARIO).expect("parses");
    let model = Model::new(Scenario::new(&input).expect("valid"));
    let q = Quarter::new(&model, 3).expect("fits");
    assert_eq!(quarter_digest::digest(&q), QUARTER);
}
