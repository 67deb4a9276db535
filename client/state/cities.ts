/**
 * The basemap's cities (geodata/basemap/cities.geojson) as the search box offers them, checked by
 * hand rather than with zod, which would cost the first load about 25 kB gzipped. As before, a file
 * that is not what it should be throws (the search box then offers no cities and tries again later).
 */
import type { City } from '#shared/search.ts';

const isNum = (x: unknown): x is number => typeof x === 'number';
const optional = <T>(x: unknown, is: (x: unknown) => x is T, what: string): T | undefined => {
  if (x === undefined || x === null) return undefined;
  if (!is(x)) throw new TypeError(`cities.geojson: ${what} is not what it should be`);
  return x;
};
const isText = (x: unknown): x is string => typeof x === 'string';
const required = <T>(x: unknown, is: (x: unknown) => x is T, what: string): T => {
  if (!is(x)) throw new TypeError(`cities.geojson: ${what} is missing`);
  return x;
};
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isPosition = (x: unknown): x is [number, number] => Array.isArray(x) && x.length === 2 && x.every(isNum);

/** Every city of the file, or a TypeError naming the first thing wrong. */
export function parseCities(json: unknown): City[] {
  const features = required(isRecord(json) ? json.features : undefined, Array.isArray, 'features');
  return features.map((f: unknown, i) => {
    const feature = required(f, isRecord, `feature ${i}`);
    const p = required(feature.properties, isRecord, `feature ${i} properties`);
    const geometry = required(feature.geometry, isRecord, `feature ${i} geometry`);
    return {
      id: required(p.id, isText, `feature ${i} id`),
      name_zh: required(p.name_zh, isText, `feature ${i} name_zh`),
      name_en: required(p.name_en, isText, `feature ${i} name_en`),
      name_zh_full: optional(p.name_zh_full, isText, `feature ${i} name_zh_full`),
      population: optional(p.population, isNum, `feature ${i} population`),
      center: required(geometry.coordinates, isPosition, `feature ${i} coordinates`),
    };
  });
}
