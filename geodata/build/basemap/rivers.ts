// 4. Rivers and canals: GSHHG 2.3.7 WDBII rivers (LGPL-3) via GMT `coast -I… -M`.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { FeatureCollection, LineString, Position } from 'geojson';
import { bbox, CORE, log, mapshaper, out, tmp, writeJson } from './common.ts';

const RIVER_LEVELS: Record<number, string> = {
  0: 'double-lined river',
  1: 'permanent major river',
  2: 'additional major river',
  3: 'additional river',
  4: 'minor river',
  6: 'intermittent river',
  8: 'major canal',
  9: 'minor canal',
};

type RiverProps = { level: number; class: 'canal' | 'intermittent' | 'river'; description: string };

/** Writes rivers.geojson. Needs the Debian packages gmt and gmt-gshhg-high. */
export function buildRivers() {
  const r = `${CORE[0]}/${CORE[2]}/${CORE[1]}/${CORE[3]}`;
  // run in .tmp/ so GMT's gmt.history lands there
  const txt = execFileSync('gmt', ['coast', `-R${r}`, '-Dh', '-Ia', '-M'], { encoding: 'utf8', maxBuffer: 1 << 28, cwd: tmp });
  const feats: { level: number; description: string; coords: Position[] }[] = [];
  let cur: (typeof feats)[number] | null = null;
  for (const line of txt.split('\n')) {
    if (line.startsWith('>')) {
      const lv = Number(/Level (\d+)/.exec(line)?.[1]);
      const description = RIVER_LEVELS[lv];
      cur = description ? { level: lv, description, coords: [] } : null;
      if (cur) feats.push(cur);
    } else if (cur && line.trim()) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      if (x === undefined || y === undefined) throw new Error(`gmt coast: not a point: ${line}`);
      cur.coords.push([x, y]);
    }
  }
  const fc: FeatureCollection<LineString, RiverProps> = {
    type: 'FeatureCollection',
    features: feats
      .filter((f) => f.coords.length > 1)
      .map((f) => ({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: f.coords },
        properties: { level: f.level, class: f.level >= 8 ? 'canal' : f.level === 6 ? 'intermittent' : 'river', description: f.description },
      })),
  };
  writeJson(path.join(tmp, 'rivers-raw.json'), fc);
  mapshaper(
    '-i', path.join(tmp, 'rivers-raw.json'), 'snap',
    '-clip', `bbox=${bbox(CORE)}`,
    '-simplify', 'interval=250',
    '-dissolve', 'level', 'copy-fields=class,description',
    '-o', path.join(out, 'rivers.geojson'), 'precision=0.0001', 'format=geojson',
  );
  log(`rivers: ${fc.features.length} GSHHG segments`);
}
