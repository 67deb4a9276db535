/**
 * What the exported legend lists: only the categories on the map (after the filters and the legend
 * switches), with their symbol and count, in the order of the on-screen legend.
 */
import { CATEGORIES, CATEGORY_IDS, STATUSES, type CategoryId, type StatusId } from '#shared/taxonomy.ts';
import type { Lang } from '../i18n/messages.ts';

export type LegendItem = { category: CategoryId; label: string; count: number };

export function legendItems(features: readonly { properties: { category: string } }[], lang: Lang): LegendItem[] {
  const counts = new Map<string, number>();
  for (const f of features) counts.set(f.properties.category, (counts.get(f.properties.category) ?? 0) + 1);
  return CATEGORY_IDS.filter((c) => counts.has(c)).map((c) => ({ category: c, label: CATEGORIES[c][lang], count: counts.get(c)! }));
}

/** The key figures of what is shown: the count and how many projects are in each status. */
export function keyFigures(features: readonly { properties: { status: string } }[], lang: Lang): string {
  const by = new Map<string, number>();
  for (const f of features) by.set(f.properties.status, (by.get(f.properties.status) ?? 0) + 1);
  const parts = (Object.keys(STATUSES) as StatusId[]).filter((s) => by.has(s)).map((s) => `${STATUSES[s][lang]} ${by.get(s)}`);
  const total = lang === 'zh' ? `共 ${features.length} 个项目` : `${features.length} project${features.length === 1 ? '' : 's'}`;
  return [total, ...parts].join(' · ');
}

/** A title usable in a file name: no path or reserved characters, not too long. */
export function fileTitle(title: string): string {
  const clean = title.replace(/[\\/:*?"<>|“”]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/ · /g, '-').replace(/ /g, '-');
  return [...clean].slice(0, 60).join('') || 'map';
}
