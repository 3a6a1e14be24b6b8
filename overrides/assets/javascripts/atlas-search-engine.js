// Guide Atlas search engine: Pagefind's index, with repairs for Chinese. No DOM here.
//
// Pagefind 1.5.2 segments Chinese differently when indexing (jieba, in the CLI) and when
// searching (the browser's Intl.Segmenter), and its results for a query of several words may
// hold only some of them, or none of the words together (Pagefind issue #1237): `xyzzy不存在`
// returns pages holding 不存在 alone. So a result is checked against the page's indexed text:
//   - exact: the page holds every part of the query as typed (each space-separated part, each
//     "quoted phrase"): Chinese as a string, Latin letters and digits as whole words (case ignored;
//     a word of four letters or more also with a plural -s or -es), never Pagefind's prefix match
//     (`asdf` matched "as", `AI` "chains"). Exact results come first. A query of one Chinese word
//     is Pagefind's own match (it is exact).
//   - partial (not for a query quoting a phrase, which asks for that phrase only):
//     the page holds at least two of the query's words of two or more characters, and
//     at least half of them; never a page that shares only single characters (不, 的, 链) with the
//     query. Partial results come after every exact one, and the page says they are partial.
// Candidates are Pagefind's results for the whole query, checked in Pagefind's order as the reader
// pages through (at most CHECK_PER_CALL × n per request for n results, VERIFY_LIMIT in all), so a
// query fetches little more than Pagefind alone and the fragments of the results it shows. Only
// when they are all checked and fewer than FEW hold the query (or it quotes a phrase, which
// Pagefind may have split its own way) are the pages holding at least half of the query's words,
// each searched alone, checked too: searching common words one by one is what costs most.
// Topics (meta kind=topic: the answers) come before every other page, exact and partial alike:
// Pagefind is asked for the topics first (filter kind=topic), then for the rest.
// Filter counts for a query of several words are counted over the results that hold it, once all
// candidates are checked (`all()`); for one word they are Pagefind's.
// Results are Pagefind's data objects (url, meta, excerpt with <mark>, content, filters), each
// with `partial` true for a partial match.

const FEW = 10;            // fewer Pagefind results than this → add the word-by-word candidates
const VERIFY_LIMIT = 400;  // candidates checked at most
const CHECK_PER_CALL = 4;  // a request for n results checks at most this × n (and 60) more candidates
const MIN_WORD = 2;        // characters a word needs to count towards a partial match

const segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

