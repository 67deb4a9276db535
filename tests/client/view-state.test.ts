/** The view <-> URL mapping: a copied link must open the same view, and bad values must not break it. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, EMPTY_FILTERS, parseViewState, serializeViewState, unknownFilterValues, type ViewState } from '../../client/state/view-state.ts';

const full: ViewState = {
  lang: 'en',
  theme: 'contrast',
  panel: 'list',
  mode: 'present',
  filters: {
    nodes: ['2.1', '1.2.g2020', '2.4.1.m1'],
    categories: ['seaport', 'gas-pipeline'],
    statuses: ['construction'],
    stages: ['study', 'completion'],
    provinces: ['hebei', 'inner-mongolia'],
    milestones: [2020, 2030],
    agency: 'transport-commission',
    agencyRole: 'lead',
    q: '天津 港',
    near: [117.7, 38.98],
    radiusKm: 40,
  },
  hidden: ['ecological', 'sea-basin'],
  selected: 'tianjin-port',
  camera: { center: [117.6123, 39.0456], zoom: 8.25 },
  symbology: 'status',
  coverage: 'km2',
  asOf: '2025-12-31',
};

describe('view state in the URL', () => {
  it('round-trips every part of the view', () => {
    expect(parseViewState(`?${serializeViewState(full)}`)).toEqual(full);
  });

  it('round-trips the default view to a short URL', () => {
    const search = serializeViewState(DEFAULT_STATE);
    expect(search).toBe(`c=${DEFAULT_STATE.camera.center.join(',')},${DEFAULT_STATE.camera.zoom}`);
    expect(parseViewState(`?${search}`)).toEqual(DEFAULT_STATE);
  });

  it('uses the API\'s own parameter names for the filters', () => {
    const u = new URLSearchParams(serializeViewState(full));
    expect(u.get('agency_role')).toBe('lead');
    expect(u.get('radius_km')).toBe('40');
    expect(u.get('node')).toBe('2.1,1.2.g2020,2.4.1.m1');
  });

  it('keeps the symbology, the coverage measure and the as-of day, and drops bad ones', () => {
    const u = new URLSearchParams(serializeViewState(full));
    expect([u.get('symbology'), u.get('coverage'), u.get('asof')]).toEqual(['status', 'km2', '2025-12-31']);
    const s = parseViewState('?symbology=status&coverage=people&asof=2025-02-30');
    expect([s.symbology, s.coverage, s.asOf]).toEqual(['status', null, null]);
    // A day only means something with status colours: category colours show today's map.
    const c = parseViewState('?symbology=category&coverage=measures&asof=2020-12-31');
    expect([c.symbology, c.coverage, c.asOf]).toEqual(['category', 'measures', null]);
    expect(serializeViewState({ ...full, symbology: 'category' })).not.toContain('asof');
  });

  it('drops bad values without losing the good ones', () => {
    const s = parseViewState('?category=seaport,bogus&province=hebei&node=2.1.1.1&milestone=2021&near=,&c=a,b,c&lang=fr&sel=<x>');
    expect(s.filters.categories).toEqual(['seaport']); // the good values of a list stay (the link note names bogus)
    expect(s.filters.provinces).toEqual(['hebei']);
    expect(s.filters.nodes).toEqual([]);
    expect(s.filters.milestones).toEqual([]);
    expect(s.filters.near).toBeNull();
    expect(s.camera).toEqual(DEFAULT_STATE.camera);
    expect(s.lang).toBe('zh');
    expect(s.selected).toBeNull();
    expect(s.filters.radiusKm).toBe(EMPTY_FILTERS.radiusKm);
  });
});

describe('unknown filter values in a link', () => {
  const known = new Set(['2', '2.1', '2.1.1']);
  it('names a plan node the plan does not have, once the plan is known', () => {
    expect(unknownFilterValues('?node=9.9&c=117,39,6', known)).toEqual([{ key: 'node', value: '9.9' }]);
    expect(unknownFilterValues('?node=2.1,9.9', known)).toEqual([{ key: 'node', value: '9.9' }]);
    // before the plan is loaded only the schema can judge: 9.9 looks like a node id
    expect(unknownFilterValues('?node=9.9', null)).toEqual([]);
  });

  it('names values the schema rejects, each once', () => {
    expect(unknownFilterValues('?category=seaport,port,port&status=built&milestone=2040&agency_role=boss', known)).toEqual([
      { key: 'category', value: 'port' },
      { key: 'status', value: 'built' },
      { key: 'milestone', value: '2040' },
      { key: 'agency_role', value: 'boss' },
    ]);
  });

  it('finds nothing wrong with a good link', () => {
    expect(unknownFilterValues('?node=2.1&category=seaport&province=hebei&milestone=2020&agency_role=lead&q=港', known)).toEqual([]);
  });
});

describe('a list with one bad value', () => {
  it('keeps the good values and lets the link note name the bad one', () => {
    expect(parseViewState('?category=seaport,port,airport').filters.categories).toEqual(['seaport', 'airport']);
    expect(parseViewState('?category=port').filters.categories).toEqual([]);
    expect(unknownFilterValues('?category=seaport,port', null)).toEqual([{ key: 'category', value: 'port' }]);
  });
});
