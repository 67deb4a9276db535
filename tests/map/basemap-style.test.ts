import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { TILE_LAYERS } from '#shared/basemap.ts';
import { BASEMAP_ATTRIBUTION, BASEMAP_FILES, basemapStyle } from '../../client/map/basemap-style.ts';

const BASE = 'http://127.0.0.1:8787';

describe('basemapStyle', () => {
  for (const theme of ['light', 'contrast'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      describe(`${theme} / ${lang}`, () => {
        const style = basemapStyle({ theme, lang, baseUrl: BASE });

        it('is a valid MapLibre style', () => {
          expect(validateStyleMin(style)).toEqual([]);
        });

        it('has no glyphs key, so labels use local fonts', () => {
          expect('glyphs' in style).toBe(false);
          expect('sprite' in style).toBe(false);
        });

        it('loads every source from /basemap/ on the given base URL: tiles for every layer, the label points too', () => {
          const { basemap: tiles, ...files } = style.sources;
          expect(tiles).toMatchObject({ type: 'vector', tiles: [`${BASE}/basemap/tiles/{z}/{x}/{y}.pbf`] });
          const names = Object.values(files).map((src) => {
            expect(src.type).toBe('geojson');
            const data = (src as { data: string }).data;
            expect(data).toMatch(new RegExp(`^${BASE}/basemap/[a-z-]+\\.geojson$`));
            return data.split('/').pop()!.replace('.geojson', '');
          });
          // Every file of geodata/basemap/ is drawn: as a source-layer of the tiles, or as a GeoJSON source.
          expect([...names, ...TILE_LAYERS].sort()).toEqual([...BASEMAP_FILES].sort());
          const used = new Set(style.layers.flatMap((l) => ('source-layer' in l ? [l['source-layer']] : [])));
          expect([...used].sort()).toEqual([...TILE_LAYERS].sort());
        });

        it('prefixes every layer id with base- and uses only its own sources', () => {
          for (const layer of style.layers) {
            expect(layer.id.startsWith('base-')).toBe(true);
            if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
          }
          expect(new Set(style.layers.map((l) => l.id)).size).toBe(style.layers.length);
        });

        it('labels cities in the chosen language, with priority by rank', () => {
          const labels = style.layers.filter((l) => l.id.startsWith('base-city-labels'));
          expect(labels.length).toBeGreaterThan(0);
          for (const l of labels) {
            const layout = (l as { layout: Record<string, unknown> }).layout;
            const field = JSON.stringify(layout['text-field']);
            if (lang === 'zh') {
              expect(field).toContain('name_zh');
              expect(field).toContain('name_en');
            } else {
              expect(field).toContain('name_en');
              expect(field).not.toContain('name_zh');
            }
            expect(layout['symbol-sort-key']).toBeDefined();
          }
        });
      });
    }
  }

  it('tolerates a trailing slash on the base URL', () => {
    const style = basemapStyle({ theme: 'light', lang: 'zh', baseUrl: `${BASE}/` });
    expect(JSON.stringify(style.sources)).not.toContain('//basemap');
  });

  it('uses the plan property, not feature state, for the highlight', () => {
    const fill = basemapStyle({ theme: 'light', lang: 'zh', baseUrl: BASE }).layers.find((l) => l.id === 'base-provinces-fill');
    const json = JSON.stringify(fill);
    expect(json).toContain('"plan"');
    expect(json).not.toContain('feature-state');
  });

  it('credits the data sources', () => {
    for (const name of ['OpenStreetMap', 'ODbL', 'Natural Earth', 'GeoNames', 'CC BY 4.0', 'GSHHG']) {
      expect(BASEMAP_ATTRIBUTION).toContain(name);
    }
  });
});
