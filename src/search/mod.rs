//! Site search, built with the site from live items only.
//!
//! The render stage hands this module the live-only [`Site`]; it writes, per
//! language, an index under `search-index/<lang>/` that the theme's plain script
//! (`static/js/search.js`) reads in the browser:
//!
//! - `meta.json`: how many shards and documents there are;
//! - `s/<n>.json`: a shard: token → documents. Tokens are whole words (`w…`) and
//!   Thai character bigrams (`g…`); a token lives in shard FNV-1a(token) mod n,
//!   so a query fetches only the shards of its own tokens;
//! - `d/<id>.json`: one document's title, address, section, date and summary,
//!   fetched only for the results shown.
//!
//! Document ids follow rank order of ties: items newest first, then lists
//! (section pages), so the browser ranks items above lists by id alone.

pub mod kept;
pub mod normalize;
pub mod tokens;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::Lang;
use crate::dates::{DateForm, english_date, thai_date};
use crate::render::markdown;
use crate::routes::Route;
use crate::site::Site;
use crate::write::Sink;
use kept::TokenStore;
use normalize::normalize;
use tokens::{bigrams, chunks, has_thai, stem};

/// Average shard size aimed at, in bytes: small enough that a query touching a
/// dozen shards stays within its transfer budget.
const SHARD_TARGET_BYTES: usize = 400;

/// Characters of the summary kept for result snippets.
const SNIPPET_CHARS: usize = 140;

/// What the browser shows for one result.
#[derive(Debug, Clone, Serialize)]
pub struct DocData {
    /// Title.
    pub t: String,
    /// Site-relative address, not percent-encoded (the script encodes it).
    pub u: String,
    /// Section title.
    pub s: String,
    /// Date, Buddhist Era.
    pub d: String,
    /// Summary, for the snippet.
    pub x: String,
}

/// One document to index: what it shows and the text it is found by.
#[derive(Debug, Clone)]
pub struct Document {
    pub data: DocData,
    pub title: String,
    /// Summary, tags, body text and attachment names; left empty when `key` is
    /// found among the kept tokens, which then stand for it.
    pub text: String,
    /// What the tokens are kept by: a digest of everything `title` and `text` are
    /// made of ([`kept::key`]).
    pub key: kept::Hash,
}

impl Document {
    pub fn new(data: DocData, title: String, text: String) -> Document {
        let key = kept::key(&title, &text);
        Document {
            data,
            title,
            text,
            key,
        }
    }
}

#[derive(Debug, Default)]
struct Posting {
    any: Vec<u32>,
    title: Vec<u32>,
}

/// The index of one language.
#[derive(Debug)]
pub struct Index {
    docs: Vec<DocData>,
    /// Documents before this id are items; from it on, lists.
    items: usize,
    /// Postings by token number while documents are added (see [`kept`]).
    numbered: Vec<Posting>,
    /// Postings by token, once every document is in.
    postings: BTreeMap<String, Posting>,
}

/// Documents indexed per batch: the documents' texts live only for one batch.
const BATCH: usize = 256;

impl Index {
    /// Indexes `items` (in order: newest first) and then `lists`.
    pub fn build(items: Vec<Document>, lists: Vec<Document>) -> Index {
        let mut store = TokenStore::default();
        let mut index = Index::new();
        index.add(items, &mut store);
        index.items = index.docs.len();
        index.add(lists, &mut store);
        index.finish(&store)
    }

    fn new() -> Index {
        Index {
            docs: Vec::new(),
            items: 0,
            numbered: Vec::new(),
            postings: BTreeMap::new(),
        }
    }

    /// Adds documents with the next ids, tokenising only those `store` has not
    /// seen with the same title and text.
    fn add(&mut self, documents: Vec<Document>, store: &mut TokenStore) {
        let first = self.docs.len() as u32;
        let seen: &TokenStore = store;
        let found: Vec<_> = documents
            .par_iter()
            .map(|d| match seen.lookup(&d.key) {
                Some(ids) => (d.key, Ok(ids)),
                None => (d.key, Err(document_tokens(d))),
            })
            .collect();
        for (offset, (key, found)) in found.into_iter().enumerate() {
            let ids = match found {
                Ok(ids) => {
                    store.use_kept(key, Arc::clone(&ids));
                    ids
                }
                Err(tokens) => store.add(key, tokens.iter()),
            };
            let id = first + offset as u32;
            for &number in ids.iter() {
                let slot = (number >> 1) as usize;
                if self.numbered.len() <= slot {
                    self.numbered.resize_with(slot + 1, Posting::default);
                }
                let posting = &mut self.numbered[slot];
                posting.any.push(id);
                if number & 1 == 1 {
                    posting.title.push(id);
                }
            }
        }
        self.docs.extend(documents.into_iter().map(|d| d.data));
    }

