/**
 * Which glyphs geodata/basemap/glyphs/ holds (made by geodata/build/basemap-glyphs.ts, checked by
 * tests/geodata/basemap-glyphs.test.ts): every character of every name in the basemap layers and
 * the projects, printable ASCII and the vertical punctuation forms, in each fontstack the map's labels use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { GEODATA_DIR } from '../../server/db/geodata.ts';
import { LABEL_FONTSTACKS } from '../../client/map/basemap-style.ts';

export { LABEL_FONTSTACKS };

/** Code points of every character a label can show, sorted. */
export function labelCharacters(): number[] {
  const codes = new Set<number>();
  for (let c = 0x20; c < 0x7f; c++) codes.add(c);
  // The vertical forms MapLibre puts in for CJK punctuation of labels along lines (︵ for （, ︱ for —).
  for (let c = 0xfe10; c <= 0xfe19; c++) codes.add(c);
  for (let c = 0xfe30; c <= 0xfe4f; c++) codes.add(c);
  for (const folder of ['basemap', 'projects']) {
    for (const file of readdirSync(join(GEODATA_DIR, folder)).filter((f) => f.endsWith('.geojson'))) {
      const fc = JSON.parse(readFileSync(join(GEODATA_DIR, folder, file), 'utf8')) as FeatureCollection;
      for (const f of fc.features) {
        for (const [key, value] of Object.entries(f.properties ?? {})) {
          if (key.startsWith('name') && typeof value === 'string') for (const ch of value) codes.add(ch.codePointAt(0)!);
        }
      }
    }
  }
  return [...codes].filter((c) => c >= 0x20).sort((a, b) => a - b);
}

/** Glyphs grouped by the 256-code-point range MapLibre asks for them in, ranges in order. */
export function glyphRanges<T extends { id: number }>(glyphs: T[]): [number, T[]][] {
  const ranges = new Map<number, T[]>();
  for (const g of glyphs) ranges.set(Math.floor(g.id / 256), [...(ranges.get(Math.floor(g.id / 256)) ?? []), g]);
  return [...ranges].sort((a, b) => a[0] - b[0]);
}
