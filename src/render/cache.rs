//! Rendered Markdown (and, through [`crate::search::kept`], search tokens) kept
//! between the rebuilds of `khaosan serve`, by content hash, so a save re-renders the
//! Markdown and re-tokenises the text of the edited item only. Off unless
//! [`enable`]d: `khaosan build` keeps its own cache on disk ([`super::reuse`]).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::sync::{Arc, Mutex};

use super::markdown;

/// Body HTML by the hash of (Markdown, base path); `None` while disabled.
static BODIES: Mutex<Option<HashMap<u64, Arc<str>>>> = Mutex::new(None);

/// Keeps rendered bodies and search tokens from now on (for the life of the process).
pub fn enable() {
    if let Ok(mut cache) = BODIES.lock()
        && cache.is_none()
    {
        *cache = Some(HashMap::new());
    }
    crate::search::kept::enable_memo();
}

/// The safe HTML of a body, its root-relative links under `base_path`: from the
/// cache when the same text was rendered before.
pub fn body_html(body: &str, base_path: &str) -> String {
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    base_path.hash(&mut hasher);
    let key = hasher.finish();
    if let Ok(cache) = BODIES.lock()
        && let Some(html) = cache.as_ref().and_then(|c| c.get(&key))
    {
        return html.to_string();
    }
    let html = markdown::rebase_links(&markdown::render(body).html, base_path);
    if let Ok(mut cache) = BODIES.lock()
        && let Some(cache) = cache.as_mut()
    {
        cache.insert(key, Arc::from(html.as_str()));
    }
    html
}
