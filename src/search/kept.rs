//! Search tokens kept between builds, so a rebuild tokenises only the documents
//! whose text changed: cutting Thai text into dictionary words is most of the cost
//! of indexing a large site.
//!
//! Tokens are interned: each distinct token has a number, and a document's tokens
//! are a list of numbers (with one bit saying "in the title"). Postings are then
//! built by number, and only the distinct tokens are ever compared as text.
//!
//! `khaosan build` keeps the store in `.khaosan/cache/search-tokens.bin`, outside
//! the public folder; `khaosan serve` keeps it in memory. A document is found by a
//! SHA-256 of its title and text, so an entry can only ever give the tokens of
//! exactly that text. The file is checked as a whole and written by this very
//! khaosan binary; anything else is ignored and the tokens are made again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use sha2::{Digest as _, Sha256};

pub use crate::render::reuse::Hash;
use crate::render::reuse::cache_file;

/// A document's tokens: `id << 1 | in_title` for each distinct token.
pub type Ids = Arc<[u32]>;

/// Interned tokens and the documents tokenised so far.
#[derive(Default)]
pub struct TokenStore {
    /// Token by number.
    table: Vec<Box<str>>,
    /// Number by token. Every token of every new document is looked up here:
    /// foldhash, as for `document_tokens`.
    numbers: foldhash::HashMap<Box<str>, u32>,
    /// Tokens by document key, from the previous build.
    kept: HashMap<Hash, Ids>,
    /// Documents of this build, which the next one will find.
    used: HashMap<Hash, Ids>,
    /// Documents tokenised anew by this build.
    fresh: usize,
    /// The cache file; `None` keeps nothing on disk.
    file: Option<PathBuf>,
}

/// The store of the running `khaosan serve`, between its rebuilds.
static MEMO: Mutex<Option<TokenStore>> = Mutex::new(None);
/// Whether [`MEMO`] is used (only `serve` turns it on).
static MEMO_ON: AtomicBool = AtomicBool::new(false);

const MAGIC: &[u8] = b"khaosan-search-tokens\n";

/// The key of a document of `title` and `text`.
pub fn key(title: &str, text: &str) -> Hash {
    digest(b"", &[title.as_bytes(), text.as_bytes()])
}

/// The key of an item's document, from what its text is made of (so the body's
/// words need not be taken out of its Markdown when they were kept): the title,
/// the summary, the tags, the Markdown (by its SHA-256, made once per build) and
/// the attachment names. Marked as an item's, so it never equals a [`key`].
pub fn item_key(
    title: &str,
    summary: &str,
    tags: &str,
    body_digest: &Hash,
    attachments: &str,
) -> Hash {
    digest(
        b"item 2\0",
        &[
            title.as_bytes(),
            summary.as_bytes(),
            tags.as_bytes(),
            body_digest,
            attachments.as_bytes(),
        ],
    )
}

/// SHA-256 of `mark` and the parts, each length-prefixed so none runs into the next.
fn digest(mark: &[u8], parts: &[&[u8]]) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update(mark);
    for part in parts {
        crate::render::reuse::feed(&mut hasher, part);
    }
    hasher.finalize().into()
}

impl TokenStore {
    /// A store for this process only (`check`, previews, tests); the one `serve`
    /// kept from its previous rebuild when [`enable_memo`] was called.
    pub fn in_process() -> TokenStore {
        if !MEMO_ON.load(Ordering::Relaxed) {
            return TokenStore::default();
        }
        let kept = MEMO.lock().ok().and_then(|mut memo| memo.take());
        kept.map(TokenStore::carried_over).unwrap_or_default()
    }

    /// The store of the previous build at `file`; missing, corrupt or foreign files
    /// give an empty store.
    pub fn open(file: &Path) -> TokenStore {
        let mut store = std::fs::read(file)
            .ok()
            .and_then(|bytes| read(&bytes))
            .unwrap_or_default();
        store.file = Some(file.to_path_buf());
        store
    }

    /// Last build's documents become the ones to look up.
    fn carried_over(mut self) -> TokenStore {
        self.kept = std::mem::take(&mut self.used);
        self.fresh = 0;
        self
    }

    /// The kept tokens of the document with `key`, if it was tokenised before.
    pub fn lookup(&self, key: &Hash) -> Option<Ids> {
        self.kept.get(key).cloned()
    }

    /// Records that this build indexes the document `key` with `ids`.
    pub fn use_kept(&mut self, key: Hash, ids: Ids) {
        self.used.insert(key, ids);
    }

