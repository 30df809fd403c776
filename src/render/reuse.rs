//! Reuse of pages whose inputs did not change since the previous build.
//!
//! Every page job gets a **key**: a SHA-256 of everything its bytes can depend on —
//! the khaosan binary, the theme's templates, the filter settings, `site.toml` and
//! the register, the context shared by every page of its language, and the page's
//! own template context in full. Templates are pure functions of these (khaosan's
//! Tera has no clock and no randomness), so equal keys mean equal bytes.
//!
//! - `khaosan build` keeps a manifest (output path → key, length, SHA-256 of the
//!   bytes, and the file's stamp: inode and modification time) in `.khaosan/cache/`,
//!   outside the public folder. A page whose key matches the manifest is linked from
//!   the current output instead of rendered, when that file is still the one the
//!   manifest stamped, or else still holds those exact bytes (read and checked).
//! - `khaosan serve` keeps the bytes of the last build's pages in memory, by key.
//!
//! Nothing here can publish what a build would not: a withheld item is not in the
//! live-only `Site`, so no job exists for it, and a page that shows it changes its
//! context and so its key. The build time (`site.build_time`) is left out of the
//! key only for templates that provably never show it (see [`may_show_build_time`]),
//! so a daily rebuild can reuse pages at all; every other value of the context is in.
//! The cache files are safe to delete; a corrupt one, or one written by another
//! khaosan binary, is ignored.

pub mod cache_file;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use serde_json::Value;
use sha2::{Digest as _, Sha256};

use super::templates::{FilterSettings, Theme};
use crate::content::Lang;
use crate::search::kept::TokenStore;
use crate::site::Site;
use crate::write::{Sink, Stamp, Written};

/// A page's key, or a content digest.
pub type Hash = [u8; 32];

/// What the manifest knows of one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    key: Hash,
    written: Written,
}

/// Pages of the last `serve` build by key, while serving (`None` otherwise).
static MEMO: Mutex<Option<HashMap<Hash, Arc<[u8]>>>> = Mutex::new(None);

/// Keeps the pages of each `serve` build in memory for the next one.
pub fn enable_memo() {
    if let Ok(mut memo) = MEMO.lock()
        && memo.is_none()
    {
        *memo = Some(HashMap::new());
    }
}

/// The previous build as far as reuse goes, and what this build adds.
pub struct Pages {
    /// Where the manifest and the body cache live; `None`: nothing is kept on disk.
    store: Option<Store>,
    previous: HashMap<String, Entry>,
    fresh: Mutex<Vec<(String, Entry)>>,
    /// The serve memo of this build, moved into [`MEMO`] when rendering succeeds.
    memo_next: Option<Mutex<HashMap<Hash, Arc<[u8]>>>>,
    reused: std::sync::atomic::AtomicUsize,
    /// Search tokens of the documents indexed before.
    tokens: Mutex<Option<TokenStore>>,
}

struct Store {
    manifest: PathBuf,
    /// The output folder, whose files are stamped once the build is in place.
    out: PathBuf,
}

impl Pages {
    /// No previous build on disk: `check`, previews, and `serve` (which uses the
    /// in-memory pages of its last build when [`enable_memo`] was called).
    pub fn in_process() -> Pages {
        let memo = MEMO.lock().ok().is_some_and(|m| m.is_some());
        Pages {
            store: None,
            previous: HashMap::new(),
            fresh: Mutex::new(Vec::new()),
            memo_next: memo.then(|| Mutex::new(HashMap::new())),
            reused: Default::default(),
            tokens: Mutex::new(Some(TokenStore::in_process())),
        }
    }

