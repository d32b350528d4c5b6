//! The draft survives a save/load round trip through real localStorage, and
//! unreadable data is kept aside rather than lost.

use crate::util::local_storage;
use engine::ScenarioInput;
use funnelcast::library_ops;
use funnelcast::storage::{
    self, DraftLoad, LocalStore, StorageError, Store, DRAFT_KEY, UNREADABLE_PREFIX,
};
use wasm_bindgen_test::wasm_bindgen_test;

fn edited() -> ScenarioInput {
    let mut input = ScenarioInput::default();
    input.stages[1].rate = 0.3;
    input.leads = engine::LeadsInput::Count(4321.0);
    input
}

#[wasm_bindgen_test]
fn save_then_load_round_trips() {
    local_storage().clear().expect("clear");
    assert_eq!(library_ops::load_draft(), DraftLoad::Empty);
    library_ops::save_draft(&edited()).expect("saves");
    let raw = local_storage().get_item(DRAFT_KEY).expect("reads");
    assert!(raw.is_some_and(|r| r.contains("\"version\":1")));
    assert_eq!(library_ops::load_draft(), DraftLoad::Loaded(edited()));
}

#[wasm_bindgen_test]
fn corrupted_draft_is_kept_aside_not_dropped() {
    let store = local_storage();
    store.clear().expect("clear");
    let garbage = "{\"app\":\"funnelcast\",\"version\":1,\"scen";
    store.set_item(DRAFT_KEY, garbage).expect("write");
    let DraftLoad::Unreadable { raw, kept_as, .. } = library_ops::load_draft() else {
        panic!("corrupted draft must be reported as unreadable");
    };
    assert_eq!(raw, garbage);
    let key = kept_as.expect("a copy was kept");
    assert!(key.starts_with(UNREADABLE_PREFIX));
    assert_eq!(
        store.get_item(&key).expect("reads").as_deref(),
        Some(garbage)
    );
    // The draft's key is freed only once the copy exists, so a second load
    // does not copy it again.
    assert_eq!(store.get_item(DRAFT_KEY).expect("reads"), None);
    assert_eq!(library_ops::load_draft(), DraftLoad::Empty);
}

#[wasm_bindgen_test]
fn newer_version_is_reported_and_left_alone() {
    let store = local_storage();
    store.clear().expect("clear");
    let newer = storage::encode_draft(&edited(), 0.0)
        .expect("encodes")
        .replace("\"version\":1,\"saved_at\"", "\"version\":99,\"saved_at\"");
    store.set_item(DRAFT_KEY, &newer).expect("write");
    let DraftLoad::Unreadable {
        reason, kept_as, ..
    } = library_ops::load_draft()
    else {
        panic!("newer draft must not load");
    };
    assert_eq!(reason, storage::DecodeError::NewerVersion(99));
    assert_eq!(kept_as, None, "left in place, not copied");
    assert_eq!(
        store.get_item(DRAFT_KEY).expect("reads").as_deref(),
        Some(newer.as_str())
    );
}

#[wasm_bindgen_test]
fn a_full_storage_is_recognised() {
    let store = local_storage();
    store.clear().expect("clear");
    // Far beyond Chromium's 5 MB per-origin quota.
    let huge = "x".repeat(12_000_000);
    assert_eq!(
        LocalStore.set("funnelcast.test.huge", &huge),
        Err(StorageError::Full)
    );
    // What was there before is untouched and a normal save still works.
    library_ops::save_draft(&edited()).expect("saves after a failed write");
    assert_eq!(library_ops::load_draft(), DraftLoad::Loaded(edited()));
    store.clear().expect("clear");
}
