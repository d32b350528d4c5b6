//! JSON message encoding for gloo-worker.
//!
//! gloo-worker's default, bincode, is not self-describing and cannot read the
//! scenario format's whole-number-or-float fields; JSON can.

use gloo::worker::Codec;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsValue, UnwrapThrowExt};

/// Encodes worker messages as JSON strings.
#[derive(Debug)]
pub struct Json;

impl Codec for Json {
    fn encode<I: Serialize>(input: I) -> JsValue {
        let text = serde_json::to_string(&input).expect_throw("worker message serialises");
        JsValue::from_str(&text)
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        let text = input.as_string().unwrap_or_default();
        serde_json::from_str(&text).expect_throw("worker message is valid JSON")
    }
}