    /// The manifest of the previous build into `out` and the kept search tokens,
    /// from `<root>/.khaosan/cache/`. Missing, corrupt or foreign files count as empty.
    pub fn open(root: &Path, out: &Path) -> Pages {
        let dir = root.join(".khaosan").join("cache");
        let out = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
        let id = Sha256::digest(out.to_string_lossy().as_bytes());
        let store = Store {
            manifest: dir.join(format!("pages-{}.bin", hex(&id[..8]))),
            out: out.clone(),
        };
        // Two independent files, each checked and parsed: one on each core.
        let (tokens, previous) = rayon::join(
            || TokenStore::open(&dir.join("search-tokens.bin")),
            || {
                std::fs::read(&store.manifest)
                    .ok()
                    .and_then(|bytes| read_manifest(&bytes))
                    .unwrap_or_default()
            },
        );
        Pages {
            store: Some(store),
            previous,
            fresh: Mutex::new(Vec::new()),
            memo_next: None,
            reused: Default::default(),
            tokens: Mutex::new(Some(tokens)),
        }
    }

    /// The search tokens kept from earlier builds, for the search index (which
    /// takes them once per build).
    pub(crate) fn search_tokens(&self) -> TokenStore {
        self.tokens
            .lock()
            .ok()
            .and_then(|mut t| t.take())
            .unwrap_or_default()
    }

    /// Hands back the tokens after indexing, to be kept for the next build.
    pub(crate) fn keep_search_tokens(&self, store: TokenStore) {
        if let Ok(mut tokens) = self.tokens.lock() {
            *tokens = Some(store);
        }
    }

    /// How many pages were reused rather than rendered.
    pub fn reused(&self) -> usize {
        self.reused.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Puts the page at `path` in place without rendering it, when its key is the
    /// one its present bytes were made from. `false`: render it.
    pub(super) fn reuse(&self, path: &str, key: &Hash, sink: &dyn Sink) -> anyhow::Result<bool> {
        let from_memo = MEMO
            .lock()
            .ok()
            .and_then(|memo| memo.as_ref().and_then(|m| m.get(key).cloned()));
        if let Some(bytes) = from_memo {
            sink.write(path, &bytes)?;
            self.remember(path, *key, &bytes);
        } else {
            let Some(entry) = self.previous.get(path).filter(|e| e.key == *key) else {
                return Ok(false);
            };
            if !sink.keep(path, &entry.written)? {
                return Ok(false);
            }
            if let Ok(mut fresh) = self.fresh.lock() {
                fresh.push((path.to_string(), *entry));
            }
        }
        self.reused
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(true)
    }

    /// Records the bytes just rendered for `path` under `key`.
    pub(super) fn rendered(&self, path: &str, key: Hash, bytes: &[u8]) {
        self.remember(path, key, bytes);
    }

    fn remember(&self, path: &str, key: Hash, bytes: &[u8]) {
        if let Some(memo) = &self.memo_next
            && let Ok(mut memo) = memo.lock()
        {
            memo.insert(key, Arc::from(bytes));
        }
        if self.store.is_some() {
            let entry = Entry {
                key,
                written: Written {
                    len: bytes.len() as u64,
                    digest: Sha256::digest(bytes).into(),
                    stamp: None,
                },
            };
            if let Ok(mut fresh) = self.fresh.lock() {
                fresh.push((path.to_string(), entry));
            }
        }
    }

    /// Rendering succeeded: the serve memo now holds this build's pages only.
    pub(super) fn finish_render(&self) {
        if self.store.is_none()
            && let Some(tokens) = self.tokens.lock().ok().and_then(|mut t| t.take())
        {
            tokens.save();
        }
        let Some(next) = &self.memo_next else { return };
        let Ok(mut next) = next.lock() else { return };
        if let Ok(mut memo) = MEMO.lock()
            && memo.is_some()
        {
            *memo = Some(std::mem::take(&mut *next));
        }
    }

    /// Writes the manifest of the output just put in place, each file with its
    /// stamp as it is now, and the search tokens. Call after the output is
    /// committed. A cache that cannot be written only makes the next build slower,
    /// so this never fails the build.
    pub fn save(self) {
        let Some(store) = &self.store else { return };
        if let Some(dir) = store.manifest.parent()
            && std::fs::create_dir_all(dir).is_err()
        {
            return;
        }
        let tokens = self.tokens.into_inner().ok().flatten();
        let mut fresh = self.fresh.into_inner().unwrap_or_default();
        // The search words are written while the pages' stamps are taken.
        rayon::join(
            || tokens.map(TokenStore::save),
            || {
                fresh.par_iter_mut().for_each(|(path, entry)| {
                    entry.written.stamp = std::fs::symlink_metadata(store.out.join(path.as_str()))
                        .ok()
                        .filter(|meta| meta.is_file() && meta.len() == entry.written.len)
                        .map(|meta| Stamp::of(&meta));
                });
            },
        );
        if let Some(bytes) = manifest_bytes(&fresh) {
            let _ = crate::write::replace_file(&store.manifest, &bytes);
        }
    }
}

/// Computes the keys of one build's pages and asks [`Pages`] about them.
pub(super) struct Reuse<'p> {
    pub(super) pages: &'p Pages,
    /// Hasher state after everything every page shares.
    salt: Sha256,
    /// Digest of the shared context per language, with and without the build time.
    base: BTreeMap<(Lang, bool), Hash>,
    /// Templates whose output may show the build time.
    timed: BTreeSet<String>,
}

