/** /api/plan: the plan tree with verbatim texts, goals, agencies and the projects each node names. */
import { createRoute } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { PlanPayloadSchema } from '#shared/api-schema.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { group, json } from './kit.ts';

export async function loadPlan(db: Db) {
  const [nodes, agencies, roles, mentions] = await Promise.all([
    db.select().from(t.planNodes).orderBy(asc(t.planNodes.id)).all(),
    db.select().from(t.agencies).orderBy(asc(t.agencies.id)).all(),
    db.select().from(t.nodeAgencies).all(),
    db
      .select({ node: t.projectMentions.nodeId, project: t.projectMentions.projectId, phrase: t.projectMentions.phrase, nameZh: t.projects.nameZh, nameEn: t.projects.nameEn })
      .from(t.projectMentions)
      .innerJoin(t.projects, eq(t.projects.id, t.projectMentions.projectId))
      .all(),
  ]);
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      parent: n.parent,
      kind: n.kind,
      order: n.ord,
      title_zh: n.titleZh,
      title_en: n.titleEn,
      text_zh: n.textZh,
      year: n.year,
      agencies: roles.filter((r) => r.nodeId === n.id).map((r) => ({ agency: r.agencyId, role: r.role })),
      agencies_open_ended: n.agenciesOpenEnded,
      with_districts: n.withDistricts,
      partners: n.partners,
      partner_cities: n.partnerCities,
      // One entry per project, even where a clause names it twice.
      projects: [...new Map(mentions.filter((m) => m.node === n.id).map((m) => [m.project, { id: m.project, phrase: m.phrase, name_zh: m.nameZh, name_en: m.nameEn }])).values()],
    })),
    agencies: agencies.map((a) => ({ id: a.id, name_zh: a.nameZh, name_en: a.nameEn })),
  };
}

export type PlanPayload = Awaited<ReturnType<typeof loadPlan>>;

const planRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'The plan tree: nodes with verbatim text, goals, agencies, projects per node',
  responses: { 200: json(PlanPayloadSchema, 'Every plan node in id order, and every agency') },
});

export const planRoutes = (db: Db) => group().openapi(planRoute, async (c) => c.json(await loadPlan(db), 200));
