/**
 * Coverage of a set larger than SQLite binds in one statement (32,766 values): the seeded projects
 * cloned past that with plain SQL, then /api/stats/coverage of all of them. It answered 500 ("too
 * many SQL variables") when the province rows were read with the whole id list at once.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverageSchema } from '#shared/api-schema.ts';
import { ProjectFilterSchema } from '#shared/filters.ts';
import { coverageFor, type CoverageFigures } from '../../server/services/coverage.ts';
import { testApp, type TestApp } from '../helpers/test-app.ts';

const COPIES = 420; // × the seeded projects: well past 32,766 ids
let t: TestApp;
let before: CoverageFigures;
beforeAll(async () => {
  t = await testApp();
  before = await coverageFor(t.db, ProjectFilterSchema.parse({}));
  // Every column but the key and the id copied; each copy's id gets a suffix.
  const cols = (await t.db.all<{ name: string }>(sql`select name from pragma_table_info('projects')`)).map((c) => c.name).filter((c) => c !== 'rid' && c !== 'id');
  const list = sql.raw(cols.join(', '));
  await t.db.run(sql`with recursive k(i) as (select 1 union all select i + 1 from k where i < ${COPIES})
    insert into projects (id, ${list}) select projects.id || '-copy' || k.i, ${list} from projects, k where not retired`);
  await t.db.run(sql`with recursive k(i) as (select 1 union all select i + 1 from k where i < ${COPIES})
    insert into project_provinces select project_id || '-copy' || k.i, province, length_km, area_km2 from project_provinces, k`);
}, 120_000);
afterAll(() => t.close());

describe('coverage of a large set', () => {
  // One request over 35,000 projects: about 10 s on a quiet machine, so a loaded one gets room.
  it('counts every copy, and each province holds its km and km² once per copy', { timeout: 240_000 }, async () => {
    const res = await t.app.request('/api/stats/coverage');
    expect(res.status, await res.clone().text()).toBe(200);
    const all = CoverageSchema.parse(await res.json());
    expect(before.total * (COPIES + 1)).toBeGreaterThan(32_766);
    expect(all.total).toBe(before.total * (COPIES + 1));
    for (const [p, km] of Object.entries(before.kmByProvince)) expect(all.kmByProvince[p]).toBeCloseTo(km * (COPIES + 1), 0);
    for (const [p, km2] of Object.entries(before.km2ByProvince)) expect(all.km2ByProvince[p]).toBeCloseTo(km2 * (COPIES + 1), 0);
    expect(Object.keys(all.kmByProvince).sort()).toEqual(Object.keys(before.kmByProvince).sort());
  });
});
