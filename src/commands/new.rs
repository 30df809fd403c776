//! `khaosan new`: writes a new item with its front matter filled in, so a web master
//! starts from a file that `khaosan check` accepts.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, bail};
use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use chrono_tz::Tz;

use crate::checklist::{Period, PeriodKind};
use crate::config::{Lifetime, SectionConfig};
use crate::dates::WrittenDate;
use crate::inputs::Inputs;
use crate::messages;
use crate::registry::{Person, Registry, Role};
use crate::slug::{ascii_slug, is_slug};
use crate::source::LoadOptions;

/// What `khaosan new` was asked to write.
#[derive(Debug, Clone, Default)]
pub struct NewOptions {
    pub root: PathBuf,
    /// The clock, for today's date; `None` means the real time.
    pub now: Option<DateTime<FixedOffset>>,
    pub section: String,
    pub title: String,
    /// Person id of the proposer; default: the person whose e-mail is git's `user.email`.
    pub author: Option<String>,
    /// The file name without `.md`; default: made from the title.
    pub slug: Option<String>,
    /// As in front matter: `2026-12-01` or `2026-12-01T08:30:00+07:00`.
    pub publish: Option<String>,
    pub expires: Option<String>,
    /// Lifetime in days from the publish date, instead of `expires`.
    pub days: Option<u32>,
    /// A folder `<slug>/index.md`, for attachments beside the item.
    pub bundle: bool,
}

/// The item that was written.
#[derive(Debug, Clone)]
pub struct Created {
    /// Relative to the site root: `content/news/2026-11-26-flu-vaccine.md`.
    pub path: String,
    /// Where it is on disk.
    pub file: PathBuf,
    pub url: String,
    pub author: String,
    pub approver: String,
    pub approver_name: String,
    pub publish: String,
    pub expires: Option<String>,
    /// Requirements that items of this section provide and that need the new item
    /// longer than its expiry (Thai with English).
    pub warnings: Vec<String>,
}

/// Writes the item; refuses to replace any existing file.
pub fn new_item(options: &NewOptions) -> anyhow::Result<Created> {
    let now = options.now.unwrap_or_else(crate::dates::now);
    let load = LoadOptions {
        trust_front_matter: true,
        ..LoadOptions::default()
    };
    let inputs = Inputs::load(&options.root, &load)?;
    let config = &inputs.settings.site;
    let tz = config.tz;
    let Some(section) = config.section(&options.section) else {
        let known: Vec<&str> = config.sections.iter().map(|s| s.id.as_str()).collect();
        bail!(
            messages::NEW_UNKNOWN_SECTION
                .say(&[("section", &options.section), ("known", &known.join(", "))])
        );
    };
    let title = options.title.trim();
    if title.is_empty() {
        bail!(messages::NEW_EMPTY_TITLE.say(&[]));
    }
    let author = author(options, &inputs.settings.registry)?;
    let approver = inputs
        .settings
        .registry
        .people
        .iter()
        .find(|p| p.has_role(Role::Approver))
        .with_context(|| messages::NEW_NO_APPROVER.say(&[]))?;

    let (publish_text, publish_at) = match &options.publish {
        Some(text) => front_matter_date("--publish", text, tz)?,
        None => {
            let today = now.with_timezone(&tz).date_naive();
            (today.to_string(), crate::dates::start_of_day(today, tz))
        }
    };
    let publish_day = publish_at.with_timezone(&tz).date_naive();
    let expires = expiry(options, section, publish_day, publish_at, tz)?;
    let warnings = early_expiry_warnings(&inputs, section, publish_at, expires.as_deref(), tz);

    let dir = format!("content/{}", section.id);
    let slug = match &options.slug {
        Some(slug) => {
            if !is_slug(slug) {
                bail!(messages::NEW_BAD_SLUG.say(&[("slug", slug)]));
            }
            dated(slug, section.is_news(), publish_day)
        }
        None => slug_for(title, section.is_news(), publish_day, |slug| {
            exists(options, &dir, slug)
        }),
    };
    if exists(options, &dir, &slug) {
        bail!(messages::NEW_EXISTS.say(&[("dir", &dir), ("slug", &slug)]));
    }

    let path = if options.bundle {
        format!("{dir}/{slug}/index.md")
    } else {
        format!("{dir}/{slug}.md")
    };
    let file = options.root.join(&path);
    let text = item_text(
        title,
        &author.id,
        &approver.id,
        &publish_text,
        expires.as_deref(),
        section,
    );
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent).with_context(|| messages::CANNOT_CREATE.at(parent))?;
    }
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .with_context(|| messages::NEW_CANNOT_CREATE.at(&path))?;
    out.write_all(text.as_bytes())
        .with_context(|| messages::CANNOT_WRITE.at(&path))?;
    Ok(Created {
        path,
        file,
        url: crate::content::item_url(&section.id, &slug, crate::content::Lang::Th),
        author: author.id.clone(),
        approver: approver.id.clone(),
        approver_name: approver.name.clone(),
        publish: publish_text,
        expires,
        warnings,
    })
}

