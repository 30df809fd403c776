//! Reuse of pages whose inputs did not change since the previous build.
//!
//! Every page job gets a **key**: a SHA-256 of everything its bytes can depend on —
//! the khaosan binary, the theme's templates, the filter settings, `site.toml` and
//! the register, the context shared by every page of its language, and the page's
//! own template context in full. Templates are pure functions of these (khaosan's
//! Tera has no clock and no randomness), so equal keys mean equal bytes.
//!
//! - `khaosan build` keeps a manifest (output path → key, length, SHA-256 of the
//!   bytes) in `.khaosan/cache/`, outside the public folder. A page whose key matches
//!   the manifest is linked from the current output when that file still holds those
//!   exact bytes (checked, never assumed), instead of rendered. Rendered Markdown
//!   bodies are kept there too, by (body, base path).
//! - `khaosan serve` keeps the bytes of the last build's pages in memory, by key.
//!
//! Nothing here can publish what a build would not: a withheld item is not in the
//! live-only `Site`, so no job exists for it, and a page that shows it changes its
//! context and so its key. The build time (`site.build_time`) is left out of the
//! key only for templates that provably never show it (see [`may_show_build_time`]),
//! so a daily rebuild can reuse pages at all; every other value of the context is in.
//! The cache files are safe to delete; a corrupt one, or one written by another
//! khaosan binary, is ignored.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::Value;
use sha2::{Digest as _, Sha256};

use super::templates::{FilterSettings, Theme};
use crate::content::Lang;
use crate::site::Site;
use crate::write::Sink;

/// A page's key, or a content digest.
pub type Hash = [u8; 32];

/// What the manifest knows of one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    key: Hash,
    len: u64,
    digest: Hash,
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
    bodies: HashMap<[u8; 16], Arc<str>>,
    bodies_used: Mutex<HashMap<[u8; 16], Arc<str>>>,
    /// The serve memo of this build, moved into [`MEMO`] when rendering succeeds.
    memo_next: Option<Mutex<HashMap<Hash, Arc<[u8]>>>>,
    reused: std::sync::atomic::AtomicUsize,
}