    /// Names the postings by their tokens, once every document is in.
    fn finish(mut self, store: &TokenStore) -> Index {
        for (number, posting) in std::mem::take(&mut self.numbered).into_iter().enumerate() {
            if !posting.any.is_empty() {
                self.postings
                    .insert(store.token(number as u32).to_string(), posting);
            }
        }
        self
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Number of shards for this index: a power of two near total / target.
    fn shard_count(&self, encoded: &[(String, String)]) -> usize {
        let total: usize = encoded.iter().map(|(k, v)| k.len() + v.len() + 6).sum();
        total
            .div_ceil(SHARD_TARGET_BYTES)
            .next_power_of_two()
            .clamp(1, 1 << 16)
    }

    /// The files of this index, relative to its folder.
    pub fn files(&self, base_path: &str) -> Vec<(String, Vec<u8>)> {
        let n = self.docs.len();
        let encoded: Vec<(String, String)> = self
            .postings
            .iter()
            .map(|(key, p)| (key.clone(), encode_posting(p, n)))
            .collect();
        let shards = self.shard_count(&encoded);
        let mut bodies: Vec<String> = vec![String::from("{"); shards];
        for (key, value) in &encoded {
            let body = &mut bodies[shard_of(key, shards)];
            if body.len() > 1 {
                body.push(',');
            }
            body.push_str(&serde_json::Value::String(key.clone()).to_string());
            body.push(':');
            body.push_str(value);
        }
        let mut files = Vec::with_capacity(shards + n + 1);
        let meta = serde_json::json!({
            "v": 1,
            "shards": shards,
            "docs": n,
            "items": self.items,
            "base": base_path,
        });
        files.push(("meta.json".to_string(), meta.to_string().into_bytes()));
        for (i, mut body) in bodies.into_iter().enumerate() {
            body.push('}');
            files.push((format!("s/{i}.json"), body.into_bytes()));
        }
        for (id, doc) in self.docs.iter().enumerate() {
            let json = serde_json::to_vec(doc).unwrap_or_default();
            files.push((format!("d/{id}.json"), json));
        }
        files
    }

    /// Documents matching `query`, best first: what the browser's script does,
    /// here so that the matching rules are tested in Rust too.
    pub fn search(&self, query: &str) -> Vec<u32> {
        let query = normalize(query);
        let mut total: Option<HashMap<u32, u32>> = None;
        for term in chunks(&query) {
            let hits = self.term_hits(term);
            total = Some(match total {
                None => hits,
                Some(before) => before
                    .into_iter()
                    .filter_map(|(id, s)| hits.get(&id).map(|h| (id, s + h)))
                    .collect(),
            });
        }
        let mut ranked: Vec<(u32, u32)> = total.unwrap_or_default().into_iter().collect();
        let items = self.items as u32;
        ranked.sort_by(|a, b| {
            (a.0 >= items)
                .cmp(&(b.0 >= items))
                .then(b.1.cmp(&a.1))
                .then(a.0.cmp(&b.0))
        });
        ranked.into_iter().map(|(id, _)| id).collect()
    }

    pub fn doc(&self, id: u32) -> &DocData {
        &self.docs[id as usize]
    }

    fn lists(&self, key: &str) -> (HashSet<u32>, HashSet<u32>) {
        self.postings.get(key).map_or_else(Default::default, |p| {
            (
                p.any.iter().copied().collect(),
                p.title.iter().copied().collect(),
            )
        })
    }

    /// Score of every document that has `term`: 1 for a match, +4 when it is a
    /// whole word there, +8 when it is in the title.
    fn term_hits(&self, term: &str) -> HashMap<u32, u32> {
        let (any, title, words) = if has_thai(term) {
            let mut any: Option<HashSet<u32>> = None;
            let mut title: Option<HashSet<u32>> = None;
            for gram in query_grams(term) {
                let (a, t) = self.lists(&format!("g{gram}"));
                any = Some(any.map_or(a.clone(), |x| &x & &a));
                title = Some(title.map_or(t.clone(), |x| &x & &t));
            }
            let words = self.lists(&format!("w{term}")).0;
            (any.unwrap_or_default(), title.unwrap_or_default(), words)
        } else {
            let (any, title) = self.lists(&format!("w{}", stem(term)));
            let words = any.clone();
            (any, title, words)
        };
        any.into_iter()
            .map(|id| {
                let score = 1
                    + if words.contains(&id) { 4 } else { 0 }
                    + if title.contains(&id) { 8 } else { 0 };
                (id, score)
            })
            .collect()
    }
}

/// The bigrams a query term is looked up by: all of a short term's, every
/// other one (and the last) of a long term's, so a long word costs few shards.
pub fn query_grams(term: &str) -> Vec<String> {
    let grams = bigrams(term);
    if grams.len() <= 6 {
        return grams;
    }
    let last = grams.len() - 1;
    grams
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0 || *i == last)
        .map(|(_, g)| g.clone())
        .collect()
}

