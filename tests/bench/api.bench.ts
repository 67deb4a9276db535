/**
 * `npm run bench`: speed as ratios against a baseline measured in the same process (vitest bench
 * prints "N x faster/slower than" within each group). Never a timed assertion: machines are shared.
 *
 * - serving /api/projects through Hono + libsql vs. serialising the same FeatureCollection held in memory
 * - a bbox query on 100,000 synthetic projects through the R*Tree vs. the same query as a table scan
 * - the client's filter (MapLibre expression evaluated with featureFilter) vs. a hand-written predicate
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { bench, describe } from 'vitest';
import { filterExpression, matcher } from '../../client/state/filter-expression.ts';
import { EMPTY_FILTERS } from '../../client/state/view-state.ts';
import { testApp } from '../helpers/test-app.ts';

const t = await testApp();
/** An error answer would be timed as a fast one: refuse to measure it. */
async function ok(path: string) {
  const res = await t.app.request(path);
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return res.text();
}
const inMemory = await ok('/api/projects');
const parsed = JSON.parse(inMemory) as { features: { properties: Record<string, unknown> }[] };

describe('GET /api/projects (all)', () => {
  bench('baseline: JSON.stringify of the same collection', () => {
    JSON.stringify(parsed);
  });
  bench('Hono + drizzle + libsql', async () => {
    await ok('/api/projects');
  });
});

describe('GET /api/projects?near=… (radius query)', () => {
  bench('baseline: JSON.stringify of the same collection', () => {
    JSON.stringify(parsed);
  });
  bench('R*Tree prefilter + turf distances', async () => {
    await ok('/api/projects?near=117.7,39.0&radius_km=50');
  });
});

// 100,000 synthetic boxes (synthetic on purpose: this measures the index, not the plan's data).
const N = 100_000;
const db = createClient({ url: `file:${join(mkdtempSync(join(tmpdir(), 'atlas-bench-')), 'b.db')}` });
await db.batch(
  [
    'create table boxes (id integer primary key, min_x real, max_x real, min_y real, max_y real)',
    'create virtual table boxes_rtree using rtree(id, min_x, max_x, min_y, max_y)',
  ],
  'write',
);
{
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows: [number, number, number, number, number][] = [];
  for (let i = 1; i <= N; i++) {
    const x = 104 + rnd() * 23;
    const y = 33 + rnd() * 14;
    rows.push([i, x, x + rnd() * 0.2, y, y + rnd() * 0.2]);
  }
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await db.batch(
      chunk.flatMap((r) => [
        { sql: 'insert into boxes values (?,?,?,?,?)', args: r },
        { sql: 'insert into boxes_rtree values (?,?,?,?,?)', args: r },
      ]),
      'write',
    );
  }
}
const box = [117.0, 117.5, 38.8, 39.3];

describe(`bbox query over ${N.toLocaleString()} projects`, () => {
  bench('baseline: table scan', async () => {
    await db.execute({ sql: 'select id from boxes where max_x >= ? and min_x <= ? and max_y >= ? and min_y <= ?', args: box });
  });
  bench('R*Tree index', async () => {
    await db.execute({ sql: 'select id from boxes_rtree where max_x >= ? and min_x <= ? and max_y >= ? and min_y <= ?', args: box });
  });
});

const filters = { ...EMPTY_FILTERS, nodes: ['2.1'], categories: ['intercity-rail' as const, 'seaport' as const] };
const compiled = matcher(filterExpression(filters, null));
const many = Array.from({ length: 100 }, () => parsed.features).flat();

describe(`client filter over ${many.length.toLocaleString()} features`, () => {
  bench('baseline: hand-written predicate', () => {
    many.filter((f) => {
      const p = f.properties as { category: string; nodes: string };
      return ['intercity-rail', 'seaport'].includes(p.category) && (p.nodes.includes(',2.1,') || p.nodes.includes(',2.1.'));
    });
  });
  bench('MapLibre expression via featureFilter', () => {
    many.filter((f) => compiled(f.properties));
  });
});
