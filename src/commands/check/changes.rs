//! What a change touches (`--base`), and what each changed item would do once merged.

use std::path::Path;

use anyhow::Context as _;
use chrono_tz::Tz;

use super::super::local_time;
use super::Judged;
use super::{Change, ChangeKind, ChangedItem};
use crate::content::ContentPath;
use crate::decide::{Decision, Reason};
use crate::registry::Role;
use crate::source::is_gated;

/// Files that differ between the merge base of `rev` and HEAD, and the working tree
/// (staged, unstaged and untracked), relative to `root`.
pub(super) fn changed_files(root: &Path, rev: &str) -> anyhow::Result<Vec<(String, ChangeKind)>> {
    let repo = git2::Repository::discover(root)
        .with_context(|| crate::messages::BASE_NOT_A_REPOSITORY.at(root))?;
    let workdir = repo
        .workdir()
        .with_context(|| crate::messages::BASE_BARE.say(&[]))?;
    let prefix = root
        .canonicalize()
        .with_context(|| crate::messages::CANNOT_READ.at(root))?
        .strip_prefix(workdir.canonicalize()?)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let base = repo
        .revparse_single(rev)
        .and_then(|object| object.peel_to_commit())
        .with_context(|| crate::messages::BASE_UNKNOWN.say(&[("rev", rev)]))?;
    // Compare with where the branch left `rev`, so changes made on `rev` since then
    // are not shown as this change undoing them.
    let start = repo
        .head()
        .ok()
        .and_then(|head| head.target())
        .and_then(|head| repo.merge_base(base.id(), head).ok())
        .unwrap_or(base.id());
    let tree = repo.find_commit(start)?.tree()?;
    let mut diff_options = git2::DiffOptions::new();
    diff_options
        .include_untracked(true)
        .recurse_untracked_dirs(true);
    let diff = repo.diff_tree_to_workdir_with_index(Some(&tree), Some(&mut diff_options))?;
    let mut files = Vec::new();
    for delta in diff.deltas() {
        let kind = match delta.status() {
            git2::Delta::Added | git2::Delta::Untracked => ChangeKind::Added,
            git2::Delta::Deleted => ChangeKind::Deleted,
            _ => ChangeKind::Modified,
        };
        let Some(path) = delta.new_file().path().or_else(|| delta.old_file().path()) else {
            continue;
        };
        let Ok(rel) = path.strip_prefix(&prefix) else {
            continue;
        };
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        files.push((rel.join("/"), kind));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    Ok(files)
}

pub(super) fn describe_changes(
    files: Vec<(String, ChangeKind)>,
    loaded: &Judged,
    tz: Tz,
) -> Vec<Change> {
    let mut changes: Vec<Change> = files
        .into_iter()
        .map(|(path, kind)| {
            let item = match (kind, ContentPath::classify(&path)) {
                (ChangeKind::Deleted, _) => None,
                (_, ContentPath::Item { .. }) => loaded
                    .decisions
                    .decisions
                    .iter()
                    .find(|d| d.path == path)
                    .map(|d| changed_item(d, loaded, tz)),
                _ => None,
            };
            Change { path, kind, item }
        })
        .collect();
    changes.sort_by_key(|c| (!is_gated(&c.path), c.item.is_none()));
    changes
}

pub(super) fn changed_item(decision: &Decision, loaded: &Judged, tz: Tz) -> ChangedItem {
    let front = decision.item.as_deref().map(|item| &item.front);
    let approver = front.and_then(|f| f.approver.clone());
    let approver_name = approver
        .as_deref()
        .and_then(|id| loaded.inputs.settings.registry.person(id))
        .filter(|p| p.has_role(Role::Approver))
        .map(|p| {
            if p.title.is_empty() {
                p.name.clone()
            } else {
                format!("{} ({})", p.name, p.title)
            }
        });
    // In git mode: the imagined merge did not approve this change.
    let refused = super::approvals::refused_by_proposal(loaded, &decision.path);
    let state = match (decision.reason(), refused) {
        (_, Some(pending)) if decision.is_live() => format!(
            "การเปลี่ยนแปลงจะถูกละเลย ยังแสดงฉบับที่อนุมัติแล้ว (the change would be ignored; the approved version stays): {}",
            pending.label
        ),
        (_, Some(pending)) => format!("จะถูกระงับ (would be withheld): {}", pending.label),
        (None, None) => match front.and_then(|f| f.expires) {
            Some(expires) => {
                let until = local_time(expires, tz);
                format!("เผยแพร่เมื่อรวม ถึง {until} (live once merged, until {until})")
            }
            None => "เผยแพร่เมื่อรวม (live once merged)".to_string(),
        },
        (Some(Reason::NotYetPublished { publish }), None) => {
            format!("ตั้งเวลาไว้ เริ่ม {} (scheduled)", local_time(*publish, tz))
        }
        (Some(Reason::Expired { .. }), None) => {
            "หมดอายุแล้ว จะไม่ปรากฏ (already expired: will not appear)".to_string()
        }
        (Some(reason), None) => format!("จะถูกระงับ (would be withheld): {}", reason.label()),
    };
    ChangedItem {
        title: decision.title.clone(),
        url: decision.url.clone(),
        publish: front.map(|f| f.publish),
        expires: front.and_then(|f| f.expires),
        approver,
        approver_name,
        state,
        problem: refused.is_some() || decision.reason().is_some_and(Reason::is_problem),
    }
}

/// Files that change how the site is built rather than what it shows.
pub(super) fn is_build_file(path: &str) -> bool {
    path.starts_with("src/")
        || path.starts_with(".github/")
        || path.starts_with("Cargo.")
        || path == "build.rs"
}
