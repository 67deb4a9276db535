/**
 * Project filtering in SQL (so it scales with the R*Tree index), and the GeoJSON a project becomes.
 * List-valued properties are delimited strings (",a,b,") so MapLibre filter expressions can test them
 * with "in" on the client.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { distanceKm } from '#shared/coverage.ts';
import type { ProjectFilter } from '#shared/filters.ts';
import { byRank, normalise, searchTerms } from '#shared/search.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { badRequest } from '../errors.ts';

const KM_PER_DEG = 111.32;

export const projectColumns = {
  rid: t.projects.rid,
  id: t.projects.id,
  nameZh: t.projects.nameZh,
  nameEn: t.projects.nameEn,
  category: t.projects.category,
  stage: t.projects.stage,
  milestone: t.projects.milestone,
  precision: t.projects.precision,
  status: t.projects.status,
  version: t.projects.version,
  lengthKm: t.projects.lengthKm,
  areaKm2: t.projects.areaKm2,
  geometry: t.projects.geometry,
  provinces: sql<string | null>`(select group_concat(pp.province) from project_provinces pp where pp.project_id = projects.id)`,
  nodes: sql<string | null>`(select group_concat(distinct pm.node_id) from project_mentions pm where pm.project_id = projects.id)`,
  agencies: sql<string | null>`(select group_concat(distinct na.role || ':' || na.agency_id) from node_agencies na join project_mentions pm on pm.node_id = na.node_id where pm.project_id = projects.id)`,
};

export type ProjectRow = Awaited<ReturnType<typeof selectProjects>>[number];

/** Live projects (not retired) matching a condition, in a stable order. */
function selectProjects(db: Db, where: SQL | undefined) {
  return db
    .select(projectColumns)
    .from(t.projects)
    .where(and(eq(t.projects.retired, false), where))
    .orderBy(asc(t.projects.rid))
    .all();
}

function rtreeIntersects(minX: number, minY: number, maxX: number, maxY: number): SQL {
  return sql`projects.rid in (select id from projects_rtree where max_x >= ${minX} and min_x <= ${maxX} and max_y >= ${minY} and min_y <= ${maxY})`;
}

/** One project row by its id, or undefined. */
export async function projectRowById(db: Db, id: string): Promise<ProjectRow | undefined> {
  const [row] = await selectProjects(db, eq(t.projects.id, id));
  return row;
}

/** Throws a 400 naming the parameter when a node or agency id does not exist. */
async function checkReferences(db: Db, f: ProjectFilter) {
  if (f.node) {
    const found = await db.select({ id: t.planNodes.id }).from(t.planNodes).where(inArray(t.planNodes.id, f.node)).all();
    const missing = f.node.filter((n) => !found.some((r) => r.id === n));
    if (missing.length) throw badRequest('node', `unknown plan node ${missing.join(', ')}`);
  }
  if (f.agency) {
    const a = await db.select({ id: t.agencies.id }).from(t.agencies).where(eq(t.agencies.id, f.agency)).get();
    if (!a) throw badRequest('agency', `unknown agency ${f.agency}`);
  }
}