/// The distinct tokens of one document (`w…` words, `g…` bigrams) and whether
/// each is in the title, their keys laid end to end in one string: a document
/// has a thousand or more, and one allocation each would dominate indexing.
#[derive(Debug, Default)]
struct DocTokens {
    keys: String,
    /// Where each key ends in `keys`, and whether it is in the title.
    ends: Vec<(u32, bool)>,
}

impl DocTokens {
    /// Each token with whether it is in the title.
    fn iter(&self) -> impl Iterator<Item = (&str, bool)> {
        let mut start = 0;
        self.ends.iter().map(move |&(end, in_title)| {
            let key = &self.keys[start..end as usize];
            start = end as usize;
            (key, in_title)
        })
    }
}

/// Tokens of one document with whether each is in the title.
fn document_tokens(doc: &Document) -> DocTokens {
    let title = normalize(&doc.title);
    let text = normalize(&doc.text);
    // Keyed by (whole word?, token), borrowed from the normalised texts. Millions
    // of short keys: foldhash is several times faster than the standard hasher on
    // them, and still seeded per process against crafted collisions.
    let mut set: foldhash::HashMap<(bool, Cow<'_, str>), bool> = foldhash::HashMap::default();
    for (text, in_title) in [(&title, true), (&text, false)] {
        tokens::for_each_token(text, |token| {
            let key = match token {
                tokens::Token::Word(w) => (true, w),
                tokens::Token::Bigram(g) => (false, Cow::Borrowed(g)),
            };
            *set.entry(key).or_insert(false) |= in_title;
        });
    }
    let mut out = DocTokens {
        keys: String::with_capacity(set.keys().map(|(_, t)| t.len() + 1).sum()),
        ends: Vec::with_capacity(set.len()),
    };
    for ((word, token), in_title) in set {
        out.keys.push(if word { 'w' } else { 'g' });
        out.keys.push_str(&token);
        out.ends.push((out.keys.len() as u32, in_title));
    }
    out
}

/// FNV-1a of the token's UTF-8 bytes, modulo the number of shards (as the script does).
pub fn shard_of(key: &str, shards: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in key.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % shards
}

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A posting as JSON: `"list"` or `["list","title list"]`.
fn encode_posting(p: &Posting, docs: usize) -> String {
    if p.title.is_empty() {
        format!("\"{}\"", encode_ids(&p.any, docs))
    } else {
        format!(
            "[\"{}\",\"{}\"]",
            encode_ids(&p.any, docs),
            encode_ids(&p.title, docs)
        )
    }
}

/// Sorted ids as the shorter of two forms: gaps as base-32 varints in URL-safe
/// base-64 digits (32–63 continue a number), or `!` and a base-64 bitmap.
pub fn encode_ids(ids: &[u32], docs: usize) -> String {
    let mut gaps = String::new();
    let mut previous: i64 = -1;
    for &id in ids {
        let mut gap = (i64::from(id) - previous - 1) as u64;
        previous = i64::from(id);
        while gap >= 32 {
            gaps.push(DIGITS[32 + (gap & 31) as usize] as char);
            gap >>= 5;
        }
        gaps.push(DIGITS[gap as usize] as char);
    }
    let bitmap_len = 1 + (docs.div_ceil(8) * 4).div_ceil(3);
    if gaps.len() <= bitmap_len {
        return gaps;
    }
    let mut bytes = vec![0u8; docs.div_ceil(8)];
    for &id in ids {
        bytes[id as usize / 8] |= 1 << (id % 8);
    }
    let mut out = String::from("!");
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(DIGITS[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// The section pages of one language, as list documents.
fn list_documents(site: &Site<'_>, lang: Lang) -> Vec<Document> {
    site.sections
        .iter()
        .map(|section| {
            let title = crate::render::view::section_title(section.config, lang).to_string();
            let data = DocData {
                t: title.clone(),
                u: format!("{}{}/", lang.prefix(), section.config.id),
                s: String::new(),
                d: String::new(),
                x: String::new(),
            };
            Document::new(data, title, String::new())
        })
        .collect()
}

/// What the render stage already made of a live item that its document uses.
#[derive(Debug, Clone, Copy)]
pub struct ItemText<'a> {
    /// The summary, as the item's card shows it.
    pub summary: &'a str,
    /// The SHA-256 of the item's Markdown.
    pub body_digest: &'a kept::Hash,
}

/// The index of one language: its live items newest first, in batches, then
/// its section pages. `items` holds each live item's [`ItemText`], by index.
pub fn index_of(
    site: &Site<'_>,
    lang: Lang,
    items: &[ItemText<'_>],
    store: &mut TokenStore,
) -> Index {
    let mut index = Index::new();
    for batch in site.latest(lang).chunks(BATCH) {
        let seen: &TokenStore = store;
        let documents = batch
            .par_iter()
            .map(|&i| item_document(site, i, items[i], seen))
            .collect();
        index.add(documents, store);
    }
    index.items = index.docs.len();
    index.add(list_documents(site, lang), store);
    index.finish(store)
}

/// An item's document. Its text (the body's words above all) is made only when
/// `seen` does not already hold the tokens of exactly these inputs.
fn item_document(site: &Site<'_>, index: usize, made: ItemText<'_>, seen: &TokenStore) -> Document {
    let summary = made.summary;
    let live = &site.items[index];
    let item = live.item;
    let front = &item.front;
    let date = match item.lang {
        Lang::Th => thai_date(
            front.publish,
            site.tz,
            DateForm::Full,
            site.config.thai_digits,
        ),
        Lang::En => format!(
            "{} (B.E. {})",
            english_date(front.publish, site.tz, DateForm::Full),
            thai_date(front.publish, site.tz, DateForm::Month, false)
                .rsplit(' ')
                .next()
                .unwrap_or_default()
        ),
    };
    let attachments: Vec<String> = live
        .attachments
        .iter()
        .map(|a| a.name.replace(['-', '_', '/'], " "))
        .collect();
    let tags = front.tags.join("\n");
    let attachments = attachments.join("\n");
    let key = kept::item_key(&front.title, summary, &tags, made.body_digest, &attachments);
    let text = if seen.lookup(&key).is_some() {
        String::new()
    } else {
        [
            summary,
            &tags,
            &markdown::plain_text(&item.body),
            &attachments,
        ]
        .join("\n")
    };
    Document {
        data: DocData {
            t: front.title.clone(),
            u: item.url(),
            s: site
                .config
                .section(&item.section)
                .map(|s| crate::render::view::section_title(s, item.lang).to_string())
                .unwrap_or_default(),
            d: date,
            x: markdown::truncate_graphemes(summary, SNIPPET_CHARS),
        },
        title: front.title.clone(),
        text,
        key,
    }
}

/// Writes both languages' indexes; returns the number of files written. `store`
/// holds the tokens of documents indexed before, and gets this build's; `items`
/// holds each live item's [`ItemText`], by index.
pub fn write(
    site: &Site<'_>,
    sink: &dyn Sink,
    items: &[ItemText<'_>],
    store: &mut TokenStore,
) -> anyhow::Result<usize> {
    let mut written = 0;
    for lang in [Lang::Th, Lang::En] {
        let start = std::time::Instant::now();
        let index = index_of(site, lang, items, store);
        crate::timings::span(&format!("search {lang:?}: tokens"), start);
        let files = index.files(&site.urls.base_path);
        let dir = Route::SearchIndex(lang).url();
        let dir = dir.trim_start_matches('/');
        files
            .par_iter()
            .map(|(name, bytes)| sink.write(&format!("{dir}{name}"), bytes))
            .collect::<anyhow::Result<()>>()?;
        crate::timings::span(&format!("search {lang:?}: all"), start);
        written += files.len();
    }
    Ok(written)
}

#[cfg(test)]
mod tests;
