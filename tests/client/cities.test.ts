/** The search box's cities, read without zod: the same cities as the zod schema it replaced. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseCities } from '../../client/state/cities.ts';

const file = JSON.parse(readFileSync(new URL('../../geodata/basemap/cities.geojson', import.meta.url), 'utf8')) as unknown;

// The schema search-box.tsx used before, kept here as the yardstick.
const Before = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.object({
        id: z.string(),
        name_zh: z.string(),
        name_en: z.string(),
        name_zh_full: z.string().nullish(),
        population: z.number().nullish(),
      }),
    }),
  ),
});
const before = (json: unknown) =>
  Before.parse(json).features.map(({ properties: p, geometry }) => ({
    id: p.id,
    name_zh: p.name_zh,
    name_en: p.name_en,
    name_zh_full: p.name_zh_full ?? undefined,
    population: p.population ?? undefined,
    center: geometry.coordinates,
  }));

const city = (properties: Record<string, unknown>, coordinates: unknown = [117.2, 39.1]) => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties });
const tianjin = { id: 'tianjin', name_zh: '天津', name_en: 'Tianjin', name_zh_full: '天津市', population: 13_000_000, scalerank: 1 };

describe('the basemap cities for the search box', () => {
  it('reads every city of the shipped file as the zod schema did', () => {
    const cities = parseCities(file);
    expect(cities.length).toBeGreaterThan(100);
    expect(cities).toEqual(before(file));
    expect(cities.find((c) => c.name_zh === '唐山')?.center).toHaveLength(2);
  });

  it('reads a missing or null full name and population as absent', () => {
    const json = { features: [city({ ...tianjin, name_zh_full: null, population: undefined })] };
    expect(parseCities(json)).toEqual(before(json));
    expect(parseCities(json)[0]).toMatchObject({ name_zh_full: undefined, population: undefined, center: [117.2, 39.1] });
  });

  it('rejects what the schema rejected', () => {
    const bad: unknown[] = [
      null,
      { features: 'x' },
      { features: [city({ ...tianjin, id: 7 })] },
      { features: [city({ ...tianjin, name_en: undefined })] },
      { features: [city({ ...tianjin, population: '13m' })] },
      { features: [city({ ...tianjin, name_zh_full: 3 })] },
      { features: [city(tianjin, [117.2])] },
      { features: [city(tianjin, [117.2, '39'])] },
      { features: [{ properties: tianjin }] },
    ];
    for (const json of bad) {
      expect(() => before(json), JSON.stringify(json)).toThrow();
      expect(() => parseCities(json), JSON.stringify(json)).toThrow(TypeError);
    }
  });
});
