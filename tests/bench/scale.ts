/**
 * `npm run bench:scale`: the database at 1k, 10k and 100k synthetic projects (tests/bench/synthetic.ts):
 * seed time, file size, and the viewport query: the API's bbox filter end to end (R*Tree, then each
 * project's JSON), and the id lookup alone through the R*Tree against a scan of the bounds columns,
 * p50 and p99 over many viewports.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/client.ts';
import { loadGeodata } from '../../server/db/geodata.ts';
import { seed } from '../../server/db/seed.ts';
import { syntheticProjects } from './synthetic.ts';

const SIZES = (process.env.SCALE_SIZES ?? '1000,10000,100000').split(',').map(Number);
const QUERIES = 200;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Viewports of a city-sized map (about 0.5° x 0.35°) scattered over the region. */
const viewports = Array.from({ length: QUERIES }, (_, i) => {
  const x = 110 + ((i * 7919) % 1300) / 100;
  const y = 35 + ((i * 104729) % 850) / 100;
  return [x, y, x + 0.5, y + 0.35] as const;
});

const base = loadGeodata();
console.log('| projects | seed | database | bbox via API p50 / p99 | R*Tree ids p50 / p99 | bounds scan ids p50 / p99 | scan / R*Tree (p50) |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const n of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-scale-'));
  try {
    const file = join(dir, 'atlas.db');
    const db = await openDb(`file:${file}`);
    const synthetic = syntheticProjects(n, base);
    const started = performance.now();
    await seed(db, { data: { ...base, projects: synthetic.projects, shares: synthetic.shares, hash: `synthetic-${n}` } });
    const seedMs = performance.now() - started;
    await db.run(sql`pragma wal_checkpoint(truncate)`);
    const size = statSync(file).size;
    const app = createApp({ db });

    const api: number[] = [];
    const tree: number[] = [];
    const scan: number[] = [];
    for (const [w, s, e, nn] of viewports) {
      let t = performance.now();
      const res = await app.request(`/api/projects?bbox=${w},${s},${e},${nn}`, { headers: { 'accept-encoding': 'identity' } });
      if (!res.ok) throw new Error(`bbox query answered ${res.status}`);
      await res.arrayBuffer();
      api.push(performance.now() - t);
      t = performance.now();
      await db.all(sql`select id from projects where rid in (select id from projects_rtree where max_x >= ${w} and min_x <= ${e} and max_y >= ${s} and min_y <= ${nn})`);
      tree.push(performance.now() - t);
      t = performance.now();
      await db.all(sql`select id from projects where max_x >= ${w} and min_x <= ${e} and max_y >= ${s} and min_y <= ${nn}`);
      scan.push(performance.now() - t);
    }
    console.log(
      `| ${n.toLocaleString('en')} | ${(seedMs / 1000).toFixed(1)} s | ${(size / 2 ** 20).toFixed(1)} MB | ${ms(quantile(api, 0.5))} / ${ms(quantile(api, 0.99))} | ${ms(quantile(tree, 0.5))} / ${ms(quantile(tree, 0.99))} | ${ms(quantile(scan, 0.5))} / ${ms(quantile(scan, 0.99))} | ${(quantile(scan, 0.5) / quantile(tree, 0.5)).toFixed(0)}x |`,
    );
    db.$client.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
