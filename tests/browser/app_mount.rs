//! The real app, mounted in the test page: it starts from saved data, and a
//! corrupted saved value neither crashes it nor is overwritten unannounced.

use crate::util::{local_storage, until};
use funnelcast::app::App;
use funnelcast::library_ops;
use funnelcast::storage::{DRAFT_KEY, UNREADABLE_PREFIX};
use wasm_bindgen_test::wasm_bindgen_test;

fn mount() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

#[wasm_bindgen_test]
async fn corrupted_draft_shows_a_notice_and_the_original_is_kept() {
    let store = local_storage();
    store.clear().expect("clear");
    store.set_item(DRAFT_KEY, "not json at all").expect("write");
    let root = mount();
    until("the notice", || {
        root.text_content()
            .unwrap_or_default()
            .contains("Your saved scenario could not be read")
    })
    .await;
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("Your saved scenario could not be read"),
        "{text}"
    );
    assert!(
        text.contains("Qualification"),
        "the app still renders its stages"
    );
    // The original is in a side key, so autosave may now replace the draft.
    let mut kept = None;
    for i in 0..store.length().expect("length") {
        let key = store.key(i).expect("key").unwrap_or_default();
        if key.starts_with(UNREADABLE_PREFIX) {
            kept = store.get_item(&key).expect("reads");
        }
    }
    assert_eq!(kept.as_deref(), Some("not json at all"));
    root.remove();
    store.clear().expect("clear");
}

#[wasm_bindgen_test]
async fn saved_rate_is_shown_after_start() {
    let store = local_storage();
    store.clear().expect("clear");
    let mut input = engine::ScenarioInput::default();
    input.stages[1].rate = 0.3;
    library_ops::save_draft(&input).expect("saves");
    let root = mount();
    until("the stages drawn", || {
        root.query_selector("#rate-1").ok().flatten().is_some()
    })
    .await;
    let field = root
        .query_selector("#rate-1")
        .expect("selector")
        .expect("Qualification rate field");
    let value = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(field)
        .expect("input")
        .value();
    assert_eq!(value, "30");
    root.remove();
    store.clear().expect("clear");
}