function conditions(f: ProjectFilter): SQL[] {
  const w: SQL[] = [];
  if (f.category) w.push(inArray(t.projects.category, f.category));
  if (f.status) w.push(inArray(t.projects.status, f.status));
  if (f.stage) w.push(inArray(t.projects.stage, f.stage));
  if (f.milestone) w.push(inArray(t.projects.milestone, f.milestone));
  // Subqueries name their tables explicitly (pp, pm, na): drizzle renders bare column names in sql``.
  if (f.province) {
    const provinces = sql.join(f.province.map((p) => sql`${p}`), sql`, `);
    w.push(sql`exists (select 1 from project_provinces pp where pp.project_id = projects.id and pp.province in (${provinces}))`);
  }
  if (f.node) {
    const match = sql.join(f.node.map((n) => sql`pm.node_id = ${n} or pm.node_id like ${`${n}.%`}`), sql` or `);
    w.push(sql`exists (select 1 from project_mentions pm where pm.project_id = projects.id and (${match}))`);
  }
  if (f.agency) {
    const role = f.agency_role === 'any' ? sql`1` : sql`na.role = ${f.agency_role}`;
    w.push(
      sql`exists (select 1 from project_mentions pm join node_agencies na on na.node_id = pm.node_id where pm.project_id = projects.id and na.agency_id = ${f.agency} and ${role})`,
    );
  }
  if (f.bbox) {
    const [minX, minY, maxX, maxY] = f.bbox as [number, number, number, number];
    w.push(rtreeIntersects(minX, minY, maxX, maxY));
  }
  if (f.near) {
    const [lon, lat] = f.near as [number, number];
    const dLat = f.radius_km / KM_PER_DEG;
    const dLon = f.radius_km / (KM_PER_DEG * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    w.push(rtreeIntersects(lon - dLon, lat - dLat, lon + dLon, lat + dLat));
  }
  if (f.q) w.push(textCondition(f.q));
  return w;
}

const likeEscape = (s: string) => s.replace(/[%_\\]/g, (ch) => `\\${ch}`);
/** The English name and the id as words between spaces, so "port" finds "Port of Tianjin" but not "Airport". */
const EN_WORDS = sql.raw(
  `(' ' || ${['(', ')', '–', '—', '-', ',', ':', '/', '.', '·'].reduce((e, ch) => `replace(${e}, '${ch}', ' ')`, 'projects.name_en')} || ' ')`,
);
const ID_WORDS = sql.raw(`(' ' || replace(projects.id, '-', ' ') || ' ')`);

/** One word found in a name (Chinese anywhere, English at a word start), the pinyin or the id. */
function wordCondition(word: string): SQL {
  const inside = `%${likeEscape(word)}%`;
  const wordStart = `% ${likeEscape(word)}%`;
  return sql`(projects.name_zh like ${inside} escape '\\' or ${EN_WORDS} like ${wordStart} escape '\\' or projects.pinyin like ${inside} escape '\\' or ${ID_WORDS} like ${wordStart} escape '\\')`;
}

/**
 * Free text: every word must match (AND), each in a name, the pinyin, the id or a category label
 * (OR); a Chinese word holding a category word also matches as place + category (天津港口). The
 * whole query without spaces may also match the pinyin ("tian jin gang").
 */
function textCondition(q: string): SQL {
  const terms = searchTerms(q).map((term) => {
    const alternatives = [wordCondition(term.text)];
    if (term.categories.length) alternatives.push(inArray(t.projects.category, term.categories));
    if (term.split) alternatives.push(and(wordCondition(term.split.rest), inArray(t.projects.category, term.split.categories))!);
    return or(...alternatives)!;
  });
  const compact = `%${likeEscape(normalise(q).replace(/\s/g, ''))}%`;
  const pinyin = sql`projects.pinyin like ${compact} escape '\\'`;
  return terms.length ? or(and(...terms), pinyin)! : pinyin;
}

/**
 * The SQL condition of a filter (after checking its node and agency ids), for queries that select
 * other columns than the GeoJSON's (counts, a page of the list). `near` gives only its bounding box.
 */
export async function filterCondition(db: Db, f: ProjectFilter): Promise<SQL | undefined> {
  await checkReferences(db, f);
  const w = conditions(f);
  return w.length ? and(...w) : undefined;
}

/** The projects matching a filter; with `near`, only those within radius_km, nearest first; with `q`, best match first. */
export async function queryProjects(db: Db, f: ProjectFilter): Promise<(ProjectRow & { distanceKm?: number })[]> {
  await checkReferences(db, f);
  const w = conditions(f);
  const rows = await selectProjects(db, w.length ? and(...w) : undefined);
  if (!f.near) return f.q ? byRank(f.q, rows, (r) => ({ name_zh: r.nameZh, name_en: r.nameEn, category: r.category })) : rows;
  const [lon, lat] = f.near as [number, number];
  return rows
    .map((r) => ({ ...r, distanceKm: Math.round(distanceKm(r.geometry, lon, lat) * 10) / 10 }))
    .filter((r) => r.distanceKm <= f.radius_km)
    .sort((a, b) => a.distanceKm - b.distanceKm);
}

const delimited = (s: string | null) => (s ? `,${s.split(',').sort().join(',')},` : '');

/** A project row's flat properties (map- and CSV-friendly; lists as ",a,b,"). */
export function toProperties(r: Omit<ProjectRow, 'geometry'> & { distanceKm?: number }) {
  return {
    id: r.id,
    name_zh: r.nameZh,
    name_en: r.nameEn,
    category: r.category,
    stage: r.stage,
    milestone: r.milestone,
    precision: r.precision,
    status: r.status,
    version: r.version,
    length_km: r.lengthKm,
    area_km2: r.areaKm2,
    provinces: delimited(r.provinces),
    nodes: delimited(r.nodes),
    agencies: delimited(r.agencies),
    ...(r.distanceKm !== undefined ? { distance_km: r.distanceKm } : {}),
  };
}

/** A project row as a GeoJSON feature. */
export function toFeature(r: ProjectRow & { distanceKm?: number }) {
  return {
    type: 'Feature' as const,
    // The project id the API takes (/api/projects/{id}); MapLibre reads it through promoteId.
    id: r.id,
    geometry: r.geometry,
    properties: toProperties(r),
  };
}
