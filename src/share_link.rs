//! A share link's address: this page, with the scenario in the fragment
//! (`storage::files::encode_link`). The workspace's "Copy share link" and the
//! classroom's QR code both make it here, so a phone opens exactly what the
//! laptop shows.

use crate::storage::files::encode_link;
use crate::storage::EncodeError;
use engine::ScenarioInput;

/// This page's address without its query or fragment (None outside a
/// browser window).
pub fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    ))
}

/// The link at `page` that opens `scenario`.
pub fn share_url(page: &str, scenario: &ScenarioInput) -> Result<String, EncodeError> {
    Ok(format!("{page}#{}", encode_link(scenario)?))
}