/** The words of a text, as the browser segments them (as Pagefind does for the query). */
export function words(text) {
  if (!segmenter) return text.split(/\s+/).filter(Boolean);
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** A query → its quoted phrases, the whole text without quotes, and the parts a page must hold:
 * every phrase and every space-separated part of the rest. */
export function parse(query) {
  const phrases = [...query.matchAll(/["“”]([^"“”]+)["“”]/g)].map((m) => m[1].trim()).filter(Boolean);
  const text = query.replace(/["“”]/g, " ").replace(/\s+/g, " ").trim();
  const rest = query.replace(/["“”][^"“”]*["“”]/g, " ").replace(/["“”]/g, " ").split(/\s+/).filter(Boolean);
  const parts = [...new Set([...phrases, ...rest].map(squash))];
  return { phrases, text, parts };
}

const squash = (text) => text.replace(/\s+/g, " ").trim().toLowerCase();
const LATIN = /[a-z0-9\u00c0-\u024f]/i;
const EDGE = "a-z0-9\\u00c0-\\u024f";
const matchers = new Map();

/** Whether `text` (squashed) holds `part` (squashed): Chinese as a string, Latin letters and digits
 * as whole words (a word of four letters or more also with a plural ending). */
export function holds(text, part) {
  if (!LATIN.test(part)) return text.includes(part);
  if (!matchers.has(part)) {
    const stem = /^[a-z]{4,}$/.test(part) ? part.replace(/(?<!s)s$/, "") : part;
    const plural = stem !== part || /^[a-z]{4,}$/.test(part) ? "(?:s|es)?" : "";
    const start = LATIN.test(part[0]) ? `(?<![${EDGE}])` : "";
    const end = LATIN.test(part[part.length - 1]) ? `(?![${EDGE}])` : "";
    matchers.set(part, new RegExp(start + escapeRe(stem) + plural + end, "iu"));
  }
  return matchers.get(part).test(text);
}
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const long = (word) => [...word].length >= MIN_WORD;

/** An excerpt of `content` around the first of `terms`, every term marked as Pagefind marks them. */
export function excerpt(content, terms, length = 90) {
  const text = content.replace(/\s+/g, " ");
  const lower = text.toLowerCase();
  const sorted = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  let at = -1;
  for (const term of sorted) {
    at = lower.indexOf(term.toLowerCase());
    if (at >= 0) break;
  }
  const start = Math.max(0, at - Math.floor(length / 3));
  const end = Math.min(text.length, start + length);
  const snippet = text.slice(start, end).replace(/<\/?mark>/g, "");
  const marked = sorted.length
    ? snippet.replace(new RegExp(sorted.map(escapeRe).join("|"), "gi"), (m) => `<mark>${m}</mark>`)
    : snippet;
  return (start > 0 ? "…" : "") + marked + (end < text.length ? "…" : "");
}

/** Pages holding at least half of `unique` words, each searched alone, topics first, then ranked by
 * how many, minus `seen`. */
async function wordByWord(pf, unique, filters, seen) {
  const tally = new Map();
  const each = await Promise.all(unique.map((w) => ordered(pf, w, filters)));
  for (const search of each) {
    for (const result of search.results) {
      const t = tally.get(result.id) || { result, hits: 0, score: 0, topic: search.topics.has(result.id) };
      t.hits += 1;
      t.score += result.score;
      tally.set(result.id, t);
    }
  }
  return [...tally.values()]
    .filter((t) => !seen.has(t.result.id) && t.hits * 2 >= unique.length)
    .sort((a, b) => b.topic - a.topic || b.hits - a.hits || b.score - a.score)
    .map((t) => t.result);
}

/** Pagefind's results for `term`: the topics first, then every other page, each in Pagefind's order;
 * and Pagefind's filter counts. */
async function ordered(pf, term, filters) {
  const [all, topics] = await Promise.all([
    pf.search(term, { filters }), pf.search(term, { filters: { ...filters, kind: "topic" } })]);
  const first = new Set(topics.results.map((r) => r.id));
  return { results: [...topics.results, ...all.results.filter((r) => !first.has(r.id))], filters: all.filters, topics: first };
}

const topic = (data) => (data.meta.kind === "topic" ? 1 : 0);

/** Filter counts over results' data ({key: {value: n}}), for the filter keys Pagefind counted. */
function countOf(data, keys) {
  const counts = Object.fromEntries(keys.map((k) => [k, {}]));
  for (const d of data) {
    for (const key of keys) for (const value of new Set((d.filters || {})[key] || [])) counts[key][value] = (counts[key][value] || 0) + 1;
  }
  return counts;
}

/** Every result Pagefind gives, as they are (a query of one Chinese word, or filters alone). */
function trusted(results, counts) {
  let at = 0;
  return {
    total: results.length,
    exact: true,
    partial: 0,
    counts,
    async next(n) {
      const batch = results.slice(at, at + n);
      at += batch.length;
      return Promise.all(batch.map((r) => r.data()));
    },
    async all() { return counts; },
  };
}

/**
 * Search. Returns { total, exact, partial, counts, next(n) }: `total` exact results (a lower bound
 * while `exact` is false: candidates are still being checked), `partial` partial results (known
 * once `exact` is true), `counts` Pagefind's filter counts for the query ({key: {value: n}}), and
 * `next(n)` resolving to up to n more results' data, exact ones first, then partial ones
 * (`next(n, {early: true})`: with the partial ones found so far, for a single batch).
 */
export async function find(pf, query, filters = {}) {
  const { phrases, text, parts } = parse(query);
  if (!text) {
    const all = await ordered(pf, null, filters);
    return trusted(all.results, all.filters);
  }
  const direct = await ordered(pf, text, filters);
  const unique = [...new Set(words(text).map((w) => w.toLowerCase()))];
  if (!phrases.length && parts.length === 1 && unique.length <= 1 && !LATIN.test(text)) {
    return trusted(direct.results, direct.filters);
  }

  const pool = direct.results;
  let widened = unique.length < 2; // the word-by-word candidates: added once, when needed
  const meaningful = phrases.length ? [] : unique.filter(long); // a quoted phrase wants that phrase only
  const needed = Math.max(2, Math.ceil(meaningful.length / 2));
  let limit = Math.min(pool.length, VERIFY_LIMIT);
  const exact = { topics: [], others: [], get length() { return this.topics.length + this.others.length; },
    all() { return this.topics.concat(this.others); } }; // topics first, however they were found
  const partial = [];
  let checked = 0;
  let given = 0;

  function sort(data) {
    const content = squash(`${data.meta.title || ""} ${data.content}`);
    if (parts.every((p) => holds(content, p))) {
      exact[topic(data) ? "topics" : "others"].push({ ...data, excerpt: excerpt(data.content, parts), partial: false });
      return;
    }
    const held = meaningful.filter((w) => holds(content, w));
    if (held.length >= needed) partial.push({ ...data, excerpt: excerpt(data.content, held), partial: true, held: held.length });
  }

  const state = {
    total: 0,
    exact: false,
    partial: 0,
    counts: direct.filters,
    async next(n, { early = false, everything = false } = {}) {
      const budget = everything ? Infinity : checked + Math.max(CHECK_PER_CALL * n, 60);
      const wider = () => !widened && (exact.length < FEW || phrases.length > 0);
      for (;;) {
        if (checked >= limit && wider()) {
          // Pagefind's own results are all checked and few hold the query: its words may have
          // been segmented otherwise in the index, so look for pages holding them one by one.
          widened = true;
          // Single characters (成, 圈) match as prefixes of countless index words, which makes them
          // the slowest to search: left out once the query has three longer words to go by.
          const alone = unique.filter(long).length >= 3 ? unique.filter(long) : unique;
          pool.push(...await wordByWord(pf, alone, filters, new Set(pool.map((r) => r.id))));
          limit = Math.min(pool.length, VERIFY_LIMIT);
        }
        if ((!everything && exact.length >= given + n) || checked >= Math.min(limit, budget)) break;
        const batch = pool.slice(checked, Math.min(limit, budget, checked + Math.max(n, 10)));
        checked += batch.length;
        (await Promise.all(batch.map((r) => r.data()))).forEach(sort);
      }
      const done = checked >= limit && !wider();
      // Topics first, then by words held; stable: Pagefind's order within.
      if (done && state.exact === false) partial.sort((a, b) => topic(b) - topic(a) || b.held - a.held);
      state.total = exact.length;
      state.exact = done;
      state.partial = done ? partial.length : 0;
      // Partial results follow the exact ones once all are checked; `early` (the header box, which
      // shows one batch) also shows those found so far.
      const shown = done || early ? exact.all().concat(partial) : exact.all();
      const out = shown.slice(given, given + n);
      given += out.length;
      return out;
    },
    /** Check every candidate; then `counts` counts the results that hold the query. Resolves to them. */
    async all() {
      await state.next(0, { everything: true });
      state.counts = countOf(exact.all().concat(partial), Object.keys(direct.filters || {}));
      return state.counts;
    },
  };
  return state;
}
