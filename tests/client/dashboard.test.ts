/**
 * The dashboard's view rules (client/state/dashboard.ts) on the real seeded data: what the map and
 * the list show, the legend and task counts, the map filter, the summary, the partner provinces,
 * the search frame, the exported legend and title, the tabs.
 */
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverage, coverageItemOf } from '#shared/coverage.ts';
import { keyFigures } from '../../client/export/legend-items.ts';
import { MESSAGES } from '../../client/i18n/messages.ts';
import type { PlanPayload, ProjectFeature } from '../../client/lib/api.ts';
import {
  appClass,
  applyFilter,
  countByCategory,
  countByStatus,
  countByTaskArea,
  exportLegend,
  exportTitle,
  filterSummary,
  legendTitle,
  mapFilter,
  nodeCounts,
  PANELS,
  partnerProvinces,
  searchFrameFeatures,
  shouldFrame,
  tabLabel,
  unknownNote,
  withoutHidden,
} from '../../client/state/dashboard.ts';
import { filterExpression } from '../../client/state/filter-expression.ts';
import { EMPTY_FILTERS, type Filters } from '../../client/state/view-state.ts';
import { testApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let all: ProjectFeature[];
let plan: PlanPayload;
beforeAll(async () => {
  t = await testApp();
  all = ((await (await t.app.request('/api/projects')).json()) as { features: ProjectFeature[] }).features;
  plan = (await (await t.app.request('/api/plan')).json()) as PlanPayload;
});
afterAll(() => t.close());

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const ids = (features: readonly ProjectFeature[]) => features.map((x) => x.properties.id).sort();
/** What the map's layers draw under a filter: the style spec's own evaluation. */
const drawn = (expr: ReturnType<typeof mapFilter>) => {
  const ff = expr ? featureFilter(expr, 'filter') : null;
  return all.filter((x) => !ff || ff.filter({ zoom: 0 }, { type: 1, properties: x.properties } as never));
};
const zh = MESSAGES.zh;
const en = MESSAGES.en;

describe('what the map and the list show', () => {
  it('filters by the view\'s expression and drops the categories switched off', () => {
    const ports = applyFilter(all, filterExpression(f({ categories: ['seaport', 'airport'] }), null));
    expect(ports.length).toBeGreaterThan(2);
    expect(new Set(ports.map((x) => x.properties.category))).toEqual(new Set(['seaport', 'airport']));
    const shown = withoutHidden(ports, ['airport']);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((x) => x.properties.category === 'seaport')).toBe(true);
    expect(applyFilter(all, null)).toHaveLength(all.length);
  });

  it('gives the map a filter that draws exactly what the list shows', () => {
    const cases: [Filters, string[]][] = [
      [f({}), []],
      [f({}), ['seaport']],
      [f({ provinces: ['hebei'] }), []],
      [f({ nodes: ['2.1'] }), ['intercity-rail', 'seaport']],
    ];
    for (const [filters, hidden] of cases) {
      const userExpr = filterExpression(filters, null);
      const list = withoutHidden(applyFilter(all, userExpr), hidden);
      expect(ids(drawn(mapFilter(userExpr, hidden)))).toEqual(ids(list));
      expect(list.length).toBeGreaterThan(0);
    }
    expect(mapFilter(null, [])).toBeNull();
    expect(mapFilter(null, ['seaport'])).toEqual(['!', ['in', ['get', 'category'], ['literal', ['seaport']]]]);
  });
});

describe('counts', () => {
  it('counts categories and task areas as the coverage figures do', () => {
    for (const set of [all, applyFilter(all, filterExpression(f({ provinces: ['tianjin'] }), null))]) {
      const c = coverage(set.map((x) => coverageItemOf(x.properties)));
      expect(countByCategory(set)).toEqual(c.byCategory);
      expect(countByTaskArea(set)).toEqual(c.byTaskArea);
    }
    expect(countByTaskArea(all)['2.1']).toBeGreaterThan(5);
  });

  it('counts a project once per task area, however many of its clauses lie there', () => {
    const p = { nodes: ',2.1.1,2.1.1.m1,2.1.3,3.1,' };
    expect(countByTaskArea([{ properties: p }])).toEqual({ '2.1': 1, '2.1.1': 1, '2.1.3': 1 });
  });

  it('counts the tasks under every other filter, whichever task is chosen', () => {
    const others = f({ categories: ['seaport', 'intercity-rail'] });
    const withTask = nodeCounts(all, { ...others, nodes: ['2.1.3'] }, null);
    expect(withTask).toEqual(countByTaskArea(applyFilter(all, filterExpression(others, null))));
    // A search's ids narrow the counts too.
    const one = all[0]!.properties.id;
    expect(Object.values(nodeCounts(all, others, [one])).every((n) => n <= 1)).toBe(true);
  });
});

