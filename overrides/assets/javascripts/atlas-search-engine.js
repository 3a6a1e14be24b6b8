// Guide Atlas search engine: Pagefind's index, with two repairs for Chinese. No DOM here.
//
// Pagefind 1.5.2 segments Chinese differently when indexing (jieba, in the CLI) and when
// searching (the browser's Intl.Segmenter), and a query matches only pages holding every query
// word (Pagefind issue #1237). So a longer query, such as a topic's full title, often finds
// nothing, and Pagefind's own quoted search misses phrases it segmented differently. This module:
//   1. runs Pagefind's search; when it returns fewer than FEW pages, also searches each query
//      word alone and adds the pages that hold at least half of the words, ranked by how many;
//   2. treats "quoted text" as a literal phrase: candidates come from 1. (word by word always),
//      and a page is a result only if its indexed text holds the phrase exactly (checked in the
//      page's Pagefind fragment, at most VERIFY_LIMIT candidates, as many as the reader pages through).
// Results are Pagefind's data objects (url, meta, excerpt with <mark>, content), fetched lazily.

const FEW = 10;          // fewer Pagefind results than this → add the word-by-word candidates
const VERIFY_LIMIT = 400; // candidates checked at most for a quoted phrase

const segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

/** The words of a text, as the browser segments them (as Pagefind does for the query). */
export function words(text) {
  if (!segmenter) return text.split(/\s+/).filter(Boolean);
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** A query → its quoted phrases and the whole text without quotes. */
export function parse(query) {
  const phrases = [...query.matchAll(/["“”]([^"“”]+)["“”]/g)].map((m) => m[1].trim()).filter(Boolean);
  const text = query.replace(/["“”]/g, " ").replace(/\s+/g, " ").trim();
  return { phrases, text };
}

const squash = (text) => text.replace(/\s+/g, " ").toLowerCase();
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

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

/** Ranked Pagefind results for a text: Pagefind's own, then word-by-word candidates if few (or `always`). */
async function candidates(pf, text, filters, always = false) {
  const direct = (await pf.search(text, { filters })).results;
  const list = direct.map((result) => ({ result, direct: true }));
  const unique = [...new Set(words(text).map((w) => w.toLowerCase()))];
  if ((direct.length >= FEW && !always) || unique.length < 2) return list;
  const tally = new Map();
  const each = await Promise.all(unique.map((w) => pf.search(w, { filters })));
  for (const search of each) {
    for (const result of search.results) {
      const t = tally.get(result.id) || { result, hits: 0, score: 0 };
      t.hits += 1;
      t.score += result.score;
      tally.set(result.id, t);
    }
  }
  const seen = new Set(direct.map((r) => r.id));
  const more = [...tally.values()]
    .filter((t) => !seen.has(t.result.id) && t.hits * 2 >= unique.length)
    .sort((a, b) => b.hits - a.hits || b.score - a.score)
    .map((t) => ({ result: t.result, direct: false }));
  return list.concat(more);
}

/**
 * Search. Returns { total, exact, next(n) }: `total` results (a lower bound while `exact` is false,
 * for a quoted phrase not yet checked through), and `next(n)` resolving to up to n more results' data.
 */
export async function find(pf, query, filters = {}) {
  const { phrases, text } = parse(query);
  const terms = phrases.length ? phrases : words(text);
  const pool = text
    ? await candidates(pf, text, filters, phrases.length > 0) // a phrase Pagefind split its own way may be missing from its results
    : (await pf.search(null, { filters })).results.map((result) => ({ result, direct: true }));
  const own = (data) => ({ ...data, excerpt: excerpt(data.content, terms) });

  if (!phrases.length) {
    let at = 0;
    return {
      total: pool.length,
      exact: true,
      async next(n) {
        const batch = pool.slice(at, at + n);
        at += batch.length;
        // Pagefind's excerpt marks its own matches; for word-by-word candidates we mark the words.
        return Promise.all(batch.map(async (c) => (c.direct ? c.result.data() : own(await c.result.data()))));
      },
    };
  }

  const wanted = phrases.map(squash);
  const limit = Math.min(pool.length, VERIFY_LIMIT);
  const found = [];
  let checked = 0;
  let given = 0;
  const state = {
    total: 0,
    exact: limit === 0,
    async next(n) {
      while (found.length < given + n && checked < limit) {
        const batch = pool.slice(checked, Math.min(limit, checked + Math.max(n, 10)));
        checked += batch.length;
        const data = await Promise.all(batch.map((c) => c.result.data()));
        for (const d of data) if (wanted.every((p) => squash(d.content).includes(p))) found.push(own(d));
      }
      state.total = found.length;
      state.exact = checked >= limit;
      const out = found.slice(given, given + n);
      given += out.length;
      return out;
    },
  };
  return state;
}