struct Store {
    manifest: PathBuf,
    bodies: PathBuf,
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
            bodies: HashMap::new(),
            bodies_used: Mutex::new(HashMap::new()),
            memo_next: memo.then(|| Mutex::new(HashMap::new())),
            reused: Default::default(),
        }
    }

    /// The manifest of the previous build into `out` and the kept Markdown bodies,
    /// from `<root>/.khaosan/cache/`. Missing, corrupt or foreign files count as empty.
    pub fn open(root: &Path, out: &Path) -> Pages {
        let dir = root.join(".khaosan").join("cache");
        let out = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
        let id = Sha256::digest(out.to_string_lossy().as_bytes());
        let store = Store {
            manifest: dir.join(format!("pages-{}.bin", hex(&id[..8]))),
            bodies: dir.join("bodies.bin"),
        };
        let previous = std::fs::read(&store.manifest)
            .ok()
            .and_then(|bytes| read_manifest(&bytes))
            .unwrap_or_default();
        let bodies = std::fs::read(&store.bodies)
            .ok()
            .and_then(|bytes| read_bodies(&bytes))
            .unwrap_or_default();
        Pages {
            store: Some(store),
            previous,
            fresh: Mutex::new(Vec::new()),
            bodies,
            bodies_used: Mutex::new(HashMap::new()),
            memo_next: None,
            reused: Default::default(),
        }
    }

    /// How many pages were reused rather than rendered.
    pub fn reused(&self) -> usize {
        self.reused.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The safe HTML of a Markdown body with its links under `base_path`, rendered
    /// once and kept for the following builds.
    pub(super) fn body_html(&self, body: &str, base_path: &str) -> String {
        if self.store.is_none() {
            return super::cache::body_html(body, base_path);
        }
        let key = body_key(body, base_path);
        let html = match self.bodies.get(&key) {
            Some(html) => Arc::clone(html),
            None => Arc::from(super::markdown::rebase_links(
                &super::markdown::render(body).html,
                base_path,
            )),
        };
        if let Ok(mut used) = self.bodies_used.lock() {
            used.insert(key, Arc::clone(&html));
        }
        html.to_string()
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
            if !sink.keep(path, entry.len, &entry.digest)? {
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
                len: bytes.len() as u64,
                digest: Sha256::digest(bytes).into(),
            };
            if let Ok(mut fresh) = self.fresh.lock() {
                fresh.push((path.to_string(), entry));
            }
        }
    }

    /// Rendering succeeded: the serve memo now holds this build's pages only.
    pub(super) fn finish_render(&self) {
        let Some(next) = &self.memo_next else { return };
        let Ok(mut next) = next.lock() else { return };
        if let Ok(mut memo) = MEMO.lock()
            && memo.is_some()
        {
            *memo = Some(std::mem::take(&mut *next));
        }
    }

    /// Writes the manifest of the output just put in place, and the Markdown bodies
    /// this build used. Call after the output is committed. A cache that cannot be
    /// written only makes the next build slower, so this never fails the build.
    pub fn save(self) {
        let Some(store) = &self.store else { return };
        if let Some(dir) = store.manifest.parent()
            && std::fs::create_dir_all(dir).is_err()
        {
            return;
        }
        let fresh = self.fresh.into_inner().unwrap_or_default();
        let _ = write_atomically(&store.manifest, &manifest_bytes(&fresh));
        let used = self.bodies_used.into_inner().unwrap_or_default();
        let same =
            used.len() == self.bodies.len() && used.keys().all(|k| self.bodies.contains_key(k));
        if !same {
            let _ = write_atomically(&store.bodies, &bodies_bytes(&used));
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
    /// `lang` and the page's own context `own`.
    pub(super) fn key(&self, template: &str, lang: Lang, path: &str, own: &Value) -> Hash {
        let timed = self.timed.contains(template);
        let mut hasher = self.salt.clone();
        feed(&mut hasher, template.as_bytes());
        feed(&mut hasher, path.as_bytes());
        feed(&mut hasher, &self.base[&(lang, timed)]);
        hash_context(&mut hasher, own, true);
        hasher.finalize().into()
    }
}

/// Feeds a length-prefixed field, so fields cannot run into each other.
fn feed(hasher: &mut Sha256, bytes: &[u8]) {
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

fn body_key(body: &str, base_path: &str) -> [u8; 16] {
    let mut hasher = Sha256::new();
    feed(&mut hasher, body.as_bytes());
    feed(&mut hasher, base_path.as_bytes());
    let digest = hasher.finalize();
    let mut key = [0; 16];
    key.copy_from_slice(&digest[..16]);
    key
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

// --- The cache files: a header naming the binary, then length-prefixed records ---

const MANIFEST_MAGIC: &[u8] = b"khaosan-pages\n";
const BODIES_MAGIC: &[u8] = b"khaosan-bodies\n";

fn header(magic: &[u8]) -> Vec<u8> {
    let mut out = magic.to_vec();
    put_bytes(&mut out, binary_identity().as_bytes());
    out
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Reads records back; any inconsistency ends in `None`.
struct Reader<'b>(&'b [u8]);

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn bytes(&mut self) -> Option<&'b [u8]> {
        let n = usize::try_from(self.u64()?).ok()?;
        self.take(n)
    }
    fn hash(&mut self) -> Option<Hash> {
        self.take(32)?.try_into().ok()
    }
    /// After the magic, the binary must be this one.
    fn header(&mut self, magic: &[u8]) -> Option<()> {
        (self.take(magic.len())? == magic).then_some(())?;
        (self.bytes()? == binary_identity().as_bytes()).then_some(())
    }
}

fn manifest_bytes(entries: &[(String, Entry)]) -> Vec<u8> {
    let mut out = header(MANIFEST_MAGIC);
    out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    for (path, entry) in entries {
        put_bytes(&mut out, path.as_bytes());
        out.extend_from_slice(&entry.key);
        out.extend_from_slice(&entry.len.to_le_bytes());
        out.extend_from_slice(&entry.digest);
    }
    let check = Sha256::digest(&out);
    out.extend_from_slice(&check);
    out
}

fn read_manifest(bytes: &[u8]) -> Option<HashMap<String, Entry>> {
    let body = checked(bytes)?;
    let mut reader = Reader(body);
    reader.header(MANIFEST_MAGIC)?;
    let count = reader.u64()?;
    let mut entries = HashMap::new();
    for _ in 0..count {
        let path = std::str::from_utf8(reader.bytes()?).ok()?.to_string();
        let key = reader.hash()?;
        let len = reader.u64()?;
        let digest = reader.hash()?;
        entries.insert(path, Entry { key, len, digest });
    }
    reader.0.is_empty().then_some(entries)
}

fn bodies_bytes(bodies: &HashMap<[u8; 16], Arc<str>>) -> Vec<u8> {
    let mut out = header(BODIES_MAGIC);
    out.extend_from_slice(&(bodies.len() as u64).to_le_bytes());
    for (key, html) in bodies {
        out.extend_from_slice(key);
        put_bytes(&mut out, html.as_bytes());
    }
    let check = Sha256::digest(&out);
    out.extend_from_slice(&check);
    out
}

fn read_bodies(bytes: &[u8]) -> Option<HashMap<[u8; 16], Arc<str>>> {
    let body = checked(bytes)?;
    let mut reader = Reader(body);
    reader.header(BODIES_MAGIC)?;
    let count = reader.u64()?;
    let mut bodies = HashMap::new();
    for _ in 0..count {
        let key: [u8; 16] = reader.take(16)?.try_into().ok()?;
        let html = std::str::from_utf8(reader.bytes()?).ok()?;
        bodies.insert(key, Arc::from(html));
    }
    reader.0.is_empty().then_some(bodies)
}

/// The file without its trailing SHA-256, if that matches: a torn or altered
/// cache file is ignored as a whole.
fn checked(bytes: &[u8]) -> Option<&[u8]> {
    let split = bytes.len().checked_sub(32)?;
    let (body, check) = bytes.split_at(split);
    (Sha256::digest(body).as_slice() == check).then_some(body)
}

/// Writes beside `path` and renames over it, so a reader never sees half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    drop(file);
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
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
            len: 7,
            digest: [2; 32],
        };
        let bytes = manifest_bytes(&[("news/a/index.html".into(), entry)]);
        let read = read_manifest(&bytes).unwrap();
        assert_eq!(read["news/a/index.html"], entry);
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(read_manifest(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 1;
        assert!(read_manifest(&flipped).is_none());
        assert!(read_bodies(&bytes).is_none(), "another kind of file");

        let bodies = HashMap::from([([3; 16], Arc::from("<p>ข่าว</p>"))]);
        let read = read_bodies(&bodies_bytes(&bodies)).unwrap();
        assert_eq!(&*read[&[3; 16]], "<p>ข่าว</p>");
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
