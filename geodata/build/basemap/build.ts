// Builds the offline basemap layers in geodata/basemap/ from npm/Debian packaged sources.
// Usage (from this folder):  npm ci && npm run build -- [--skip-land] [--skip-rivers]
// (npm run build is `tsx build.ts`, with the repository's tsx.) Needs the Debian packages `gmt`
// and `gmt-gshhg-high` for the rivers layer (apt-get install gmt gmt-gshhg-high); everything else
// comes from ./node_modules. See geodata/basemap/README.md for the provenance of every layer.
// Steps: land.ts, provinces.ts, cities.ts (with geonames.ts), rivers.ts; helpers in common.ts.
import fs from 'node:fs';
import path from 'node:path';
import { buildCities } from './cities.ts';
import { log, out, tmp } from './common.ts';
import { buildLand } from './land.ts';
import { buildProvinces, readAdmin1 } from './provinces.ts';
import { buildRivers } from './rivers.ts';

fs.mkdirSync(out, { recursive: true });
fs.mkdirSync(tmp, { recursive: true });
const args = new Set(process.argv.slice(2));

const landMask = buildLand(args.has('--skip-land'));
const admin1 = readAdmin1();
const provinces = buildProvinces(admin1, landMask);
buildCities(admin1, provinces);
if (!args.has('--skip-rivers')) buildRivers();

// Sizes
let total = 0;
for (const f of fs.readdirSync(out).filter((f) => f.endsWith('.geojson')).sort()) {
  const s = fs.statSync(path.join(out, f)).size;
  total += s;
  log(`${f}: ${s} bytes`);
}
log(`total: ${total} bytes`);