/// What the section's items usually provide (their `standard` ids) and which of
/// those need an item published at `publish` to stay longer than `expires`.
fn early_expiry_warnings(
    inputs: &Inputs,
    section: &SectionConfig,
    publish: DateTime<FixedOffset>,
    expires: Option<&str>,
    tz: Tz,
) -> Vec<String> {
    let Some(expires) = expires.and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok()) else {
        return Vec::new();
    };
    let expires_at = crate::dates::start_of_day(expires, tz);
    let Ok(checklist) = &inputs.settings.checklist else {
        return Vec::new();
    };
    let ids: std::collections::BTreeSet<&str> = inputs
        .parsed
        .items()
        .filter(|item| item.section == section.id)
        .flat_map(|item| item.front.standard.iter().map(String::as_str))
        .collect();
    // The codes whose period outlasts the new item, and the latest end among them.
    let mut codes = Vec::new();
    let mut until: Option<DateTime<FixedOffset>> = None;
    for id in ids {
        let Some(req) = checklist.get(id) else {
            continue;
        };
        let Some(needed) = req.needed_until(publish, tz) else {
            continue;
        };
        if expires_at < needed {
            let code = req.code(false);
            codes.push(if code.is_empty() {
                id.to_string()
            } else {
                code
            });
            until = Some(until.map_or(needed, |u| u.max(needed)));
        }
    }
    let Some(until) = until else {
        return Vec::new();
    };
    let codes = codes.join(", ");
    vec![format!(
        "รายการในหมวด {} เป็นหลักฐานของ {codes} ซึ่งต้องอยู่ถึง {}; ถ้ารายการนี้เป็นหลักฐานด้วย ให้ตั้ง expires = {} \
         (items of this section provide {codes}, needed until the period ends; if this one does, keep it until then, \
         or set lifetime = \"fiscal-year\" for the section in site.toml)",
        section.id,
        (until - chrono::Duration::days(1))
            .with_timezone(&tz)
            .format("%Y-%m-%d"),
        until.with_timezone(&tz).format("%Y-%m-%d"),
    )]
}

/// `--author`, checked against the registry, or the person with git's `user.email`.
fn author<'r>(options: &NewOptions, registry: &'r Registry) -> anyhow::Result<&'r Person> {
    let ids = || {
        registry
            .people
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(id) = &options.author {
        return registry
            .person(id)
            .with_context(|| messages::NEW_UNKNOWN_AUTHOR.say(&[("id", id), ("ids", &ids())]));
    }
    let email = git_user_email(&options.root);
    match email.as_deref().and_then(|e| registry.person_by_email(e)) {
        Some(person) => Ok(person),
        None => {
            let (why_th, why) = match email {
                Some(email) => (
                    format!("อีเมล {email} ใน user.email ของ git ไม่อยู่ในทะเบียน"),
                    format!("git's user.email {email} is not in approvals/approvers.toml"),
                ),
                None => (
                    "git ไม่มี user.email ที่ใช้ค้นหาท่าน".to_string(),
                    "git has no user.email to find you by".to_string(),
                ),
            };
            bail!(messages::NEW_WHO_PROPOSES.say(&[
                ("why_th", &why_th),
                ("why", &why),
                ("ids", &ids()),
            ]))
        }
    }
}

