//! Approval findings: every item the build would withhold for something to fix,
//! and, in git mode, every change the approver's imagined merge would not approve.

use chrono::{DateTime, FixedOffset};

use super::Judged;
use super::links::front_matter_line;
use super::{CheckOptions, Finding, Scope, Severity};
use crate::content::ContentPath;
use crate::decide::Reason;
use crate::error::Problem;
use crate::inputs::Inputs;
use crate::messages;
use crate::registry::{REGISTRY_FILE, Registry};
use crate::source::git::proposal::ProposalError;
use crate::source::git::{Named, named_approver};
use crate::source::{LoadOptions, Pending, Proposal};

/// Loads and decides the site as it would be once the change is merged: in git
/// mode, as if the approver the change names merged it now. When history cannot
/// judge the change (no repository, a shallow clone, a conflict with the base),
/// approval falls back to front matter and a finding says why.
pub(super) fn load(
    options: &CheckOptions,
    changed: &[String],
    now: DateTime<FixedOffset>,
    findings: &mut Vec<Finding>,
) -> anyhow::Result<Judged> {
    let proposal = Proposal {
        base: options.base.clone(),
        merger: named_merger(&options.root, changed),
        at: now,
        proposed_registry: std::fs::read_to_string(options.root.join(REGISTRY_FILE))
            .ok()
            .and_then(|text| Registry::parse(&text).ok()),
    };
    let load = LoadOptions {
        proposal: Some(proposal),
        ..LoadOptions::default()
    };
    match judge(&options.root, &load, now) {
        Ok(loaded) => Ok(loaded),
        Err(err) if err.downcast_ref::<Problem>().is_some() => Err(err),
        Err(err) => {
            let severity = if err.downcast_ref::<ProposalError>().is_some() {
                Severity::Error
            } else {
                Severity::Warning
            };
            findings.push(Finding {
                severity,
                file: None,
                line: None,
                field: None,
                message: messages::GIT_NOT_JUDGED.say(&[("why", &messages::explain(&err))]),
            });
            let load = LoadOptions {
                trust_front_matter: true,
                ..LoadOptions::default()
            };
            judge(&options.root, &load, now)
        }
    }
}

/// Loads the site and decides it at `now`.
fn judge(
    root: &std::path::Path,
    load: &LoadOptions,
    now: DateTime<FixedOffset>,
) -> anyhow::Result<Judged> {
    let inputs = Inputs::load(root, load)?;
    Ok(Judged {
        decisions: inputs.decide(now),
        inputs,
    })
}

/// The approver the change's items name (the most named, when they differ: one
/// pull request is merged by one person); `None` when no changed item names one.
fn named_merger(root: &std::path::Path, changed: &[String]) -> Option<String> {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for path in changed {
        if !matches!(ContentPath::classify(path), ContentPath::Item { .. }) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(root.join(path)) else {
            continue;
        };
        if let Named::Id(id) = named_approver(&text) {
            *counts.entry(id).or_default() += 1;
        }
    }
    let most = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == most)
        .map(|(id, _)| id)
}

/// The approver the change was judged as merged by, in git mode.
pub(super) fn merged_by(loaded: &Judged) -> Option<String> {
    let info = loaded.inputs.snapshot.git.as_ref()?.proposal.as_ref()?;
    Some(info.merger.clone())
}

/// What the imagined merge refused for `path`, when it refused it.
pub(super) fn refused_by_proposal<'a>(loaded: &'a Judged, path: &str) -> Option<&'a Pending> {
    let git = loaded.inputs.snapshot.git.as_ref()?;
    let info = git.proposal.as_ref()?;
    git.pending
        .iter()
        .find(|p| p.path == path && !p.commit.is_empty() && info.commit.starts_with(&p.commit))
}

