/**
 * What the exported legend lists: only the categories on the map (after the filters and the legend
 * switches), with their symbol and count, in the order of the on-screen legend.
 */
import { CATEGORIES, CATEGORY_IDS, STATUSES, type CategoryId, type StatusId } from '#shared/taxonomy.ts';
import type { Classes } from '../coverage/class-breaks.ts';
import { choroplethTitle, classRows } from '../coverage/legend-classes.ts';
import type { CoverageMeasure } from '../coverage/measures.ts';
import { MESSAGES, type Lang, type Messages } from '../i18n/messages.ts';

export type LegendItem = {
  key: string;
  label: string;
  /** Projects (none for the coverage map's heading and classes). */
  count?: number;
  color: string;
  /**
   * A category's own symbol (point, line, area), a plain dot (status colours), a tint (partners),
   * a coverage class's fill, or none (the coverage map's heading).
   */
  swatch: 'point' | 'line' | 'area' | 'dot' | 'tint' | 'class' | 'heading';
  /** The tint's opacity, as the map draws it. */
  opacity?: number;
  category?: CategoryId;
};

/** The categories shown, from their counts (counted in the browser, or by the server for a large set). */
export function legendItems(counts: Readonly<Record<string, number>>, lang: Lang): LegendItem[] {
  return CATEGORY_IDS.filter((c) => counts[c]).map((c) => ({
    key: c,
    category: c,
    label: CATEGORIES[c][lang],
    count: counts[c]!,
    color: CATEGORIES[c].color,
    swatch: CATEGORIES[c].geometry,
  }));
}

/** With colour by status: the statuses shown (now or on the chosen day) and those not yet recorded. */
export function statusLegendItems(counts: Record<string, number>, lang: Lang, notRecorded: { label: string; color: string }): LegendItem[] {
  const rows: LegendItem[] = (Object.keys(STATUSES) as StatusId[])
    .filter((s) => counts[s])
    .map((s) => ({ key: s, label: STATUSES[s][lang], count: counts[s]!, color: STATUSES[s].color, swatch: 'dot' }));
  if (counts.none) rows.push({ key: 'none', label: notRecorded.label, count: counts.none, color: notRecorded.color, swatch: 'dot' });
  return rows;
}

/** Under the coverage map: its title (measure and unit), then its classes as the coverage legend states them. */
export function choroplethLegendItems(measure: CoverageMeasure, classes: Classes, lang: Lang, t: Pick<Messages, 'coverageTitle' | 'coverageNone'>): LegendItem[] {
  return [
    { key: 'coverage', label: choroplethTitle(measure, lang, t), color: '', swatch: 'heading' },
    ...classRows(classes, lang, t).map((row): LegendItem => ({ key: `class-${row.key}`, label: row.range, color: row.color, swatch: 'class' })),
  ];
}

/**
 * The key figures of what is shown: the count and how many projects are in each status (today's,
 * or `asOf` counts: those of the day the status timeline shows).
 */
export function keyFigures(shown: { total: number; byStatus: Readonly<Record<string, number>> }, lang: Lang, asOf?: Record<string, number> | null): string {
  const by = asOf ?? shown.byStatus;
  const parts = (Object.keys(STATUSES) as StatusId[]).filter((s) => by[s] !== undefined).map((s) => `${STATUSES[s][lang]} ${by[s]}`);
  const total = MESSAGES[lang].countTotal(shown.total);
  return [total, ...parts].join(' · ');
}

/** A title usable in a file name: no path or reserved characters, not too long. */
export function fileTitle(title: string): string {
  const clean = title.replace(/[\\/:*?"<>|“”]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/ · /g, '-').replace(/ /g, '-');
  return [...clean].slice(0, 60).join('') || 'map';
}
