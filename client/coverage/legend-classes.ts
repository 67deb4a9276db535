/**
 * The coverage choropleth's legend as data: its title (measure and unit) and one row per class,
 * highest first, then "none", each with its colour and range in words. The on-screen coverage
 * legend, the exported picture and the printed page all read these rows, so they cannot disagree.
 */
import type { Lang, Messages } from '../i18n/messages.ts';
import type { Classes } from './class-breaks.ts';
import { classColors, NONE_COLOR } from './choropleth.ts';
import { COVERAGE_MEASURES, type CoverageMeasure } from './measures.ts';

export type ClassRow = {
  /** The class index ('none' for the zero class). */
  key: number | 'none';
  /** The range it holds (null for "none"). */
  min: number | null;
  max: number | null;
  /** The provinces in it. */
  ids: string[];
  color: string;
  /** The range in words: "12–30", "5" or "none". */
  range: string;
};

/** A figure as the legend states it: a decimal below 10, whole numbers above. */
export const legendNumber = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: n < 10 ? 1 : 0 });

/** The legend's title: the measure and its unit. */
export function choroplethTitle(measure: CoverageMeasure, lang: Lang, t: Pick<Messages, 'coverageTitle'>): string {
  const m = COVERAGE_MEASURES[measure];
  return t.coverageTitle(m[lang], m.unit[lang]);
}

/** The classes highest first, then "none", each with the colour the map fills it with. */
export function classRows(classes: Classes, lang: Lang, t: Pick<Messages, 'coverageNone'>): ClassRow[] {
  const colors = classColors(classes.classes.length);
  const rows: ClassRow[] = classes.classes
    .map((c, i) => ({
      key: i,
      min: c.min,
      max: c.max,
      ids: c.ids,
      color: colors[i]!,
      range: c.min === c.max ? legendNumber(c.min, lang) : `${legendNumber(c.min, lang)}–${legendNumber(c.max, lang)}`,
    }))
    .reverse();
  rows.push({ key: 'none', min: null, max: null, ids: classes.none, color: NONE_COLOR, range: t.coverageNone });
  return rows;
}
