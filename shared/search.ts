/**
 * Free-text search, as pure functions shared by the server (which filters and ranks) and the client
 * (which frames the results and suggests names when nothing matched):
 * - tokens: "tianjin port" and "port tianjin" are the same two words; Chinese without spaces stays
 *   one token, and a run of Chinese next to Latin letters ("天津port") is split there.
 * - category words: 港口, 铁路, "port", "railway" name categories, read from the taxonomy's labels.
 * - rank: exact name, then prefix, then contains, then a match in another field.
 * - suggestions: the closest names when nothing matched.
 */
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from './taxonomy.ts';

/** Lower case, full-width forms folded (ＡＢＣ → abc, U+3000 → space), spaces collapsed, ends trimmed. */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const HAN = /\p{Script=Han}/u;
const SEPARATORS = /[\s,，、;；:：/|·•()（）[\]【】{}"“”'‘’<>《》「」!！?？.。\-–—_+&*#~]+/u;
/** English words that narrow nothing; dropped unless nothing else is left. */
const STOPWORDS = new Set(['of', 'the', 'and', 'to', 'a', 'an', 'in', 'at', 'for']);

export const isHan = (s: string) => HAN.test(s);

/** The words of a query: split at spaces and punctuation, and where Chinese meets Latin. */
export function tokenize(q: string): string[] {
  const parts = normalise(q)
    .replace(/(\p{Script=Han})(?=[a-z0-9])|([a-z0-9])(?=\p{Script=Han})/gu, '$1$2 ')
    .split(SEPARATORS)
    .filter(Boolean);
  const kept = parts.filter((w) => !STOPWORDS.has(w));
  return [...new Set(kept.length ? kept : parts)];
}

/** Where the taxonomy's labels cannot tell: a seaport is a port, and 港口 covers port areas too. */
const ALIASES: Partial<Record<CategoryId, readonly string[]>> = {
  'seaport': ['port', 'harbour', 'harbor'],
  'port-area': ['港口'],
};

const labelWords = (id: CategoryId) =>
  [CATEGORIES[id].en, ...(ALIASES[id] ?? []).filter((a) => !isHan(a))].flatMap((l) => normalise(l).split(/[\s&,()-]+/)).filter(Boolean);
const labelsZh = (id: CategoryId) => [CATEGORIES[id].zh, ...(ALIASES[id] ?? []).filter(isHan)];

/** A Latin word names a label word: the same word, its start (3+ letters), or it plus an ending ("railway" → rail, "ports" → port). */
const namesWord = (token: string, word: string) =>
  word === token || (token.length >= 3 && word.startsWith(token)) || (word.length >= 4 && token.startsWith(word) && token.length - word.length <= 3);

/**
 * The categories a word names: a Chinese word that is part of a category's Chinese label (铁路 is
 * in 城际铁路, 高速铁路, 货运铁路, 国际铁路通道), or an English word of its label ("railway",
 * "rail", "port", "airports").
 */
export function categoriesNamed(token: string): CategoryId[] {
  const t = normalise(token);
  if (!t) return [];
  if (isHan(t)) return CATEGORY_IDS.filter((id) => labelsZh(id).some((l) => l.includes(t)));
  return CATEGORY_IDS.filter((id) => labelWords(id).some((w) => namesWord(t, w)));
}

/** One word of a query and what it may match besides names: categories, or a place plus a category (天津港口 = 天津 + 港口). */
export type SearchTerm = {
  text: string;
  categories: CategoryId[];
  /** A Chinese word holding a category word: the rest must match a name, and the category the project. */
  split?: { rest: string; categories: CategoryId[] };
};

/** The longest category word (2+ characters) inside a Chinese token, with what is left of the token. */
function splitCategory(token: string): SearchTerm['split'] {
  if (!isHan(token)) return undefined;
  for (let len = token.length - 1; len >= 2; len--) {
    for (let i = 0; i + len <= token.length; i++) {
      const part = token.slice(i, i + len);
      const categories = categoriesNamed(part);
      const rest = token.slice(0, i) + token.slice(i + len);
      if (categories.length && rest) return { rest, categories };
    }
  }
  return undefined;
}

/** A query as terms, each to be matched (AND); empty when the query has no words. */
export function searchTerms(q: string): SearchTerm[] {
  return tokenize(q).map((text) => {
    const split = splitCategory(text);
    return { text, categories: categoriesNamed(text), ...(split ? { split } : {}) };
  });
}

type Named = { name_zh: string; name_en: string };

/** The words of an English name or id: "Port of Tianjin (Xingang)" → port, tianjin, xingang. */
const nameTokens = (s: string) => tokenize(s);

/** The name is what was typed: the same Chinese or English name, or the same English words in any order. */
export function isExactName(q: string, p: Named): boolean {
  const n = normalise(q);
  if (!n) return false;
  if (n === normalise(p.name_zh) || n === normalise(p.name_en)) return true;
  const a = tokenize(q).sort();
  const b = nameTokens(p.name_en).sort();
  return a.length > 0 && a.length === b.length && a.every((w, i) => w === b[i]);
}

/**
 * How well a project's names answer a query, best first: 0 exact name, 1 a name starts with it,
 * 2 a name contains it (or every word of it), 3 it matched another field (pinyin, id, category).
 */
export function matchRank(q: string, p: Named): 0 | 1 | 2 | 3 {
  if (isExactName(q, p)) return 0;
  const n = normalise(q);
  const zh = normalise(p.name_zh);
  const en = normalise(p.name_en);
  if (zh.startsWith(n) || en.startsWith(n)) return 1;
  if (zh.includes(n) || en.includes(n)) return 2;
  const words = nameTokens(p.name_en);
  const tokens = tokenize(q);
  const inName = (t: string) => (isHan(t) ? zh.includes(t) : words.some((w) => w.startsWith(t)));
  if (tokens.length && tokens.every(inName)) return 2;
  return 3;
}

/**
 * Items sorted by matchRank, then those of a category the query names ("airport": the airport before
 * a road to it), then shorter Chinese name; equal ones keep their order.
 */
export function byRank<T>(q: string, items: readonly T[], names: (item: T) => Named & { category?: string }): T[] {
  const named = new Set<string>(tokenize(q).flatMap(categoriesNamed));
  return items
    .map((item, i) => {
      const p = names(item);
      return { item, i, rank: matchRank(q, p), other: p.category && named.has(p.category) ? 0 : 1, len: p.name_zh.length };
    })
    .sort((a, b) => a.rank - b.rank || a.other - b.other || a.len - b.len || a.i - b.i)
    .map((x) => x.item);
}

/**
 * What a search's camera should frame, from its results best first: when the best is the name that
 * was typed, it and its namesakes (天津港, not the corridor whose name holds 天津港口); else all.
 */
export function searchFrame<T>(q: string, ranked: readonly T[], names: (item: T) => Named): T[] {
  const first = ranked[0];
  if (first === undefined || !isExactName(q, names(first))) return [...ranked];
  return ranked.filter((item) => isExactName(q, names(item)));
}

/** Levenshtein distance, in code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length]!;
}

const ratio = (a: string, b: string) => 1 - editDistance(a, b) / Math.max([...a].length, [...b].length, 1);

/** Dice coefficient of character pairs (single characters for one-character strings). */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const c = [...s.replace(/\s/g, '')];
    return c.length < 2 ? c : c.slice(1).map((ch, i) => c[i]! + ch);
  };
  const x = grams(a);
  const y = grams(b);
  if (!x.length || !y.length) return 0;
  const pool = [...y];
  let shared = 0;
  for (const g of x) {
    const k = pool.indexOf(g);
    if (k >= 0) {
      shared++;
      pool.splice(k, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * How alike a query and a name are, from 0 to 1: the best of whole-string edit distance, shared
 * character pairs (for Chinese), and word by word (each query word against its closest word).
 */
export function similarity(q: string, text: string): number {
  const a = normalise(q);
  const b = normalise(text);
  if (!a || !b) return 0;
  const qs = tokenize(a);
  const ws = tokenize(b);
  const wordwise = qs.length && ws.length ? qs.reduce((s, w) => s + Math.max(...ws.map((v) => ratio(w, v))), 0) / qs.length : 0;
  return Math.max(ratio(a, b), dice(a, b), wordwise);
}

export type Suggestion = Named & { score: number };

/**
 * Up to `n` names closest to a query that found nothing, over the Chinese and English names and
 * the pinyin where given; one per Chinese name, at least `min` alike.
 */
export function suggestNames(q: string, candidates: readonly (Named & { pinyin?: string })[], n = 3, min = 0.4): Suggestion[] {
  const best = new Map<string, Suggestion>();
  for (const c of candidates) {
    const score = Math.max(similarity(q, c.name_zh), similarity(q, c.name_en), c.pinyin ? similarity(q, c.pinyin) : 0);
    const seen = best.get(c.name_zh);
    if (score >= min && (!seen || seen.score < score)) best.set(c.name_zh, { name_zh: c.name_zh, name_en: c.name_en, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.name_zh.length - b.name_zh.length).slice(0, n);
}

export type City = Named & { id: string; name_zh_full?: string; population?: number; center: [number, number] };

const cityNames = (c: City) => [c.name_zh, c.name_zh_full ?? '', c.name_en].map(normalise).filter(Boolean);

/** The query is the city's name (Chinese, full Chinese or English). */
export const isCityName = (q: string, c: City) => cityNames(c).includes(normalise(q));

/** Cities whose Chinese or English name is the query or starts with it: exact first, then the larger. */
export function matchCities(q: string, cities: readonly City[], n = 3): City[] {
  const t = normalise(q);
  if (!t || (!isHan(t) && t.length < 2)) return [];
  return cities
    .map((c) => ({ c, exact: isCityName(t, c), prefix: cityNames(c).some((s) => s.startsWith(t)) }))
    .filter((x) => x.prefix)
    .sort((a, b) => Number(b.exact) - Number(a.exact) || (b.c.population ?? 0) - (a.c.population ?? 0))
    .slice(0, n)
    .map((x) => x.c);
}
