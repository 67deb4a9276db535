/**
 * What the dashboard shows, derived from the view state and the data: pure functions, so each rule
 * is tested on its own (tests/client/dashboard.test.ts) and app.tsx only lays the parts out.
 * use-dashboard.ts wires them to React.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { isWithinNode, taskAreasOf } from '#shared/coverage.ts';
import { searchFrame } from '#shared/search.ts';
import { CATEGORIES, PROVINCES, STATUSES } from '#shared/taxonomy.ts';
import type { Classes } from '../coverage/class-breaks.ts';
import type { CoverageMeasure } from '../coverage/measures.ts';
import { MESSAGES, type Lang, type Messages } from '../i18n/messages.ts';
import type { PlanPayload, ProjectFeature } from '../lib/api.ts';
import { choroplethLegendItems, legendItems, statusLegendItems, type LegendItem } from '../export/legend-items.ts';
import { filterExpression, matcher } from './filter-expression.ts';
import type { Filters, Panel, ViewState } from './view-state.ts';

/** The features a filter expression lets through (the map evaluates the same expression). */
export function applyFilter<F extends Pick<ProjectFeature, 'properties'>>(features: readonly F[], expr: ExpressionSpecification | null): F[] {
  const matches = matcher(expr);
  return features.filter((f) => matches(f.properties));
}

/** What the map shows: the filtered features less the categories switched off in the legend. */
export const withoutHidden = <F extends { properties: { category: string } }>(features: readonly F[], hidden: readonly string[]) =>
  features.filter((f) => !hidden.includes(f.properties.category));

/** The map's filter: the user's filters and the legend's switches, both. */
export function mapFilter(userExpr: ExpressionSpecification | null, hidden: readonly string[]): ExpressionSpecification | null {
  const hide: ExpressionSpecification | null = hidden.length ? ['!', ['in', ['get', 'category'], ['literal', hidden]]] : null;
  if (userExpr && hide) return ['all', userExpr, hide];
  return userExpr ?? hide;
}

/** Projects per category (the legend's counts) or per status (the key figures). */
function countBy<K extends 'category' | 'status'>(features: readonly { properties: Record<K, string> }[], key: K): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of features) out[f.properties[key]] = (out[f.properties[key]] ?? 0) + 1;
  return out;
}
export const countByCategory = (features: readonly { properties: { category: string } }[]) => countBy(features, 'category');
export const countByStatus = (features: readonly { properties: { status: string } }[]) => countBy(features, 'status');

/**
 * Projects per task area (sections and tasks of part 二), each project once per area however many
 * of its clauses lie there: the same count as shared/coverage.ts byTaskArea, without its geometry.
 */
export function countByTaskArea(features: readonly { properties: { nodes: string } }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of features) {
    const areas = new Set(f.properties.nodes.split(',').filter(Boolean).flatMap(taskAreasOf));
    for (const a of areas) out[a] = (out[a] ?? 0) + 1;
  }
  return out;
}

/**
 * The filter panel's count beside each task: what every other filter leaves, whichever task is
 * chosen (so choosing one does not zero the others).
 */
export function nodeCounts(all: readonly ProjectFeature[], filters: Filters, ids: readonly string[] | null): Record<string, number> {
  return countByTaskArea(applyFilter(all, filterExpression({ ...filters, nodes: [] }, ids)));
}

/** What the view is filtered to, in words (the presentation header, the picture's title, saved views). */
export function filterSummary(filters: Filters, plan: PlanPayload | null, lang: Lang): string {
  const l = (x: { zh: string; en: string }) => x[lang];
  const nodes = filters.nodes.map((id) => plan?.nodes.find((n) => n.id === id)).filter((n) => n !== undefined);
  return [
    ...nodes.map((n) => `${n.id} ${lang === 'zh' ? n.title_zh : n.title_en}`),
    ...filters.categories.map((c) => l(CATEGORIES[c])),
    ...filters.provinces.map((p) => l(PROVINCES[p])),
    ...filters.statuses.map((st) => l(STATUSES[st])),
    ...filters.milestones.map(String),
    ...(filters.q ? [`“${filters.q}”`] : []),
  ].join(' · ');
}

/** The partner provinces the chosen clauses name (a node and everything below it), sorted. */
export function partnerProvinces(plan: PlanPayload | null, nodes: readonly string[]): string[] {
  if (!plan || !nodes.length) return [];
  const chosen = plan.nodes.filter((n) => nodes.some((id) => isWithinNode(n.id, id)));
  return [...new Set(chosen.flatMap((n) => n.partners))].sort();
}

