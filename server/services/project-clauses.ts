/**
 * The plan clauses that name a project, each with its agencies and their roles, and a project's
 * latest status event: read for many projects at once, for the exports (XLSX, CSV, KML). The
 * project detail reads the same links through drizzle's relations (project-detail.ts).
 */
import { asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { inChunks } from '../db/in-chunks.ts';
import * as t from '../db/schema.ts';


export type ClauseAgency = { id: string; name_zh: string; name_en: string; role: 'lead' | 'cooperating' | 'shared' };
export type Clause = {
  node: string;
  phrase: string;
  kind: string;
  title_zh: string;
  title_en: string;
  text_zh: string;
  agencies: ClauseAgency[];
};

/** For each project id, the clauses naming it (by node id), each with its agencies. */
export async function clausesOf(db: Db, projectIds: readonly string[]): Promise<Map<string, Clause[]>> {
  const mentions = await inChunks(projectIds, (ids) =>
    db
      .select({ project: t.projectMentions.projectId, node: t.planNodes.id, phrase: t.projectMentions.phrase, kind: t.planNodes.kind, title_zh: t.planNodes.titleZh, title_en: t.planNodes.titleEn, text_zh: t.planNodes.textZh })
      .from(t.projectMentions)
      .innerJoin(t.planNodes, eq(t.planNodes.id, t.projectMentions.nodeId))
      .where(inArray(t.projectMentions.projectId, ids))
      .orderBy(asc(t.planNodes.id))
      .all(),
  );
  const nodeIds = [...new Set(mentions.map((m) => m.node))];
  const agencyRows = await inChunks(nodeIds, (ids) =>
    db
      .select({ node: t.nodeAgencies.nodeId, id: t.agencies.id, name_zh: t.agencies.nameZh, name_en: t.agencies.nameEn, role: t.nodeAgencies.role })
      .from(t.nodeAgencies)
      .innerJoin(t.agencies, eq(t.agencies.id, t.nodeAgencies.agencyId))
      .where(inArray(t.nodeAgencies.nodeId, ids))
      .all(),
  );
  const byNode = new Map<string, ClauseAgency[]>();
  for (const { node, ...a } of agencyRows) byNode.set(node, [...(byNode.get(node) ?? []), a]);
  const out = new Map<string, Clause[]>(projectIds.map((id) => [id, []]));
  for (const { project, ...m } of mentions) out.get(project)?.push({ ...m, agencies: byNode.get(m.node) ?? [] });
  return out;
}

/** Status events matching a condition, newest first, each with its project id. */
const selectEvents = (db: Db, where: SQL) =>
  db
    .select({ project: t.statusEvents.projectId, from: t.statusEvents.fromStatus, to: t.statusEvents.toStatus, at: t.statusEvents.at, by: t.statusEvents.by, note: t.statusEvents.note, source: t.statusEvents.source, version: t.statusEvents.version })
    .from(t.statusEvents)
    .where(where)
    .orderBy(desc(t.statusEvents.id))
    .all();
export type StatusEvent = Omit<Awaited<ReturnType<typeof selectEvents>>[number], 'project'>;

/** For each project id that has one, its newest status event. */
export async function latestEventsOf(db: Db, projectIds: readonly string[]): Promise<Map<string, StatusEvent>> {
  const rows = await inChunks(projectIds, (ids) =>
    selectEvents(
      db,
      sql`${t.statusEvents.id} in (select max(se.id) from status_events se where se.project_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) group by se.project_id)`,
    ),
  );
  return new Map(rows.map(({ project, ...e }) => [project, e]));
}
