/**
 * The project layers are valid MapLibre style data, in both languages and themes, with the count
 * badges from their own source; a large set (over LARGE_SET projects) draws cheaper at low zoom.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { basemapStyle } from '../../client/map/basemap-style.ts';
import {
  badgeLayers,
  DETAIL_ZOOM,
  isLargeSet,
  LARGE_SET,
  partnerLayer,
  PROJECT_SOURCE,
  projectLayers,
  STACK_SOURCE,
  withBadges,
  withUserFilter,
} from '../../client/map/project-layers.ts';
import { filterExpression } from '../../client/state/filter-expression.ts';
import { EMPTY_FILTERS } from '../../client/state/view-state.ts';

describe('project layers', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const theme of ['light', 'contrast'] as const) {
      for (const large of [false, true]) {
        it(`validate with the ${theme} basemap in ${lang}, with a user filter applied${large ? ', as a large set' : ''}`, () => {
          const base = basemapStyle({ theme, lang, baseUrl: 'http://127.0.0.1:8787' });
          const user = filterExpression({ ...EMPTY_FILTERS, nodes: ['2.1'], categories: ['seaport'], agency: 'transport-commission' }, ['tianjin-port']);
          const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
          const own = projectLayers(lang, theme, { large }).map((l) => ({ ...l, filter: withUserFilter(l, user) }));
          const style = {
            ...base,
            sources: { ...base.sources, [PROJECT_SOURCE]: empty, [STACK_SOURCE]: empty },
            layers: [...base.layers, partnerLayer(theme), ...withBadges(own, theme)],
          };
          expect(validateStyleMin(style)).toEqual([]);
        });
      }
    }
  }

  it('draws schematic lines dashed and surveyed ones solid', () => {
    const layers = projectLayers('zh', 'light');
    const schematic = layers.find((l) => l.id === 'projects-line-schematic')!;
    const solid = layers.find((l) => l.id === 'projects-line')!;
    expect(schematic.type).toBe('line');
    expect(solid.type).toBe('line');
    if (schematic.type !== 'line' || solid.type !== 'line') return;
    expect(schematic.paint?.['line-dasharray']).toBeDefined();
    expect(solid.paint?.['line-dasharray']).toBeUndefined();
  });

  it('puts the count badges on their own source, right after the points, with no user filter', () => {
    const ids = withBadges(projectLayers('zh', 'light'), 'light').map((l) => l.id);
    expect(ids.indexOf('projects-stack-badge')).toBe(ids.indexOf('projects-point-status') + 1);
    expect(ids.indexOf('projects-stack-count')).toBe(ids.indexOf('projects-line-label') - 1);
    for (const l of badgeLayers('light')) {
      expect('source' in l && l.source).toBe(STACK_SOURCE);
      expect('filter' in l && l.filter).toBeFalsy();
    }
  });

  it('draws a large set cheaper below the detail zoom, and the plan\'s own map as it always was', () => {
    expect(isLargeSet(83)).toBe(false);
    expect(isLargeSet(LARGE_SET)).toBe(false);
    expect(isLargeSet(LARGE_SET + 1)).toBe(true);
    const usual = projectLayers('zh', 'light');
    expect(projectLayers('zh', 'light', { large: false })).toEqual(usual);
    const large = projectLayers('zh', 'light', { large: true });
    // the same layers, filters and colours; only zoom ranges and line joins differ
    expect(large.map((l) => [l.id, 'filter' in l ? l.filter : null, 'paint' in l ? l.paint : null])).toEqual(
      usual.map((l) => [l.id, 'filter' in l ? l.filter : null, 'paint' in l ? l.paint : null]),
    );
    const from = (id: string) => large.find((l) => l.id === id)!.minzoom ?? 0;
    for (const id of ['projects-line-casing', 'projects-line-edge', 'projects-line-edge-fill', 'projects-label', 'projects-line-label']) expect(from(id)).toBe(DETAIL_ZOOM);
    for (const id of ['projects-line', 'projects-line-schematic', 'projects-point', 'projects-area-fill', 'projects-area-outline']) expect(from(id)).toBe(0);
    expect(usual.every((l) => l.minzoom === undefined)).toBe(true);
    const line = large.find((l) => l.id === 'projects-line')!;
    expect(line.type === 'line' && line.layout?.['line-join']).toEqual(['step', ['zoom'], 'miter', DETAIL_ZOOM, 'round']);
  });
});