impl<'p> Reuse<'p> {
    pub(super) fn new(
        pages: &'p Pages,
        site: &Site<'_>,
        theme: &Theme,
        settings: FilterSettings,
        assets: &BTreeMap<String, String>,
        base: &BTreeMap<Lang, tera::Context>,
        images: &super::images::Images,
    ) -> Reuse<'p> {
        let mut salt = Sha256::new();
        feed(&mut salt, b"khaosan pages 1");
        feed(&mut salt, binary_identity().as_bytes());
        for (name, text) in &theme.templates {
            feed(&mut salt, name.as_bytes());
            feed(&mut salt, text.as_bytes());
        }
        hash_json(&mut salt, &theme.strings);
        hash_json(&mut salt, assets);
        hash_json(&mut salt, images);
        feed(&mut salt, settings.tz.name().as_bytes());
        feed(&mut salt, &[u8::from(settings.thai_digits)]);
        hash_json(&mut salt, site.config);
        hash_json(&mut salt, site.registry);
        feed(&mut salt, site.urls.base_url.as_bytes());
        feed(&mut salt, site.urls.base_path.as_bytes());
        let mut digests = BTreeMap::new();
        for (lang, ctx) in base {
            let json = ctx.clone().into_json();
            for timed in [false, true] {
                let mut hasher = Sha256::new();
                hash_context(&mut hasher, &json, timed);
                digests.insert((*lang, timed), hasher.finalize().into());
            }
        }
        let timed = theme
            .templates
            .keys()
            .filter(|name| reaches_build_time(theme, name))
            .cloned()
            .collect();
        Reuse {
            pages,
            salt,
            base: digests,
            timed,
        }
    }

    /// The key of the page `path` made with `template` from the shared context of
    /// `lang`, the page's own context `own`, and `deferred`: the inputs of context
    /// made only when the page is rendered (an item's body).
    pub(super) fn key(
        &self,
        template: &str,
        lang: Lang,
        path: &str,
        own: &Value,
        deferred: &[u8],
    ) -> Hash {
        let timed = self.timed.contains(template);
        let mut hasher = self.salt.clone();
        feed(&mut hasher, template.as_bytes());
        feed(&mut hasher, path.as_bytes());
        feed(&mut hasher, &self.base[&(lang, timed)]);
        hash_context(&mut hasher, own, true);
        feed(&mut hasher, deferred);
        hasher.finalize().into()
    }
}

/// The SHA-256 of a value's JSON: what stands for it in keys.
pub(super) fn digest_of(value: &impl serde::Serialize) -> Hash {
    let mut hasher = Sha256::new();
    hash_json(&mut hasher, value);
    hasher.finalize().into()
}

