/**
 * One project in full (GET /api/projects/{id}, and the answer to a status edit): its feature, the
 * plan clauses that name it with their agencies, its share of each province and its status history,
 * read in one relational query (drizzle's db.query with `with:`, one SQL statement) instead of one
 * query per part.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import type { Clause } from './project-clauses.ts';
import { toFeature } from './project-query.ts';

const readProject = (db: Db, id: string) =>
  db.query.projects.findFirst({
    where: and(eq(t.projects.id, id), eq(t.projects.retired, false)),
    with: {
      provinces: { columns: { province: true, lengthKm: true, areaKm2: true }, orderBy: asc(t.projectProvinces.province) },
      mentions: {
        columns: { phrase: true },
        with: {
          node: {
            columns: { id: true, kind: true, titleZh: true, titleEn: true, textZh: true },
            with: { agencies: { columns: { role: true }, with: { agency: true } } },
          },
        },
      },
      events: {
        columns: { fromStatus: true, toStatus: true, at: true, by: true, note: true, source: true, version: true },
        orderBy: desc(t.statusEvents.id),
      },
    },
  });

/** A comma-joined list, or null for none (as group_concat gives it to toFeature). */
const joined = (xs: Iterable<string>) => [...new Set(xs)].join(',') || null;

/** The project with every detail, or undefined if there is no such (live) project. */
export async function projectDetail(db: Db, id: string) {
  const p = await readProject(db, id);
  if (!p) return undefined;
  const clauses: Clause[] = p.mentions
    .map(({ phrase, node }) => ({
      node: node.id,
      phrase,
      kind: node.kind,
      title_zh: node.titleZh,
      title_en: node.titleEn,
      text_zh: node.textZh,
      agencies: node.agencies.map(({ role, agency }) => ({ id: agency.id, name_zh: agency.nameZh, name_en: agency.nameEn, role })),
    }))
    .sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  const feature = toFeature({
    ...p,
    provinces: joined(p.provinces.map((x) => x.province)),
    nodes: joined(clauses.map((c) => c.node)),
    agencies: joined(clauses.flatMap((c) => c.agencies.map((a) => `${a.role}:${a.id}`))),
  });
  return {
    ...feature,
    properties: {
      ...feature.properties,
      source: p.source,
      note: p.note,
      source_zh: p.sourceZh,
      note_zh: p.noteZh,
      status_updated_at: p.statusUpdatedAt,
      clauses,
      province_measures: p.provinces.map((x) => ({ province: x.province, length_km: x.lengthKm, area_km2: x.areaKm2 })),
      history: p.events.map((e) => ({ from: e.fromStatus, to: e.toStatus, at: e.at, by: e.by, note: e.note, source: e.source, version: e.version })),
    },
  };
}
