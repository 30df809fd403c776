//! What each commit changed within the gated paths, by comparing tree entries.
//!
//! Trees are read raw from the object database. Two versions of one folder share
//! their leading and trailing bytes except around the entries that changed, so
//! only that middle is parsed and compared; the entry boundaries of the rest are
//! carried over from the older version, kept from the commit before. On a
//! 10,000-item folder this makes a commit cost about one read of the tree, not a
//! parse of every entry.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

use anyhow::{Context as _, anyhow, bail};
use git2::{Commit, ObjectType, Odb, OdbObject, Oid};

use super::history::missing;
use crate::registry::REGISTRY_FILE;
use crate::source::GATED;

/// Git file modes.
pub(crate) const MODE_TREE: i32 = 0o040000;
pub(crate) const MODE_LINK: i32 = 0o120000;
pub(crate) const MODE_SUBMODULE: i32 = 0o160000;

/// One file's change between a commit and its first parent.
#[derive(Debug, Clone)]
pub(crate) struct Change {
    pub(crate) path: String,
    /// The name is not valid UTF-8 (`path` shows it with replacement characters).
    pub(crate) odd_name: bool,
    /// The new id and mode; `None` when the file was deleted.
    pub(crate) new: Side,
    /// The id and mode in the parent; `None` when the file is new there.
    pub(crate) old: Side,
}

/// What one commit changed: gated files, and the top-level names of the rest.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub(crate) gated: Vec<Change>,
    pub(crate) outside: Vec<String>,
}

/// One side of a differing entry: its id and mode, or absent.
pub(crate) type Side = Option<(Oid, i32)>;

/// A raw tree object and where each of its entries ends.
struct Parsed<'r> {
    object: OdbObject<'r>,
    ends: Vec<usize>,
}

impl Parsed<'_> {
    fn data(&self) -> &[u8] {
        self.object.data()
    }

    fn start(&self, i: usize) -> usize {
        if i == 0 { 0 } else { self.ends[i - 1] }
    }

    fn entry(&self, i: usize) -> anyhow::Result<RawEntry<'_>> {
        RawEntry::at(self.data(), self.start(i), self.ends[i], self.object.id())
    }
}

/// Compares trees by entry id, descending only into folders that differ, and
/// keeps the latest version of each folder: the next commit's parent side is
/// usually exactly that version, so each tree version is read once.
pub(crate) struct Differ<'r> {
    odb: &'r Odb<'r>,
    latest: HashMap<String, Rc<Parsed<'r>>>,
    /// The registry's blob id by the id of the `approvals/` tree holding it.
    registries: HashMap<Oid, Option<Oid>>,
}

