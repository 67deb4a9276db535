/**
 * Class breaks for the coverage choropleth: zero is its own class ("none"); the other values are
 * split into at most a few classes by natural breaks (Fisher-Jenks: the split that keeps each class
 * tightest). Equal values always share a class, and every class is stated as the smallest and the
 * largest value it holds, so the legend's ranges never overlap and every figure is in one of them.
 */

export type ValueClass = { min: number; max: number; ids: string[] };
export type Classes = {
  /** Ids of the domain with no value (0, or absent). */
  none: string[];
  /** Non-empty classes, lowest first. */
  classes: ValueClass[];
};

/** Sum of squared deviations of sorted[i..j] (inclusive), from prefix sums. */
const cost = (s: number[], s2: number[], i: number, j: number) => {
  const n = j - i + 1;
  const sum = s[j + 1]! - s[i]!;
  return s2[j + 1]! - s2[i]! - (sum * sum) / n;
};

/**
 * The start indexes of the classes of `sorted` (ascending) in at most k classes, minimising the
 * within-class sum of squares; a class never starts between two equal values.
 */
export function naturalBreaks(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  if (n === 0) return [];
  const s = [0];
  const s2 = [0];
  for (const v of sorted) {
    s.push(s.at(-1)! + v);
    s2.push(s2.at(-1)! + v * v);
  }
  const canStart = (i: number) => i === 0 || sorted[i] !== sorted[i - 1];
  const starts = sorted.map((_, i) => i).filter(canStart);
  const classes = Math.max(1, Math.min(k, starts.length));
  // best[c][j]: least cost of the first j values in c classes; from[c][j]: where the last class starts.
  const best: number[][] = [];
  const from: number[][] = [];
  for (let c = 1; c <= classes; c++) {
    best[c] = [];
    from[c] = [];
    for (const j of [...starts.slice(1), n]) {
      let least = Infinity;
      let at = -1;
      for (const i of starts) {
        if (i >= j) break;
        const before = c === 1 ? (i === 0 ? 0 : Infinity) : i === 0 ? Infinity : best[c - 1]![i]!;
        const total = before + cost(s, s2, i, j - 1);
        if (total < least) {
          least = total;
          at = i;
        }
      }
      best[c]![j] = least;
      from[c]![j] = at;
    }
  }
  const out: number[] = [];
  let j = n;
  for (let c = classes; c >= 1; c--) {
    const i = from[c]![j]!;
    out.unshift(i);
    j = i;
  }
  return out;
}

/** Classifies each id of `domain` by its value in `values` (absent = 0) into "none" and at most k classes. */
export function classify(values: Readonly<Record<string, number>>, domain: readonly string[], k = 4): Classes {
  const none: string[] = [];
  const some: { id: string; v: number }[] = [];
  for (const id of domain) {
    const v = values[id] ?? 0;
    if (v > 0 && Number.isFinite(v)) some.push({ id, v });
    else none.push(id);
  }
  some.sort((a, b) => a.v - b.v);
  const starts = naturalBreaks(
    some.map((x) => x.v),
    k,
  );
  const classes = starts.map((start, c) => {
    const members = some.slice(start, starts[c + 1] ?? some.length);
    return { min: members[0]!.v, max: members.at(-1)!.v, ids: members.map((m) => m.id) };
  });
  return { none, classes };
}

/** The class index of an id (-1 = none). */
export const classOf = (c: Classes, id: string) => c.classes.findIndex((k) => k.ids.includes(id));