describe('words and provinces of the view', () => {
  it('says what the view is filtered to, in either language', () => {
    const node = plan.nodes.find((n) => n.id === '2.1')!;
    const filters = f({ nodes: ['2.1'], categories: ['seaport'], provinces: ['hebei'], statuses: ['construction'], milestones: [2020], q: '天津' });
    expect(filterSummary(filters, plan, 'zh')).toBe(`2.1 ${node.title_zh} · 港口 · 河北 · 在建 · 2020 · “天津”`);
    expect(filterSummary(filters, plan, 'en')).toMatch(new RegExp(`^2\\.1 ${node.title_en.replace(/[()]/g, '.')} · Seaport · Hebei · `));
    // Before the plan arrives the node is left out, not shown as an id alone.
    expect(filterSummary(f({ nodes: ['2.1'] }), null, 'zh')).toBe('');
    expect(filterSummary(EMPTY_FILTERS, plan, 'zh')).toBe('');
  });

  it('tints the partner provinces of the chosen clause and every clause below it', () => {
    const withPartners = plan.nodes.filter((n) => n.partners.length > 0);
    expect(withPartners.length).toBeGreaterThan(0);
    const area = withPartners[0]!.id.split('.').slice(0, 2).join('.');
    const expected = [...new Set(plan.nodes.filter((n) => n.id === area || n.id.startsWith(`${area}.`)).flatMap((n) => n.partners))].sort();
    expect(partnerProvinces(plan, [area])).toEqual(expected);
    expect(partnerProvinces(plan, [area])).toContain(withPartners[0]!.partners[0]);
    expect(partnerProvinces(plan, [])).toEqual([]);
    expect(partnerProvinces(null, [area])).toEqual([]);
  });

  it('names a link\'s unknown values in the language\'s list style', () => {
    const bad = [
      { key: 'node', value: '9.9' },
      { key: 'category', value: 'port' },
    ];
    expect(unknownNote(bad, 'zh')).toBe('node=9.9、category=port');
    expect(unknownNote(bad, 'en')).toBe('node=9.9, category=port');
  });
});

describe('the camera after a search', () => {
  it('frames the place whose name was typed, not everything containing it', () => {
    const port = all.find((x) => x.properties.name_zh === '天津港')!;
    expect(port).toBeDefined();
    const containing = all.filter((x) => x.properties.name_zh.includes('天津港'));
    expect(containing.length).toBeGreaterThan(1);
    const framed = searchFrameFeatures('天津港', containing, [port.properties.id, ...containing.filter((x) => x !== port).map((x) => x.properties.id)]);
    expect(framed.map((x) => x.properties.name_zh)).toEqual(['天津港']);
    // A word that is no name frames every result; without a search, what the filters show.
    expect(searchFrameFeatures('港', containing, ids(containing))).toHaveLength(containing.length);
    expect(searchFrameFeatures('', containing, [])).toBe(containing);
  });

  it('frames only a search or a province choice, once its answer is in, and never during slides', () => {
    expect(shouldFrame({ q: '港', provinces: [] }, false, false)).toBe(true);
    expect(shouldFrame({ q: '', provinces: ['hebei'] }, false, false)).toBe(true);
    expect(shouldFrame({ q: '', provinces: [] }, false, false)).toBe(false);
    expect(shouldFrame({ q: '港', provinces: [] }, true, false)).toBe(false);
    expect(shouldFrame({ q: '港', provinces: [] }, false, true)).toBe(false);
  });
});