/// Feeds a length-prefixed field, so fields cannot run into each other.
pub(crate) fn feed(hasher: &mut Sha256, bytes: &[u8]) {
    hasher.update((bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// Feeds the JSON of `value`; a value that does not serialise feeds a marker that
/// no JSON can produce, so it never matches a real one by accident.
fn hash_json(hasher: &mut Sha256, value: &impl serde::Serialize) {
    let mut writer = HashWriter(hasher);
    if serde_json::to_writer(&mut writer, value).is_err() {
        writer.0.update(b"\xff unserialisable");
    }
    writer.0.update(b"\x00");
}

/// A template context: every entry, but `site.build_time` only when `timed`.
fn hash_context(hasher: &mut Sha256, ctx: &Value, timed: bool) {
    let Some(map) = ctx.as_object() else {
        hash_json(hasher, ctx);
        return;
    };
    for (name, value) in map {
        feed(hasher, name.as_bytes());
        match value.as_object() {
            Some(site) if name == "site" && !timed => {
                for (field, v) in site.iter().filter(|(f, _)| *f != "build_time") {
                    feed(hasher, field.as_bytes());
                    hash_json(hasher, v);
                }
            }
            _ => hash_json(hasher, value),
        }
    }
}

struct HashWriter<'h>(&'h mut Sha256);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether `template`, or any template it may extend, include or import, may show
/// the build time. Any doubt says yes: a mention of `build_time` or of the whole
/// context, or any use of `site` other than `site.<field>` (which could print the
/// whole `site` object, build time included). Templates are found by their names
/// appearing in the text at all, which finds every `extends`, `include` and `import`.
fn reaches_build_time(theme: &Theme, template: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![template];
    while let Some(name) = todo.pop() {
        if !seen.insert(name) {
            continue;
        }
        let Some(text) = theme.templates.get(name) else {
            continue;
        };
        if may_show_build_time(text) {
            return true;
        }
        todo.extend(
            theme
                .templates
                .keys()
                .filter(|other| text.contains(other.as_str()))
                .map(String::as_str),
        );
    }
    false
}

/// See [`reaches_build_time`]: one template's own text.
fn may_show_build_time(text: &str) -> bool {
    if text.contains("build_time") || text.contains("__tera_context") {
        return true;
    }
    let word = |c: char| c.is_alphanumeric() || c == '_';
    for tag in tera_tags(text) {
        for (at, _) in tag.match_indices("site") {
            let before = tag[..at].chars().next_back();
            let after = tag[at + 4..].chars().next();
            let whole = !before.is_some_and(|c| word(c) || c == '.') && !after.is_some_and(word);
            if whole && after != Some('.') {
                return true;
            }
        }
    }
    false
}

/// The insides of `{{ … }}` and `{% … %}` tags (comments and text left out).
fn tera_tags(text: &str) -> Vec<&str> {
    let mut tags = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = match after.chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            Some('#') => "#}",
            _ => {
                rest = after;
                continue;
            }
        };
        let inner = &after[1..];
        let end = inner.find(close).unwrap_or(inner.len());
        if close != "#}" {
            tags.push(&inner[..end]);
        }
        rest = inner.get(end + close.len()..).unwrap_or("");
    }
    tags
}

/// The khaosan that renders: its version, commit, and this very binary (length and
/// time), so a rebuilt khaosan never reuses pages another one made.
fn binary_identity() -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {modified}", m.len())
        })
        .unwrap_or_default();
    format!("{} {} {exe}", crate::VERSION, crate::COMMIT)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

const MANIFEST_MAGIC: &[u8] = b"khaosan-pages 3\n";

fn manifest_bytes(entries: &[(String, Entry)]) -> Option<Vec<u8>> {
    let mut out = cache_file::header(MANIFEST_MAGIC);
    out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    for (path, entry) in entries {
        cache_file::put_bytes(&mut out, path.as_bytes());
        let written = &entry.written;
        out.extend_from_slice(&entry.key);
        out.extend_from_slice(&written.len.to_le_bytes());
        out.extend_from_slice(&written.digest);
        let stamp = written.stamp.unwrap_or(Stamp {
            device: 0,
            inode: 0,
            modified_ns: 0,
            changed_ns: 0,
        });
        out.extend_from_slice(&stamp.device.to_le_bytes());
        out.extend_from_slice(&stamp.inode.to_le_bytes());
        out.extend_from_slice(&stamp.modified_ns.to_le_bytes());
        out.extend_from_slice(&stamp.changed_ns.to_le_bytes());
    }
    cache_file::seal(out)
}