/// git's `user.email` for the repository at `root`, or the user's global one.
fn git_user_email(root: &std::path::Path) -> Option<String> {
    let config = match git2::Repository::discover(root) {
        Ok(repo) => repo.config().ok()?,
        Err(_) => git2::Config::open_default().ok()?,
    };
    config.get_string("user.email").ok()
}

/// Reads a date as front matter would, and returns it as it will be written.
fn front_matter_date(
    flag: &str,
    text: &str,
    tz: Tz,
) -> anyhow::Result<(String, DateTime<FixedOffset>)> {
    let value: toml::value::Datetime = text.trim().parse().map_err(|_| {
        anyhow::anyhow!(messages::NEW_BAD_DATE.say(&[("flag", flag), ("text", text)]))
    })?;
    let written =
        WrittenDate::from_toml(&value).map_err(|message| anyhow::anyhow!("{flag}: {message}"))?;
    Ok((value.to_string(), written.instant(tz)))
}

/// `--expires`, `--days`, or the section's default lifetime; none for a permanent section.
fn expiry(
    options: &NewOptions,
    section: &SectionConfig,
    publish_day: NaiveDate,
    publish_at: DateTime<FixedOffset>,
    tz: Tz,
) -> anyhow::Result<Option<String>> {
    if let Some(text) = &options.expires {
        let (written, at) = front_matter_date("--expires", text, tz)?;
        if at <= publish_at {
            bail!(
                messages::NEW_EXPIRES_FIRST
                    .say(&[("expires", &written), ("publish", &publish_at.to_rfc3339())])
            );
        }
        return Ok(Some(written));
    }
    if options.days.is_none() && section.lifetime == Some(Lifetime::FiscalYear) {
        // Until the fiscal year ends: 1 October after the publish date, exclusive.
        let end = Period::containing(PeriodKind::Year, publish_at, tz).end(tz);
        return Ok(Some(end.with_timezone(&tz).date_naive().to_string()));
    }
    let days = match (options.days, section.lifetime_days) {
        (Some(0), _) => bail!(messages::NEW_DAYS_ZERO.say(&[])),
        (Some(days), _) | (None, Some(days)) => days,
        (None, None) if section.permanent => return Ok(None),
        (None, None) => bail!(messages::NEW_NO_LIFETIME.say(&[("section", &section.id)])),
    };
    let day = publish_day
        .checked_add_days(Days::new(u64::from(days)))
        .with_context(|| messages::NEW_DAYS_TOO_LARGE.say(&[]))?;
    Ok(Some(day.to_string()))
}

fn exists(options: &NewOptions, dir: &str, slug: &str) -> bool {
    let base = options.root.join(dir);
    [
        format!("{slug}.md"),
        format!("{slug}.en.md"),
        slug.to_string(),
    ]
    .iter()
    .any(|name| base.join(name).exists())
}

/// A slug from the title: `flu-vaccine-2026`, a Thai title in Latin letters by the
/// Royal Thai General System (`ประกาศรับสมัคร` → `prakat-rapsamak`), dated in `news`;
/// then `-2`, `-3`, … while taken. A title with nothing to spell gives `item`.
fn slug_for(title: &str, news: bool, day: NaiveDate, taken: impl Fn(&str) -> bool) -> String {
    let mut base = ascii_slug(&super::rtgs::romanise(title));
    if base.is_empty() {
        base = "item".to_string();
    }
    let base = dated(&base, news, day);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}

