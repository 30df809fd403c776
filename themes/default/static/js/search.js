// Site search for the /search/ page. A plain script with no dependencies: it reads
// the index khaosan writes at build time (search-index/<lang>/) and fetches only
// the shards its query's words and Thai bigrams live in, then the results shown.
//
// The normalisation and the tokens below repeat src/search/normalize.rs and
// src/search/tokens.rs; both are tested against src/search/cases.json.
(function () {
  'use strict';

  // ---- Normalisation (the same as the index's) --------------------------------

  var INVISIBLE = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g;
  var LATIN_MARKS = /[\u0300-\u036F]/g;
  var THAI_DIGITS = /[\u0E50-\u0E59]/g;
  var ALPHA = /\p{Alphabetic}/u;
  var ALNUM = /[\p{Alphabetic}\p{N}]/u;
  // Letters, digits and Thai marks; not ฯ ๆ ๏ ๚ ๛.
  var CHUNK = /[\p{Alphabetic}\p{N}\u0E01-\u0E2E\u0E30-\u0E45\u0E47-\u0E4E\u0E50-\u0E59]+/gu;

  function isThai(c) {
    var n = c.codePointAt(0);
    return n >= 0x0E01 && n <= 0x0E5B;
  }

  /** NFD, Latin marks and invisible characters dropped, Thai digits, lower case, NFC. */
  function fold(text) {
    return text.normalize('NFD').replace(LATIN_MARKS, '').replace(INVISIBLE, '')
      .replace(THAI_DIGITS, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0x0E50 + 48); })
      .toLowerCase().normalize('NFC');
  }

  /** A dot after a Thai letter (อสม.) or after a single Latin letter (U.S.A.). */
  function abbreviationDot(chars, i) {
    if (i < 1) return false;
    var before = chars[i - 1];
    if (isThai(before)) return true;
    if (ALPHA.test(before)) return i < 2 || !ALNUM.test(chars[i - 2]);
    return false;
  }

  function normalize(text) {
    var chars = Array.from(fold(text));
    var out = '';
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i], next = chars[i + 1];
      if (c === '\u0E40' && next === '\u0E40') { out += '\u0E41'; i++; continue; }
      if (c === '\u0E4D' && next === '\u0E32') { out += '\u0E33'; i++; continue; }
      if (c === '.' && abbreviationDot(chars, i)) continue;
      out += c;
    }
    return out;
  }

  // ---- Tokens -------------------------------------------------------------------

  // ฯ and ๆ are letters to Unicode but separate words here (ต่างๆ = ต่าง ๆ).
  function chunks(text) { return text.replace(/[\u0E2F\u0E46]/g, ' ').match(CHUNK) || []; }
  function hasThai(chunk) { return Array.from(chunk).some(isThai); }

  function bigrams(chunk) {
    var chars = Array.from(chunk);
    if (chars.length < 2) return [chunk];
    var grams = [];
    for (var i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
    return grams;
  }

  /** All bigrams of a short term; every other one and the last of a long term. */
  function queryGrams(term) {
    var grams = bigrams(term);
    if (grams.length <= 6) return grams;
    return grams.filter(function (_, i) { return i % 2 === 0 || i === grams.length - 1; });
  }

  function stem(word) {
    var n = Array.from(word).length;
    if (n > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
    if (n > 3 && word.endsWith('s') && !word.endsWith('ss') && /^[\x00-\x7F]*$/.test(word)) return word.slice(0, -1);
    return word;
  }

  // ---- Index files --------------------------------------------------------------

  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS[d]] = d;

  /** Document ids from gaps in base-32 varints, or from `!` and a base-64 bitmap. */
  function decodeIds(text) {
    var ids = [];
    var i;
    if (text[0] === '!') {
      for (i = 1; i < text.length; i += 4) {
        var group = text.slice(i, i + 4), n = 0;
        for (var j = 0; j < 4; j++) n = n * 64 + (j < group.length ? VALUE[group[j]] : 0);
        var bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255].slice(0, group.length - 1);
        var first = ((i - 1) / 4) * 3;
        for (var b = 0; b < bytes.length; b++) {
          for (var k = 0; k < 8; k++) if (bytes[b] & (1 << k)) ids.push((first + b) * 8 + k);
        }
      }
      return ids;
    }
    var previous = -1, value = 0, scale = 1;
    for (i = 0; i < text.length; i++) {
      var digit = VALUE[text[i]];
      if (digit >= 32) { value += (digit - 32) * scale; scale *= 32; continue; }
      value += digit * scale;
      previous += value + 1;
      ids.push(previous);
      value = 0; scale = 1;
    }
    return ids;
  }

  var ENCODER = typeof TextEncoder === 'function' ? new TextEncoder() : null;

  /** FNV-1a of the token's UTF-8 bytes, modulo the number of shards. */
  function shardOf(key, shards) {
    var bytes = ENCODER.encode(key), hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    return (hash >>> 0) % shards;
  }

  function Index(base) {
    this.base = base;
    this.cache = new Map();
  }

  Index.prototype.json = function (path) {
    if (!this.cache.has(path)) {
      var self = this;
      var promise = fetch(this.base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.json();
      });
      promise.catch(function () { self.cache.delete(path); });
      this.cache.set(path, promise);
    }
    return this.cache.get(path);
  };

  /** What one term needs: its bigram keys (Thai) or word key, and its word key. */
  function plan(term) {
    if (hasThai(term)) {
      return { grams: queryGrams(term).map(function (g) { return 'g' + g; }), word: 'w' + term };
    }
    return { grams: [], word: 'w' + stem(term) };
  }

  function lists(value) {
    if (value === undefined) return { any: [], title: [] };
    if (typeof value === 'string') return { any: decodeIds(value), title: [] };
    return { any: decodeIds(value[0]), title: decodeIds(value[1]) };
  }

  function intersect(sets) {
    var result = null;
    sets.forEach(function (set) {
      if (result === null) { result = new Set(set); return; }
      result.forEach(function (id) { if (!set.has(id)) result.delete(id); });
    });
    return result || new Set();
  }

  /**
   * Ids of matching documents, best first. Every term must match; a term scores
   * 1, +4 as a whole word, +8 in the title; items (ids below meta.items) come
   * before lists, and ties keep index order (newest first).
   */
  Index.prototype.search = async function (query) {
    var meta = await this.json('meta.json');
    var terms = Array.from(new Set(chunks(normalize(query))));
    if (!terms.length) return { ids: [], meta: meta, terms: terms };
    var plans = terms.map(plan);
    var keys = new Set();
    plans.forEach(function (p) { p.grams.forEach(function (k) { keys.add(k); }); keys.add(p.word); });
    var self = this;
    var shards = {};
    await Promise.all(Array.from(new Set(Array.from(keys).map(function (k) { return shardOf(k, meta.shards); })))
      .map(function (n) { return self.json('s/' + n + '.json').then(function (s) { shards[n] = s; }); }));
    var get = function (key) { return lists(shards[shardOf(key, meta.shards)][key]); };
    var total = null;
    plans.forEach(function (p) {
      var word = get(p.word), any, title, words;
      if (p.grams.length) {
        var grams = p.grams.map(get);
        any = intersect(grams.map(function (g) { return new Set(g.any); }));
        title = intersect(grams.map(function (g) { return new Set(g.title); }));
        words = new Set(word.any);
      } else {
        any = new Set(word.any);
        title = new Set(word.title);
        words = any;
      }
      var scores = new Map();
      any.forEach(function (id) {
        scores.set(id, 1 + (words.has(id) ? 4 : 0) + (title.has(id) ? 8 : 0));
      });
      if (total === null) { total = scores; return; }
      var next = new Map();
      total.forEach(function (s, id) { if (scores.has(id)) next.set(id, s + scores.get(id)); });
      total = next;
    });
    var ids = Array.from(total.keys());
    ids.sort(function (a, b) {
      var la = a >= meta.items, lb = b >= meta.items;
      if (la !== lb) return la ? 1 : -1;
      return (total.get(b) - total.get(a)) || (a - b);
    });
    return { ids: ids, meta: meta, terms: terms };
  };

  // ---- Marking matched words ----------------------------------------------------

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** `text` as HTML with every occurrence of the normalised terms in <mark>. */
  function mark(text, terms) {
    var chars = Array.from(text);
    var folded = chars.map(fold);
    var norm = '', from = [];
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i], piece, span = 1;
      if (c === '\u0E40' && chars[i + 1] === '\u0E40') { piece = '\u0E41'; span = 2; }
      else if (c === '\u0E4D' && chars[i + 1] === '\u0E32') { piece = '\u0E33'; span = 2; }
      else if (c === '.' && abbreviationDot(folded, i)) piece = '';
      else piece = fold(c);
      for (var u = 0; u < piece.length; u++) from.push([i, i + span]);
      norm += piece;
      i += span - 1;
    }
    var marked = new Array(chars.length).fill(false);
    terms.forEach(function (term) {
      if (!term) return;
      for (var at = norm.indexOf(term); at !== -1; at = norm.indexOf(term, at + term.length)) {
        var start = from[at][0], end = from[at + term.length - 1][1];
        for (var k = start; k < end; k++) marked[k] = true;
      }
    });
    var html = '', open = false;
    chars.forEach(function (c, k) {
      if (marked[k] !== open) { html += open ? '</mark>' : '<mark>'; open = marked[k]; }
      html += escapeHtml(c);
    });
    return html + (open ? '</mark>' : '');
  }

  /**
   * The index matches a long Thai term by some of its bigrams; once the first
   * page's titles are here, those holding every term as typed (normalised) move
   * up, keeping rank order otherwise.
   */
  function rerank(ids, docs, terms, items) {
    var order = ids.map(function (id, k) {
      var title = normalize(docs[k].t);
      var exact = terms.filter(function (t) { return title.indexOf(t) !== -1; }).length;
      return { id: id, doc: docs[k], exact: exact, list: id >= items ? 1 : 0, k: k };
    });
    order.sort(function (a, b) { return (a.list - b.list) || (b.exact - a.exact) || (a.k - b.k); });
    order.forEach(function (o, k) { ids[k] = o.id; docs[k] = o.doc; });
  }

  // ---- The page -----------------------------------------------------------------

  var PAGE = 10;

  function start() {
    var results = document.getElementById('search-results');
    var input = document.getElementById('search-q');
    if (!results || !input) return;
    var status = document.getElementById('search-status');
    var more = document.getElementById('search-more');
    var form = input.form;
    var index = new Index(results.dataset.index);
    var run = 0;
    var shown = [];
    var found = null;

    function link(meta, doc) {
      return meta.base + encodeURI(doc.u.replace(/^\//, ''));
    }

    async function showMore(focus) {
      var mine = run;
      var next = found.ids.slice(shown.length, shown.length + PAGE);
      var docs = await Promise.all(next.map(function (id) { return index.json('d/' + id + '.json'); }));
      if (mine !== run) return;
      if (!shown.length) rerank(next, docs, found.terms, found.meta.items);
      var firstNew = null;
      docs.forEach(function (doc, k) {
        var li = document.createElement('li');
        var isList = next[k] >= found.meta.items;
        var meta = isList ? escapeHtml(results.dataset.list)
          : escapeHtml(doc.s) + ' · <time>' + escapeHtml(doc.d) + '</time>';
        li.innerHTML = '<a href="' + escapeHtml(link(found.meta, doc)) + '">' + mark(doc.t, found.terms) + '</a>' +
          '<p class="search-meta">' + meta + '</p>' +
          (doc.x ? '<p class="search-snippet">' + mark(doc.x, found.terms) + '</p>' : '');
        results.appendChild(li);
        if (!firstNew) firstNew = li.querySelector('a');
        shown.push(next[k]);
      });
      more.hidden = shown.length >= found.ids.length;
      if (focus && firstNew) firstNew.focus();
    }

    async function search(query) {
      var mine = ++run;
      results.dataset.state = 'loading';
      try {
        var answer = await index.search(query);
        if (mine !== run) return;
        found = answer;
        shown = [];
        results.textContent = '';
        more.hidden = true;
        if (answer.terms.length) {
          await showMore(false);
          if (mine !== run) return;
          status.textContent = answer.ids.length
            ? results.dataset.count.replace('{n}', answer.ids.length.toLocaleString())
            : results.dataset.none;
        } else {
          status.textContent = '';
        }
        results.dataset.state = 'done';
      } catch (error) {
        if (mine !== run) return;
        results.textContent = '';
        status.textContent = results.dataset.error;
        results.dataset.state = 'error';
      }
    }

    function fromInput() {
      var query = input.value;
      var url = new URL(window.location.href);
      if (query) url.searchParams.set('q', query); else url.searchParams.delete('q');
      window.history.replaceState(null, '', url);
      search(query);
    }

    input.addEventListener('input', fromInput);
    form.addEventListener('submit', function (event) { event.preventDefault(); fromInput(); });
    more.addEventListener('click', function () {
      var mine = run;
      results.dataset.state = 'loading';
      showMore(true).then(function () { if (mine === run) results.dataset.state = 'done'; });
    });
    input.value = new URLSearchParams(window.location.search).get('q') || '';
    search(input.value);
  }

  var api = { normalize: normalize, chunks: chunks, bigrams: bigrams, queryGrams: queryGrams, stem: stem,
    decodeIds: decodeIds, shardOf: shardOf, mark: mark, Index: Index };
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
  globalThis.khaosanSearch = api;
})();