fn read_manifest(bytes: &[u8]) -> Option<HashMap<String, Entry>> {
    let mut reader = cache_file::Reader::checked(bytes, MANIFEST_MAGIC)?;
    let count = reader.u64()?;
    let mut entries = HashMap::new();
    for _ in 0..count {
        let path = std::str::from_utf8(reader.bytes()?).ok()?.to_string();
        let key = reader.hash()?;
        let len = reader.u64()?;
        let digest = reader.hash()?;
        let device = reader.u64()?;
        let inode = reader.u64()?;
        let modified_ns = i128::from_le_bytes(reader.take(16)?.try_into().ok()?);
        let changed_ns = i128::from_le_bytes(reader.take(16)?.try_into().ok()?);
        let stamp = (inode != 0).then_some(Stamp {
            device,
            inode,
            modified_ns,
            changed_ns,
        });
        let written = Written { len, digest, stamp };
        entries.insert(path, Entry { key, written });
    }
    reader.is_empty().then_some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_provably_untimed_templates_leave_the_build_time_out() {
        assert!(!may_show_build_time(
            "<title>{{ site.title }}</title> website {{ site_map_url }}"
        ));
        assert!(!may_show_build_time("{# site #} the site's pages"));
        assert!(may_show_build_time("{{ site.build_time }}"));
        assert!(may_show_build_time("{{ site | json_encode }}"));
        assert!(may_show_build_time("{% set s = site %}{{ s.title }}"));
        assert!(may_show_build_time(
            "{% for k, v in site %}{{ v }}{% endfor %}"
        ));
        assert!(may_show_build_time("{{ m::x(site=site) }}"));
        assert!(may_show_build_time("{{ __tera_context }}"));
        assert!(may_show_build_time("{{ site['build_time'] }}"));
    }

    #[test]
    fn a_template_is_timed_through_what_it_extends_or_includes() {
        let mut theme = Theme {
            templates: BTreeMap::new(),
            statics: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        for (name, text) in [
            ("base.html", "{% block main %}{% endblock %}"),
            ("foot.html", "{{ site.build_time }}"),
            ("item.html", "{% extends \"base.html\" %}"),
            (
                "page.html",
                "{% extends \"base.html\" %}{% include \"foot.html\" %}",
            ),
        ] {
            theme.templates.insert(name.into(), text.into());
        }
        assert!(!reaches_build_time(&theme, "item.html"));
        assert!(reaches_build_time(&theme, "page.html"));
        assert!(reaches_build_time(&theme, "foot.html"));
    }

    #[test]
    fn cache_files_round_trip_and_corruption_is_ignored() {
        let entry = Entry {
            key: [1; 32],
            written: Written {
                len: 7,
                digest: [2; 32],
                stamp: Some(Stamp {
                    device: 4,
                    inode: 9,
                    modified_ns: -3,
                    changed_ns: 5,
                }),
            },
        };
        let bytes = manifest_bytes(&[("news/a/index.html".into(), entry)]).unwrap();
        let read = read_manifest(&bytes).unwrap();
        assert_eq!(read["news/a/index.html"], entry);
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(read_manifest(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 1;
        assert!(read_manifest(&flipped).is_none());
        assert!(
            cache_file::Reader::checked(&bytes, b"khaosan-search-tokens\n").is_none(),
            "another kind of file"
        );
        // Sealed by anyone without this user's key (here: a plain SHA-256, as a
        // file made elsewhere and committed to the site would be): not trusted.
        let body = &bytes[..bytes.len() - 32];
        let mut forged = body.to_vec();
        forged.extend_from_slice(&Sha256::digest(body));
        assert!(read_manifest(&forged).is_none(), "a forged seal");
    }

    #[test]
    fn keys_separate_fields() {
        let mut a = Sha256::new();
        feed(&mut a, b"ab");
        feed(&mut a, b"c");
        let mut b = Sha256::new();
        feed(&mut b, b"a");
        feed(&mut b, b"bc");
        assert_ne!(a.finalize(), b.finalize());
    }
}
