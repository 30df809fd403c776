//! Rendered Markdown and search tokens kept between the rebuilds of `khaosan serve`,
//! by content hash, so a save re-renders the Markdown and re-tokenises the text of the
//! edited item only. Off unless [`enable`]d: `khaosan build` runs once and keeps
//! nothing here (its own cache is in [`super::reuse`]).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::sync::{Arc, Mutex};

use super::markdown;

/// Body HTML by the hash of (Markdown, base path); `None` while disabled.
static BODIES: Mutex<Option<HashMap<u64, Arc<str>>>> = Mutex::new(None);

/// A document's search tokens (token, whether in the title) by a SHA-256 of its
/// title and text; `None` while disabled.
type TokenSets = HashMap<[u8; 32], Arc<Vec<(String, bool)>>>;
static TOKENS: Mutex<Option<TokenSets>> = Mutex::new(None);

/// Keeps rendered bodies and search tokens from now on (for the life of the process).
pub fn enable() {
    if let Ok(mut cache) = BODIES.lock()
        && cache.is_none()
    {
        *cache = Some(HashMap::new());
    }
    if let Ok(mut cache) = TOKENS.lock()
        && cache.is_none()
    {
        *cache = Some(HashMap::new());
    }
}

/// The search tokens of a document of `title` and `text`, made by `make` unless the
/// same title and text were tokenised before.
pub fn tokens(
    title: &str,
    text: &str,
    make: impl FnOnce() -> Vec<(String, bool)>,
) -> Arc<Vec<(String, bool)>> {
    use sha2::Digest as _;
    let mut hasher = sha2::Sha256::new();
    for part in [title, text] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    let key: [u8; 32] = hasher.finalize().into();
    if let Ok(cache) = TOKENS.lock()
        && let Some(tokens) = cache.as_ref().and_then(|c| c.get(&key))
    {
        return Arc::clone(tokens);
    }
    let tokens = Arc::new(make());
    if let Ok(mut cache) = TOKENS.lock()
        && let Some(cache) = cache.as_mut()
    {
        cache.insert(key, Arc::clone(&tokens));
    }
    tokens
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
