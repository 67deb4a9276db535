/**
 * The coverage figures of a filtered set of projects: what /api/stats/coverage answers and what the
 * exports' coverage sheet and the choropleth show. One function, so every view states the same numbers.
 */
import { inArray } from 'drizzle-orm';
import { coverage, coverageItemOf, isWithinNode } from '#shared/coverage.ts';
import type { ProjectFilter } from '#shared/filters.ts';
import type { Db } from '../db/client.ts';
import { inChunks } from '../db/in-chunks.ts';
import * as t from '../db/schema.ts';
import { queryProjects, toProperties } from './project-query.ts';

export async function coverageFor(db: Db, filter: ProjectFilter) {
  const rows = await queryProjects(db, filter);
  const ids = rows.map((r) => r.id);
  const perProvince = await inChunks(ids, (chunk) => db.select().from(t.projectProvinces).where(inArray(t.projectProvinces.projectId, chunk)).all());
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
  return { ...figures, measuresByPartner, measures: measures.length };
}

export type CoverageFigures = Awaited<ReturnType<typeof coverageFor>>;