impl<'r> Differ<'r> {
    pub(crate) fn new(odb: &'r Odb<'r>) -> Differ<'r> {
        Differ {
            odb,
            latest: HashMap::new(),
            registries: HashMap::new(),
        }
    }

    fn read(&self, id: Oid) -> anyhow::Result<OdbObject<'r>> {
        let object = self.odb.read(id).with_context(|| missing("tree", id))?;
        if object.kind() != ObjectType::Tree {
            bail!(crate::messages::GIT_DAMAGED.say(&[("what", "tree"), ("id", &id.to_string())]));
        }
        Ok(object)
    }

    /// The tree `id` at folder `dir`, parsed: the folder's latest version when it is the same.
    fn tree(&self, dir: &str, id: Oid) -> anyhow::Result<Rc<Parsed<'r>>> {
        if let Some(tree) = self.latest.get(dir).filter(|t| t.object.id() == id) {
            return Ok(Rc::clone(tree));
        }
        let object = self.read(id)?;
        let ends = ends_from(object.data(), 0, id)?;
        Ok(Rc::new(Parsed { object, ends }))
    }

    /// The id of `approvals/approvers.toml` in a commit's tree, if it has one.
    pub(crate) fn registry_id(&mut self, commit: &Commit<'_>) -> anyhow::Result<Option<Oid>> {
        let root = self.tree("", commit.tree_id())?;
        let Some(approvals) = find(&root, b"approvals", true)? else {
            return Ok(None);
        };
        if let Some(known) = self.registries.get(&approvals) {
            return Ok(*known);
        }
        let tree = self.tree("approvals", approvals)?;
        let file = REGISTRY_FILE.trim_start_matches("approvals/").as_bytes();
        let id = find(&tree, file, false)?;
        self.registries.insert(approvals, id);
        Ok(id)
    }

    /// Every gated file of a commit, as additions (the tree trusted at genesis).
    pub(crate) fn all(&mut self, commit: &Commit<'_>) -> anyhow::Result<Vec<Change>> {
        Ok(self.between(None, commit)?.gated)
    }

    /// What `commit` changed from `parent` (no parent: everything is new).
    pub(crate) fn between(
        &mut self,
        parent: Option<&Commit<'_>>,
        commit: &Commit<'_>,
    ) -> anyhow::Result<Changes> {
        let mut changes = Changes::default();
        if parent.is_some_and(|p| p.tree_id() == commit.tree_id()) {
            return Ok(changes);
        }
        let differing = self.folder("", parent.map(Commit::tree_id), Some(commit.tree_id()))?;
        for (name, old, new) in differing {
            let gated = GATED.iter().any(|g| match g.strip_suffix('/') {
                Some(dir) => name == dir.as_bytes(),
                None => name == g.as_bytes(),
            });
            let (name, _) = decode(&name);
            if gated {
                self.entry(&mut changes.gated, &name, old, new)?;
            } else {
                let dir = [old, new].iter().flatten().any(|e| e.1 == MODE_TREE);
                changes
                    .outside
                    .push(if dir { format!("{name}/") } else { name });
            }
        }
        Ok(changes)
    }

    /// The differing entries of two versions of the folder `dir`; remembers the new one.
    fn folder(
        &mut self,
        dir: &str,
        old: Option<Oid>,
        new: Option<Oid>,
    ) -> anyhow::Result<Vec<(Vec<u8>, Side, Side)>> {
        let old = old.map(|id| self.tree(dir, id)).transpose()?;
        let new = new.map(|id| self.read(id)).transpose()?;
        let (ends, differing) = compare(old.as_deref(), new.as_ref())?;
        match new {
            Some(object) => {
                self.latest
                    .insert(dir.to_string(), Rc::new(Parsed { object, ends }));
            }
            None => {
                self.latest.remove(dir);
            }
        }
        Ok(differing)
    }

    /// One differing entry at `path`: a file, or a folder to descend into.
    fn entry(
        &mut self,
        out: &mut Vec<Change>,
        path: &str,
        old: Side,
        new: Side,
    ) -> anyhow::Result<()> {
        let is_dir = |side: Side| side.filter(|e| e.1 == MODE_TREE).map(|e| e.0);
        let (old_dir, new_dir) = (is_dir(old), is_dir(new));
        let new_file = new.filter(|e| e.1 != MODE_TREE);
        let old_file = old.filter(|e| e.1 != MODE_TREE);
        if old_file.is_some() || new_file.is_some() {
            out.push(Change {
                path: path.to_string(),
                odd_name: false,
                new: new_file,
                old: old_file,
            });
        }
        if old_dir.is_none() && new_dir.is_none() {
            return Ok(());
        }
        for (name, o, n) in self.folder(path, old_dir, new_dir)? {
            let (name, odd) = decode(&name);
            let child = format!("{path}/{name}");
            let before = out.len();
            self.entry(out, &child, o, n)?;
            if odd {
                for change in &mut out[before..] {
                    change.odd_name = true;
                }
            }
        }
        Ok(())
    }
}

