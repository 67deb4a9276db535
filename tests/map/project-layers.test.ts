/** The project layers are valid MapLibre style data, in both languages and themes. */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { basemapStyle } from '../../client/map/basemap-style.ts';
import { partnerLayer, PROJECT_SOURCE, projectLayers, withUserFilter } from '../../client/map/project-layers.ts';
import { filterExpression } from '../../client/state/filter-expression.ts';
import { EMPTY_FILTERS } from '../../client/state/view-state.ts';

describe('project layers', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const theme of ['light', 'contrast'] as const) {
      it(`validate with the ${theme} basemap in ${lang}, with a user filter applied`, () => {
        const base = basemapStyle({ theme, lang, baseUrl: 'http://127.0.0.1:8787' });
        const user = filterExpression({ ...EMPTY_FILTERS, nodes: ['2.1'], categories: ['seaport'], agency: 'transport-commission' }, ['tianjin-port']);
        const style = {
          ...base,
          sources: { ...base.sources, [PROJECT_SOURCE]: { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } } },
          layers: [...base.layers, partnerLayer(theme), ...projectLayers(lang, theme).map((l) => ({ ...l, filter: withUserFilter(l, user) }))],
        };
        expect(validateStyleMin(style)).toEqual([]);
      });
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
});