/**
 * What a search or a province choice frames on the map. The server ranks exact names first: when
 * the best match is the name typed, the frame is that place (and its namesakes), not everything
 * whose name merely contains it.
 */
export function searchFrameFeatures(q: string, filtered: readonly ProjectFeature[], rankedIds: readonly string[]): readonly ProjectFeature[] {
  if (!q) return filtered;
  const shown = new Map(filtered.map((f) => [f.properties.id, f]));
  const ranked = rankedIds.map((id) => shown.get(id)).filter((f) => f !== undefined);
  return searchFrame(q, ranked, (f) => f.properties);
}

/** Whether a change of search or province should frame the results now. */
export const shouldFrame = (filters: Pick<Filters, 'q' | 'provinces'>, pending: boolean, sliding: boolean) =>
  Boolean(filters.q || filters.provinces.length) && !pending && !sliding;

/** The legend of the exported picture and the printed page: only what the map shows. */
export function exportLegend(o: {
  byStatus: boolean;
  statusCounts: Record<string, number> | null;
  /** Projects per category of what the map shows. */
  categoryCounts: Readonly<Record<string, number>>;
  lang: Lang;
  t: Pick<Messages, 'notRecorded' | 'partnerProvinces' | 'coverageTitle' | 'coverageNone'>;
  notRecordedColor: string;
  partners: readonly string[];
  coverageOn: boolean;
  partner: { color: string; opacity: number };
  /** The coverage map's measure and classes, once known: its title and classes close the legend. */
  choropleth?: { measure: CoverageMeasure; classes: Classes | null } | null;
}): LegendItem[] {
  return [
    ...(o.byStatus ? statusLegendItems(o.statusCounts ?? {}, o.lang, { label: o.t.notRecorded, color: o.notRecordedColor }) : legendItems(o.categoryCounts, o.lang)),
    // The chosen clauses' partner provinces are tinted on the map (not under the coverage map).
    ...(o.partners.length && !o.coverageOn
      ? [{ key: 'partners', label: o.t.partnerProvinces, count: o.partners.length, color: o.partner.color, opacity: o.partner.opacity, swatch: 'tint' as const }]
      : []),
    ...(o.choropleth?.classes ? choroplethLegendItems(o.choropleth.measure, o.choropleth.classes, o.lang, o.t) : []),
  ];
}

/** The exported legend's heading: the status day, today's status, or the plain legend. */
export const legendTitle = (s: Pick<ViewState, 'symbology' | 'asOf'>, t: Pick<Messages, 'statusOn' | 'statusNow' | 'legendShort'>) =>
  s.symbology === 'status' ? (s.asOf ? t.statusOn(s.asOf) : t.statusNow) : t.legendShort;

/** An edited picture title belongs to the filters it was written for; other filters get their own. */
export type TitleEdit = { for: string; text: string };
export const exportTitle = (edit: TitleEdit | null, defaultTitle: string) => (edit?.for === defaultTitle ? edit.text : defaultTitle);

/** A link's filter values that name nothing, as the notice lists them. */
export const unknownNote = (unknown: readonly { key: string; value: string }[], lang: Lang) => unknown.map((u) => `${u.key}=${u.value}`).join(MESSAGES[lang].listSep);

/** The side panel's tabs, in order, and each one's label (the list tab counts what the map shows). */
export const PANELS: readonly Panel[] = ['filters', 'list', 'stats', 'plan', 'views'];
export function tabLabel(p: Panel, t: Pick<Messages, 'filters' | 'listTab' | 'stats' | 'plan' | 'viewsTab'>, shown: number): string {
  switch (p) {
    case 'filters':
      return t.filters;
    case 'list':
      return `${t.listTab} (${shown})`;
    case 'stats':
      return t.stats;
    case 'plan':
      return t.plan;
    case 'views':
      return t.viewsTab;
  }
}

/** The page's classes: theme, an open project, presentation, slides, folded panels. */
export const appClass = (o: { theme: string; selected: boolean; presenting: boolean; sliding: boolean; folded: boolean }) =>
  `app theme-${o.theme}${o.selected ? ' with-detail' : ''}${o.presenting ? ' presenting' : ''}${o.sliding ? ' slides' : ''}${o.folded ? ' side-folded' : ''}`;