describe('the exported picture and printed page', () => {
  const base = {
    byStatus: false,
    statusCounts: null,
    lang: 'zh' as const,
    t: zh,
    notRecordedColor: '#999',
    partners: ['hebei', 'shandong'],
    coverageOn: false,
    partner: { color: '#7b5ea7', opacity: 0.2 },
  };

  it('lists the categories shown and the partner tint, which the coverage map replaces', () => {
    const shown = applyFilter(all, filterExpression(f({ categories: ['seaport', 'airport'] }), null));
    const items = exportLegend({ ...base, categoryCounts: countByCategory(shown) });
    expect(items.map((i) => i.key)).toEqual(['seaport', 'airport', 'partners'].filter((k) => k === 'partners' || shown.some((x) => x.properties.category === k)));
    expect(items.at(-1)).toMatchObject({ label: zh.partnerProvinces, count: 2, color: '#7b5ea7', opacity: 0.2, swatch: 'tint' });
    expect(exportLegend({ ...base, categoryCounts: countByCategory(shown), coverageOn: true }).some((i) => i.key === 'partners')).toBe(false);
    expect(exportLegend({ ...base, categoryCounts: countByCategory(shown), partners: [] }).some((i) => i.key === 'partners')).toBe(false);
  });

  it('states the counts it is given: those of a large set come from the server, not from features it never downloads', () => {
    const items = exportLegend({ ...base, partners: [], categoryCounts: { expressway: 30, seaport: 1200, airport: 0 } });
    expect(items.map((i) => [i.key, i.count])).toEqual([
      ['seaport', 1200],
      ['expressway', 30],
    ]);
    expect(keyFigures({ total: 6000, byStatus: { planned: 5000, construction: 1000 } }, 'en')).toBe('6000 projects · Planned 5000 · Under construction 1000');
  });

  it('gives the same key figures from the features as from their counts', () => {
    const shown = applyFilter(all, filterExpression(f({ categories: ['seaport', 'airport'] }), null));
    const text = keyFigures({ total: shown.length, byStatus: countByStatus(shown) }, 'zh');
    expect(text.startsWith(zh.countTotal(shown.length))).toBe(true);
    for (const [status, n] of Object.entries(countByStatus(shown))) expect(n).toBe(shown.filter((x) => x.properties.status === status).length);
    expect(text.split(' · ')).toHaveLength(1 + Object.keys(countByStatus(shown)).length);
  });

  it('lists the statuses (and those not recorded) under status colours', () => {
    const items = exportLegend({ ...base, categoryCounts: countByCategory(all), byStatus: true, statusCounts: { construction: 3, none: 2 }, partners: [] });
    expect(items.map((i) => [i.key, i.count])).toEqual([
      ['construction', 3],
      ['none', 2],
    ]);
    expect(items[1]).toMatchObject({ label: zh.notRecorded, color: '#999' });
  });

  it('heads the legend with the status day, today\'s status or the plain legend', () => {
    expect(legendTitle({ symbology: 'status', asOf: '2025-12-31' }, en)).toBe(en.statusOn('2025-12-31'));
    expect(legendTitle({ symbology: 'status', asOf: null }, en)).toBe(en.statusNow);
    expect(legendTitle({ symbology: 'category', asOf: null }, zh)).toBe(zh.legendShort);
  });

  it('keeps an edited title only for the filters it was written for', () => {
    expect(exportTitle(null, '2.1 港口')).toBe('2.1 港口');
    expect(exportTitle({ for: '2.1 港口', text: '港口汇报' }, '2.1 港口')).toBe('港口汇报');
    expect(exportTitle({ for: '2.1 港口', text: '港口汇报' }, '河北')).toBe('河北');
  });
});

describe('the page around the map', () => {
  it('labels the tabs in order, the list with what the map shows', () => {
    expect(PANELS).toEqual(['filters', 'list', 'stats', 'plan', 'views']);
    expect(PANELS.map((p) => tabLabel(p, zh, 12))).toEqual([zh.filters, `${zh.listTab} (12)`, zh.stats, zh.plan, zh.viewsTab]);
    expect(tabLabel('list', en, 0)).toBe(`${en.listTab} (0)`);
  });

  it('marks the page for the theme, an open project, presenting, slides and folded panels', () => {
    expect(appClass({ theme: 'light', selected: false, presenting: false, sliding: false, folded: false })).toBe('app theme-light');
    expect(appClass({ theme: 'contrast', selected: true, presenting: true, sliding: true, folded: true })).toBe(
      'app theme-contrast with-detail presenting slides side-folded',
    );
  });
});