/// The entry ends of the new tree, and the entries that differ between the two,
/// in git's order. Only the bytes between the shared head and tail are parsed.
#[allow(clippy::type_complexity)]
fn compare(
    old: Option<&Parsed<'_>>,
    new: Option<&OdbObject<'_>>,
) -> anyhow::Result<(Vec<usize>, Vec<(Vec<u8>, Side, Side)>)> {
    let (old_data, old_ends): (&[u8], &[usize]) = match old {
        Some(p) => (p.data(), &p.ends),
        None => (&[], &[]),
    };
    let new_id = new.map_or(Oid::ZERO_SHA1, OdbObject::id);
    let new_data: &[u8] = new.map_or(&[], OdbObject::data);
    // Entries wholly inside the shared head are the same in both.
    let head = common_prefix(old_data, new_data);
    let k = old_ends.partition_point(|&end| end <= head);
    let start = if k == 0 { 0 } else { old_ends[k - 1] };
    let tail = common_suffix(old_data, new_data).min(old_data.len().min(new_data.len()) - start);
    let old_tail = old_data.len() - tail;
    // Parse the new tree from `start` until it meets an old entry boundary inside
    // the shared tail; from there on both trees hold the same entries.
    let mut ends = old_ends[..k].to_vec();
    let mut pos = start;
    let mut aligned = None;
    while pos < new_data.len() {
        if let Some(old_pos) = (pos + old_data.len()).checked_sub(new_data.len())
            && old_pos >= old_tail
            && let Some(i) = entry_starting_at(old_ends, old_pos)
        {
            aligned = Some(i);
            break;
        }
        let end = next_end(new_data, pos, new_id)?;
        ends.push(end);
        pos = end;
    }
    let new_middle = k..ends.len();
    let old_middle = k..aligned.unwrap_or(old_ends.len());
    if let Some(i) = aligned {
        let shift = |end: usize| end + new_data.len() - old_data.len();
        ends.extend(old_ends[i..].iter().map(|&e| shift(e)));
    }
    let new_parsed = |i: usize| {
        let s = if i == 0 { 0 } else { ends[i - 1] };
        RawEntry::at(new_data, s, ends[i], new_id)
    };
    let mut out = Vec::new();
    let (mut i, mut j) = (old_middle.start, new_middle.start);
    while i < old_middle.end || j < new_middle.end {
        let x = match (i < old_middle.end, old) {
            (true, Some(p)) => Some(p.entry(i)?),
            _ => None,
        };
        let y = if j < new_middle.end {
            Some(new_parsed(j)?)
        } else {
            None
        };
        let order = match (&x, &y) {
            (Some(x), Some(y)) if x.raw == y.raw => {
                i += 1;
                j += 1;
                continue;
            }
            (Some(x), Some(y)) => git_order(x.name, x.is_dir(), y.name, y.is_dir()),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match (order, x, y) {
            (Ordering::Less, Some(x), _) => {
                out.push((x.name.to_vec(), Some(x.side()?), None));
                i += 1;
            }
            (Ordering::Greater, _, Some(y)) => {
                out.push((y.name.to_vec(), None, Some(y.side()?)));
                j += 1;
            }
            (_, Some(x), Some(y)) => {
                out.push((x.name.to_vec(), Some(x.side()?), Some(y.side()?)));
                i += 1;
                j += 1;
            }
            _ => break,
        }
    }
    Ok((ends, out))
}

/// The index of the old entry that starts at byte `pos`, if one does.
fn entry_starting_at(ends: &[usize], pos: usize) -> Option<usize> {
    if pos == 0 {
        return (!ends.is_empty()).then_some(0);
    }
    ends.binary_search(&pos)
        .ok()
        .map(|i| i + 1)
        .filter(|&i| i < ends.len())
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const CHUNK: usize = 128;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + CHUNK <= n && a[i..i + CHUNK] == b[i..i + CHUNK] {
        i += CHUNK;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const CHUNK: usize = 128;
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + CHUNK <= n && a[n - i - CHUNK..n - i] == b[n - i - CHUNK..n - i] {
        i += CHUNK;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

/// The end of the entry starting at `pos`: after the name's NUL and the 20-byte id.
fn next_end(data: &[u8], pos: usize, tree: Oid) -> anyhow::Result<usize> {
    let nul = data[pos..]
        .iter()
        .position(|&b| b == 0)
        .ok_or_else(|| damaged(tree))?;
    let end = pos + nul + 21;
    if end > data.len() {
        return Err(damaged(tree));
    }
    Ok(end)
}

/// Where every entry of `data` from `pos` ends.
fn ends_from(data: &[u8], mut pos: usize, tree: Oid) -> anyhow::Result<Vec<usize>> {
    let mut ends = Vec::new();
    while pos < data.len() {
        pos = next_end(data, pos, tree)?;
        ends.push(pos);
    }
    Ok(ends)
}

fn damaged(tree: Oid) -> anyhow::Error {
    anyhow!(crate::messages::GIT_DAMAGED.say(&[("what", "tree"), ("id", &tree.to_string())]))
}

/// One entry of a raw tree: `<octal mode> <name>\0<20-byte id>`.
struct RawEntry<'a> {
    /// The whole entry, to compare two entries at once.
    raw: &'a [u8],
    mode: i32,
    name: &'a [u8],
    id: &'a [u8],
}

impl<'a> RawEntry<'a> {
    fn at(data: &'a [u8], start: usize, end: usize, tree: Oid) -> anyhow::Result<RawEntry<'a>> {
        let raw = &data[start..end];
        let space = raw
            .iter()
            .position(|&b| b == b' ')
            .ok_or_else(|| damaged(tree))?;
        let nul = raw.len() - 21;
        if space >= nul || raw[nul] != 0 {
            return Err(damaged(tree));
        }
        let mode = raw[..space]
            .iter()
            .try_fold(0i32, |m, &d| {
                (b'0'..=b'7')
                    .contains(&d)
                    .then(|| m * 8 + i32::from(d - b'0'))
            })
            .ok_or_else(|| damaged(tree))?;
        Ok(RawEntry {
            raw,
            mode,
            name: &raw[space + 1..nul],
            id: &raw[nul + 1..],
        })
    }

    fn is_dir(&self) -> bool {
        self.mode == MODE_TREE
    }

    fn side(&self) -> anyhow::Result<(Oid, i32)> {
        Ok((Oid::from_bytes(self.id)?, self.mode))
    }
}

/// The id of the entry `name` (a folder when `dir`) in a tree.
fn find(tree: &Parsed<'_>, name: &[u8], dir: bool) -> anyhow::Result<Option<Oid>> {
    for i in 0..tree.ends.len() {
        let e = tree.entry(i)?;
        if e.name == name && e.is_dir() == dir {
            return Ok(Some(Oid::from_bytes(e.id)?));
        }
    }
    Ok(None)
}

/// A name as text, and whether it was not valid UTF-8.
fn decode(name: &[u8]) -> (String, bool) {
    match std::str::from_utf8(name) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (String::from_utf8_lossy(name).into_owned(), true),
    }
}

/// Git sorts tree entries by name, a folder's name compared as if it ended in `/`.
fn git_order(a: &[u8], a_dir: bool, b: &[u8], b_dir: bool) -> Ordering {
    let n = a.len().min(b.len());
    a[..n].cmp(&b[..n]).then_with(|| {
        let next = |s: &[u8], dir: bool| s.get(n).copied().or(dir.then_some(b'/'));
        next(a, a_dir).cmp(&next(b, b_dir))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_sort_as_if_ending_in_a_slash() {
        assert_eq!(git_order(b"a", true, b"a.md", false), Ordering::Greater);
        assert_eq!(git_order(b"a", false, b"a.md", false), Ordering::Less);
        assert_eq!(git_order(b"news", true, b"news", true), Ordering::Equal);
    }

    #[test]
    fn shared_head_and_tail() {
        assert_eq!(common_prefix(b"abcdef", b"abcxef"), 3);
        assert_eq!(common_suffix(b"abcdef", b"abcxef"), 2);
        assert_eq!(common_suffix(b"ef", b"xxef"), 2);
        let long_a = [7u8; 1000];
        let mut long_b = long_a;
        long_b[500] = 8;
        assert_eq!(common_prefix(&long_a, &long_b), 500);
        assert_eq!(common_suffix(&long_a, &long_b), 499);
    }
}
