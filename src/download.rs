//! Offering text to the user as a downloaded file.

use wasm_bindgen::JsCast;

/// Starts a download of `contents` named `filename`. Returns false if the
/// browser refused (the caller then tells the user).
pub fn download_text(filename: &str, mime: &str, contents: &str) -> bool {
    try_download(filename, mime, contents).is_some()
}

fn try_download(filename: &str, mime: &str, contents: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // Revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Some(())
}