/// Every item withheld for something a person must fix, and every file problem.
pub(super) fn decision_findings(loaded: &Judged, scope_of: &dyn Fn(&str) -> Scope) -> Vec<Finding> {
    let mut findings = Vec::new();
    for decision in &loaded.decisions.decisions {
        let Some(reason) = decision.reason().filter(|r| r.is_problem()) else {
            continue;
        };
        let scope = scope_of(&decision.path);
        let prefix = format!("{}: ", reason.label());
        match reason {
            Reason::Invalid { problems } | Reason::Refused { problems } => {
                for problem in problems {
                    let mut finding = Finding::from_problem(problem, scope.severity, &prefix);
                    finding.message.push_str(&scope_of(&problem.file).suffix);
                    findings.push(finding);
                }
            }
            other => {
                let text = loaded
                    .inputs
                    .snapshot
                    .text(&decision.path)
                    .and_then(Result::ok)
                    .unwrap_or_default();
                let field = match other {
                    Reason::NoApprover
                    | Reason::UnknownApprover { .. }
                    | Reason::NotAnApprover { .. } => Some("approver"),
                    Reason::UnknownAuthor { .. } => Some("author"),
                    Reason::NoExpiry { .. } => Some("expires"),
                    _ => None,
                };
                let line = match field {
                    Some(key) => front_matter_line(&text, key).or(Some(1)),
                    None => None,
                };
                findings.push(Finding {
                    severity: scope.severity,
                    file: Some(decision.path.clone()),
                    line,
                    field: field.map(str::to_string),
                    message: format!("{prefix}{}{}", other.explain(), scope.suffix),
                });
            }
        }
    }
    // A broken checklist does not stop a build, so the check is where it is caught.
    let checklist_problem = loaded.inputs.settings.checklist.as_ref().err();
    for problem in loaded.decisions.problems.iter().chain(checklist_problem) {
        let scope = scope_of(&problem.file);
        let mut finding =
            Finding::from_problem(problem, scope.severity, &messages::FILE_PROBLEM.prefix());
        finding.message.push_str(&scope.suffix);
        findings.push(finding);
    }
    findings
}

/// In git mode: each file of the change that the approver's merge would not
/// approve, with the rule's reason and the way out. Always an error: after the
/// merge the build would keep the old version, or publish nothing.
pub(super) fn proposal_findings(
    loaded: &Judged,
    changed: Option<&[(String, super::ChangeKind)]>,
) -> Vec<Finding> {
    let Some(git) = loaded.inputs.snapshot.git.as_ref() else {
        return Vec::new();
    };
    let Some(info) = git.proposal.as_ref() else {
        return Vec::new();
    };
    let registry_changed = changed.map_or_else(
        || refused_by_proposal(loaded, REGISTRY_FILE).is_some(),
        |files| files.iter().any(|(p, _)| p == REGISTRY_FILE),
    );
    let approvers: Vec<String> = loaded
        .inputs
        .settings
        .registry
        .people
        .iter()
        .filter(|p| p.has_role(crate::registry::Role::Approver))
        .map(|p| format!("`{}`", p.id))
        .collect();
    let approvers = approvers.join(", ");
    let mut findings = Vec::new();
    for pending in git
        .pending
        .iter()
        .filter(|p| !p.commit.is_empty() && info.commit.starts_with(&p.commit))
    {
        let kept = loaded
            .decisions
            .decisions
            .iter()
            .any(|d| d.path == pending.path && d.is_live());
        let which = if kept {
            &messages::PROPOSAL_IGNORED
        } else {
            &messages::PROPOSAL_WITHHELD
        };
        let mut message = format!(
            "{}: {}: {}.",
            which.label(&[("merger", &info.merger)]),
            pending.label,
            pending.why
        );
        // The merger counts as an approver only in the registry as history approved it.
        let hint = if matches!(pending.cause, "not-an-approver" | "unregistered-author") {
            let hint = if registry_changed {
                &messages::SELF_PROMOTION
            } else {
                &messages::MERGER_NOT_APPROVER
            };
            hint.say(&[("merger", &info.merger), ("approvers", &approvers)])
        } else {
            pending.exit.clone()
        };
        message.push(' ');
        message.push_str(&hint);
        let line = loaded
            .inputs
            .snapshot
            .origin
            .root
            .join(&pending.path)
            .to_str()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| front_matter_line(&text, "approver"));
        findings.push(Finding {
            severity: Severity::Error,
            file: Some(pending.path.clone()),
            line,
            field: None,
            message,
        });
        findings.extend(unmerged_problems(loaded, &pending.path));
    }
    findings
}

/// The problems of an item the imagined merge refused: history never lets it be
/// parsed, but the person fixing the pull request needs every error at once.
fn unmerged_problems(loaded: &Judged, path: &str) -> Vec<Finding> {
    let ContentPath::Item {
        section,
        slug,
        lang,
        bundle,
    } = ContentPath::classify(path)
    else {
        return Vec::new();
    };
    let Ok(text) = std::fs::read_to_string(loaded.inputs.snapshot.origin.root.join(path)) else {
        return Vec::new();
    };
    let tz = loaded.inputs.settings.site.tz;
    let at = crate::content::ItemAt {
        section: &section,
        slug: &slug,
        lang,
        bundle,
        news: loaded.inputs.settings.site.is_news_section(&section),
    };
    match crate::content::parse_item(path, &text, at, tz) {
        Ok(_) => Vec::new(),
        Err(problems) => {
            let prefix = format!(
                "{}: ",
                Reason::Invalid {
                    problems: Vec::new()
                }
                .label()
            );
            problems
                .iter()
                .map(|p| Finding::from_problem(p, Severity::Error, &prefix))
                .collect()
        }
    }
}