/// News slugs start with the publish day (`2026-11-26-…`), given or made, once.
fn dated(slug: &str, news: bool, day: NaiveDate) -> String {
    let has_date = slug.len() > 11
        && chrono::NaiveDate::parse_from_str(&slug[..10], "%Y-%m-%d").is_ok()
        && slug.as_bytes()[10] == b'-';
    if news && !has_date {
        format!("{day}-{slug}")
    } else {
        slug.to_string()
    }
}

fn item_text(
    title: &str,
    author: &str,
    approver: &str,
    publish: &str,
    expires: Option<&str>,
    section: &SectionConfig,
) -> String {
    let mut text = String::from("+++\n");
    text.push_str(&format!(
        "title = {}\n",
        toml::Value::String(title.to_string())
    ));
    for (key, value) in [("author", author), ("approver", approver)] {
        text.push_str(&format!(
            "{key} = {}\n",
            toml::Value::String(value.to_string())
        ));
    }
    text.push_str(&format!("publish = {publish}\n"));
    if let Some(expires) = expires {
        text.push_str(&format!("expires = {expires}\n"));
    }
    text.push_str("# summary = \"สรุปสั้น ๆ หนึ่งประโยค\"\n# tags = [\"...\"]\n");
    if section.is_news() {
        text.push_str(
            "# kind = \"general\"  # general | activity | alert | job | procurement | procurement-result\n",
        );
    } else if section.cites_sources() {
        text.push_str("# source = \"https://...\"\n");
    }
    text.push_str(
        "+++\n\n<!-- เขียนเนื้อหาใต้บรรทัดนี้ด้วย Markdown (write the text below this line, in Markdown) -->\n",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn ascii_titles_become_slugs() {
        assert_eq!(ascii_slug("Flu Vaccine 2026!"), "flu-vaccine-2026");
        assert_eq!(ascii_slug("  --PM2.5 alert-- "), "pm2-5-alert");
        assert!(ascii_slug(&"word ".repeat(30)).len() <= crate::slug::MAX_SLUG);
        assert!(is_slug(&ascii_slug(&"word ".repeat(30))));
    }

    #[test]
    fn news_is_dated_and_thai_titles_get_a_dated_slug() {
        assert_eq!(
            slug_for("Flu vaccine", true, day(), |_| false),
            "2026-11-26-flu-vaccine"
        );
        assert_eq!(
            slug_for("Flu vaccine", false, day(), |_| false),
            "flu-vaccine"
        );
        assert_eq!(
            slug_for("ประกาศรับสมัคร", false, day(), |_| false),
            "prakatrapsamak"
        );
        assert_eq!(
            slug_for("ประกาศ รับสมัคร พนักงานขับรถยนต์", true, day(), |_| false),
            "2026-11-26-prakat-rapsamak-phanakngankhaprotyon"
        );
        assert_eq!(
            slug_for("ประกาศ PM2.5", true, day(), |s| s
                == "2026-11-26-prakat-pm2-5"),
            "2026-11-26-prakat-pm2-5-2"
        );
        assert_eq!(slug_for("ๆ", false, day(), |_| false), "item");
    }

    #[test]
    fn a_given_slug_keeps_the_date_of_news() {
        assert_eq!(dated("flu", true, day()), "2026-11-26-flu");
        assert_eq!(dated("2026-12-01-flu", true, day()), "2026-12-01-flu");
        assert_eq!(dated("flu", false, day()), "flu");
    }

    #[test]
    fn titles_are_toml_escaped() {
        let title = "a \"quoted\" title with 'both' \\ kinds";
        let text = item_text(
            title,
            "w",
            "i",
            "2026-11-26",
            None,
            &SectionConfig::named("laws", true),
        );
        let item = crate::content::parse_item(
            "content/laws/a.md",
            &text,
            crate::content::ItemAt {
                section: "laws",
                slug: "a",
                lang: crate::content::Lang::Th,
                bundle: false,
                news: false,
            },
            chrono_tz::Asia::Bangkok,
        )
        .unwrap();
        assert_eq!(item.front.title, title);
        assert_eq!(item.front.expires, None);
    }
}