    /// Interns freshly made tokens of the document `key`; returns their numbers.
    pub fn add<'t>(&mut self, key: Hash, tokens: impl IntoIterator<Item = (&'t str, bool)>) -> Ids {
        let ids: Ids = tokens
            .into_iter()
            .map(|(token, in_title)| self.number(token) << 1 | u32::from(in_title))
            .collect();
        self.used.insert(key, Arc::clone(&ids));
        self.fresh += 1;
        ids
    }

    fn number(&mut self, token: &str) -> u32 {
        if let Some(&n) = self.numbers.get(token) {
            return n;
        }
        let n = self.table.len() as u32;
        self.table.push(token.into());
        self.numbers.insert(token.into(), n);
        n
    }

    /// The token numbered `n`.
    pub fn token(&self, n: u32) -> &str {
        self.table.get(n as usize).map_or("", |t| t)
    }

    /// How many tokens are numbered.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Keeps this build's documents: on disk for `build` (only when enough changed;
    /// a cache that cannot be written only makes the next build slower), in memory
    /// for `serve`.
    pub fn save(self) {
        let Some(file) = &self.file else {
            if MEMO_ON.load(Ordering::Relaxed)
                && let Ok(mut memo) = MEMO.lock()
            {
                *memo = Some(self);
            }
            return;
        };
        // Writing the whole file again costs more than cutting a few documents
        // into words again: it is rewritten once a fiftieth of this build's
        // documents are new, or a fiftieth of those it holds are no longer used.
        let found = self.used.len().saturating_sub(self.fresh);
        let unused = self.kept.len().saturating_sub(found);
        if self.fresh * 50 <= self.used.len() && unused * 50 <= self.kept.len() {
            return;
        }
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Some(bytes) = self.bytes() {
            let _ = crate::write::replace_file(file, &bytes);
        }
    }

    /// The file: the tokens this build's documents use, renumbered densely, then
    /// each document's numbers.
    fn bytes(&self) -> Option<Vec<u8>> {
        const UNSEEN: u32 = u32::MAX;
        let mut renumber = vec![UNSEEN; self.table.len()];
        let mut table: Vec<&str> = Vec::new();
        let mut docs: Vec<(&Hash, Vec<u32>)> = Vec::with_capacity(self.used.len());
        for (key, ids) in &self.used {
            let ids = ids
                .iter()
                .map(|&id| {
                    let slot = &mut renumber[(id >> 1) as usize];
                    if *slot == UNSEEN {
                        *slot = table.len() as u32;
                        table.push(self.token(id >> 1));
                    }
                    *slot << 1 | (id & 1)
                })
                .collect();
            docs.push((key, ids));
        }
        let mut out = cache_file::header(MAGIC);
        out.extend_from_slice(&(table.len() as u64).to_le_bytes());
        for token in table {
            cache_file::put_bytes(&mut out, token.as_bytes());
        }
        out.extend_from_slice(&(docs.len() as u64).to_le_bytes());
        for (key, ids) in docs {
            out.extend_from_slice(key);
            out.extend_from_slice(&(ids.len() as u64).to_le_bytes());
            for id in ids {
                out.extend_from_slice(&id.to_le_bytes());
            }
        }
        cache_file::seal(out)
    }
}

/// Keeps the store of each `serve` rebuild in memory for the next one.
pub fn enable_memo() {
    MEMO_ON.store(true, Ordering::Relaxed);
}

/// A store read back; any inconsistency (a number beyond the table included) ends
/// in `None`.
fn read(bytes: &[u8]) -> Option<TokenStore> {
    let mut reader = cache_file::Reader::checked(bytes, MAGIC)?;
    let count = usize::try_from(reader.u64()?).ok()?;
    let mut store = TokenStore::default();
    for _ in 0..count {
        let token = std::str::from_utf8(reader.bytes()?).ok()?;
        if store.number(token) as usize != store.table.len() - 1 {
            return None;
        }
    }
    let docs = reader.u64()?;
    for _ in 0..docs {
        let key = reader.hash()?;
        let n = usize::try_from(reader.u64()?).ok()?;
        let raw = reader.take(n.checked_mul(4)?)?;
        let ids: Ids = raw
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        if ids.iter().any(|&id| (id >> 1) as usize >= count) {
            return None;
        }
        store.kept.insert(key, ids);
    }
    store.fresh = 0;
    reader.is_empty().then_some(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(list: &[(&str, bool)]) -> Vec<(String, bool)> {
        list.iter().map(|(t, b)| (t.to_string(), *b)).collect()
    }

    #[test]
    fn kept_tokens_come_back_from_the_file_and_corruption_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("search-tokens.bin");
        let mut store = TokenStore::open(&file);
        let a = key("ไข้เลือดออก", "กำจัดลูกน้ำ");
        let b = key("flu", "vaccine");
        store.add(a, [("gไข้", true), ("wกำจัด", false)]);
        store.add(b, [("wflu", true), ("gไข้", false)]);
        store.save();

        let again = TokenStore::open(&file);
        let names = |ids: Ids| -> Vec<(String, bool)> {
            ids.iter()
                .map(|&id| (again.token(id >> 1).to_string(), id & 1 == 1))
                .collect()
        };
        assert_eq!(
            names(again.lookup(&a).unwrap()),
            tokens(&[("gไข้", true), ("wกำจัด", false)])
        );
        assert_eq!(
            names(again.lookup(&b).unwrap()),
            tokens(&[("wflu", true), ("gไข้", false)])
        );
        assert!(again.lookup(&key("other", "")).is_none());

        let bytes = std::fs::read(&file).unwrap();
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(read(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 1;
        assert!(read(&flipped).is_none());
        std::fs::write(&file, b"not a cache").unwrap();
        assert!(TokenStore::open(&file).lookup(&a).is_none());
    }

    #[test]
    fn keys_separate_title_from_text() {
        assert_ne!(key("ab", "c"), key("a", "bc"));
    }
}
