/** /api/stats/coverage: counts and sums for the filtered projects, computed by shared/coverage.ts. */
import { zValidator } from '@hono/zod-validator';
import { inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { coverage, coverageItemOf, isWithinNode } from '#shared/coverage.ts';
import { ProjectFilterSchema } from '#shared/filters.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { validationHook } from '../errors.ts';
import { queryProjects, toProperties } from '../services/project-query.ts';

export const statsRoutes = (db: Db) =>
  new Hono().get('/coverage', zValidator('query', ProjectFilterSchema, validationHook), async (c) => {
    const filter = c.req.valid('query');
    const rows = await queryProjects(db, filter);
    const ids = rows.map((r) => r.id);
    const perProvince = ids.length
      ? await db.select().from(t.projectProvinces).where(inArray(t.projectProvinces.projectId, ids)).all()
      : [];
    const byProject = new Map<string, typeof perProvince>();
    for (const p of perProvince) byProject.set(p.projectId, [...(byProject.get(p.projectId) ?? []), p]);
    const figures = coverage(
      rows.map((r) => {
        const mine = byProject.get(r.id) ?? [];
        const km = Object.fromEntries(mine.filter((p) => p.lengthKm != null).map((p) => [p.province, p.lengthKm!]));
        const km2 = Object.fromEntries(mine.filter((p) => p.areaKm2 != null).map((p) => [p.province, p.areaKm2!]));
        return coverageItemOf(toProperties(r), km, km2);
      }),
    );
    // The plan's measures per partner province (within the node filter, if any).
    const measures = (await db.select({ id: t.planNodes.id, partners: t.planNodes.partners }).from(t.planNodes).all()).filter(
      (n) => /\.m\d+$/.test(n.id) && (!filter.node || filter.node.some((f) => isWithinNode(n.id, f))),
    );
    const measuresByPartner: Record<string, number> = {};
    for (const m of measures) for (const p of m.partners) measuresByPartner[p] = (measuresByPartner[p] ?? 0) + 1;
    return c.json({ ...figures, measuresByPartner, measures: measures.length });
  });
