/**
 * What a client drawing large sets from vector tiles asks the server for instead of computing it from
 * every feature: the counts of a filter (total, per category, status and task area) and one page of
 * its list, sorted as the list panel sorts. Neither reads a geometry, except with `near`, whose exact
 * distances need them (and whose circle bounds the rows).
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { endOfPlanDay } from '#shared/day.ts';
import { coverage, coverageItemOf, taskAreasOf } from '#shared/coverage.ts';
import type { ProjectFilter } from '#shared/filters.ts';
import { byRank } from '#shared/search.ts';
import { stackBadges } from '#shared/stacks.ts';
import { concreteFirst, isWide } from '#shared/wide.ts';
import { CATEGORIES, STATUSES, type CategoryId, type StatusId } from '#shared/taxonomy.ts';
import type { Db } from '../db/client.ts';
import { dataVersion } from '../middleware/response-cache.ts';
import * as t from '../db/schema.ts';
import { filterCondition, projectColumns, queryProjects, toProperties } from './project-query.ts';

const { geometry: _geometry, provinces: _provinces, nodes: _nodes, agencies: _agencies, ...sortColumns } = projectColumns;
const { geometry: _g, ...listColumns } = projectColumns;

const live = (where: Awaited<ReturnType<typeof filterCondition>>) => and(eq(t.projects.retired, false), where);

/** Projects per task area, each project once per area (as dashboard.ts countByTaskArea and coverage do). */
function byTaskArea(mentions: readonly { project: string; node: string }[]): Record<string, number> {
  const areas = new Map<string, Set<string>>();
  for (const m of mentions) {
    const mine = areas.get(m.project) ?? new Set<string>();
    for (const a of taskAreasOf(m.node)) mine.add(a);
    areas.set(m.project, mine);
  }
  const out: Record<string, number> = {};
  for (const mine of areas.values()) for (const a of mine) out[a] = (out[a] ?? 0) + 1;
  return out;
}

const tally = (rows: readonly { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));

type Bbox = [number, number, number, number];

/** The bounds of the matching projects, from their stored bounds (the R*Tree's own figures), or null with none. */
async function boundsOf(db: Db, where: SQL | undefined): Promise<Bbox | null> {
  const [row] = await db
    .select({ w: sql<number | null>`min(${t.projects.minX})`, s: sql<number | null>`min(${t.projects.minY})`, e: sql<number | null>`max(${t.projects.maxX})`, n: sql<number | null>`max(${t.projects.maxY})` })
    .from(t.projects)
    .where(where)
    .all();
  return row && row.w !== null && row.s !== null && row.e !== null && row.n !== null ? [row.w, row.s, row.e, row.n] : null;
}

/**
 * Each matching project's status on a day (the status key's "status on" a day, as
 * client/coverage/status-as-of.ts reads the history): the last event up to the end of that day in
 * China, the undated plan-implied one first; `none` where there is none yet. `planOnly`: those whose
 * status on the day is still only the plan's wording.
 */
async function statusOnDay(db: Db, where: SQL | undefined, day: string) {
  const until = new Date(endOfPlanDay(day)).toISOString();
  const rows = await db.all<{ key: string; n: number; planOnly: number }>(sql`
    with last as (
      select project_id, to_status as status, at from (
        select project_id, to_status, at, row_number() over (partition by project_id order by (at is null), julianday(at) desc, id desc) as rn
        from status_events where at is null or julianday(at) <= julianday(${until})
      ) where rn = 1
    )
    select coalesce(last.status, 'none') as key, count(*) as n, sum(last.project_id is not null and last.at is null) as planOnly
    from projects left join last on last.project_id = projects.id
    where ${where ?? sql`1`} group by key`);
  return { day, byStatus: tally(rows), planOnly: rows.reduce((s, r) => s + Number(r.planOnly), 0) };
}

/**
 * Total and counts per category, status and task area of the projects a filter matches, their
 * bounds (the map's "fit results" for a set it does not hold) and, with `asOf`, their statuses on
 * that day.
 */
export async function projectCounts(db: Db, f: ProjectFilter, asOf?: string) {
  if (f.near) {
    // The exact radius needs the geometries: counted as the coverage figures count them.
    const rows = await queryProjects(db, f);
    const { total, byCategory, byStatus, byTaskArea } = coverage(rows.map((r) => coverageItemOf(toProperties(r))));
    // One JSON parameter however many match (SQLite limits the parameters of a statement).
    const ids = sql`${t.projects.id} in (select value from json_each(${JSON.stringify(rows.map((r) => r.id))}))`;
    const [bbox, onDay] = await Promise.all([boundsOf(db, ids), asOf ? statusOnDay(db, ids, asOf) : undefined]);
    return { total, byCategory, byStatus, byTaskArea, bbox, ...(onDay ? { asOf: onDay } : {}) };
  }
  const where = live(await filterCondition(db, f));
  const [byCategory, byStatus, mentions, bbox, onDay] = await Promise.all([
    db.select({ key: t.projects.category, n: sql<number>`count(*)` }).from(t.projects).where(where).groupBy(t.projects.category).all(),
    db.select({ key: t.projects.status, n: sql<number>`count(*)` }).from(t.projects).where(where).groupBy(t.projects.status).all(),
    db
      .selectDistinct({ project: t.projectMentions.projectId, node: t.projectMentions.nodeId })
      .from(t.projectMentions)
      .where(inArray(t.projectMentions.projectId, db.select({ id: t.projects.id }).from(t.projects).where(where)))
      .all(),
    boundsOf(db, where),
    asOf ? statusOnDay(db, where, asOf) : undefined,
  ]);
  return {
    total: byCategory.reduce((s, r) => s + r.n, 0),
    byCategory: tally(byCategory),
    byStatus: tally(byStatus),
    byTaskArea: byTaskArea(mentions),
    bbox,
    ...(onDay ? { asOf: onDay } : {}),
  };
}

export const SORT_KEYS = ['name', 'category', 'status', 'size', 'distance'] as const;
export type PageQuery = { limit: number; offset: number; sort?: (typeof SORT_KEYS)[number]; dir: 'asc' | 'desc'; lang: 'zh' | 'en' };

type SortRow = { id: string; nameZh: string; nameEn: string; category: string; precision: string; status: string; lengthKm: number | null; areaKm2: number | null; distanceKm?: number };

/** The list panel's order (client/panels/project-list.tsx): by name unless told, nearest first with `near`. */
function sorted<R extends SortRow>(rows: readonly R[], p: PageQuery, near: boolean): R[] {
  const key = p.sort ?? (near ? 'distance' : 'name');
  const collator = new Intl.Collator(p.lang === 'zh' ? 'zh' : 'en');
  const value = (r: R): string | number => {
    switch (key) {
      case 'name':
        return p.lang === 'zh' ? r.nameZh : r.nameEn;
      case 'category':
        return CATEGORIES[r.category as CategoryId]?.[p.lang] ?? r.category;
      case 'status':
        return STATUSES[r.status as StatusId]?.[p.lang] ?? r.status;
      case 'size':
        return r.lengthKm ?? r.areaKm2 ?? -1;
      case 'distance':
        return r.distanceKm ?? Infinity;
    }
  };
  const keyed = rows.map((r) => ({ r, v: value(r) }));
  const dir = p.dir === 'desc' ? -1 : 1;
  keyed.sort((a, b) => (typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v))) * dir);
  const out = keyed.map((k) => k.r);
  // Nearest first means the concrete places: whole regions and sea areas (0 km from everything) follow, as in the list.
  if (key !== 'distance' || !near) return out;
  const wide = (r: R) => isWide({ precision: r.precision, category: r.category, area_km2: r.areaKm2 });
  return concreteFirst(out, wide);
}

/** Orders kept per data version: paging through a large list sorts it once (a scan of 100k rows takes seconds). */
const ORDERS_KEPT = 16;
const ordersOf = new WeakMap<Db, Map<string, { version: string; ids: string[] }>>();

/** The ids a filter matches, in the page's order. */
async function orderedIds(db: Db, f: ProjectFilter, p: PageQuery): Promise<string[]> {
  const key = JSON.stringify([f, p.sort, p.dir, p.lang]);
  const orders = ordersOf.get(db) ?? new Map<string, { version: string; ids: string[] }>();
  ordersOf.set(db, orders);
  const version = await dataVersion(db);
  const kept = orders.get(key);
  if (kept?.version === version) return kept.ids;
  const keys = await db.select(sortColumns).from(t.projects).where(live(await filterCondition(db, f))).orderBy(asc(t.projects.rid)).all();
  const ids = (f.q && !p.sort ? byRank(f.q, keys, (r) => ({ name_zh: r.nameZh, name_en: r.nameEn, category: r.category })) : sorted(keys, p, false)).map((r) => r.id);
  orders.delete(key);
  orders.set(key, { version, ids });
  if (orders.size > ORDERS_KEPT) orders.delete(orders.keys().next().value!);
  return ids;
}

/** One page of the list of the projects a filter matches: their list properties, no geometry. */
export async function projectPage(db: Db, f: ProjectFilter, p: PageQuery) {
  if (f.near) {
    const rows = sorted(await queryProjects(db, f), p, true);
    return { total: rows.length, offset: p.offset, items: rows.slice(p.offset, p.offset + p.limit).map(toProperties) };
  }
  const order = await orderedIds(db, f, p);
  const ids = order.slice(p.offset, p.offset + p.limit);
  const rows = ids.length ? await db.select(listColumns).from(t.projects).where(inArray(t.projects.id, ids)).all() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total: order.length, offset: p.offset, items: ids.map((id) => toProperties(byId.get(id)!)) };
}

/**
 * The ids a filter matches in /api/projects's order (best match first with `q`, nearest first with
 * `near`), at most `limit`, with their distances with `near`: what a large set's map filters a search
 * by, without the geometries of every match.
 */
export async function projectIds(db: Db, f: ProjectFilter, limit: number) {
  if (f.near) {
    const rows = await queryProjects(db, f);
    const kept = rows.slice(0, limit);
    return { total: rows.length, ids: kept.map((r) => r.id), distances: Object.fromEntries(kept.map((r) => [r.id, r.distanceKm ?? 0])) };
  }
  const order = await orderedIds(db, f, { limit, offset: 0, dir: 'asc', lang: 'zh' });
  return { total: order.length, ids: order.slice(0, limit) };
}

/**
 * The count badges of the projects a filter matches (shared/stacks.ts): what the map of a large set,
 * which holds none of their geometries, draws where several stand on one spot.
 */
export async function projectStacks(db: Db, f: ProjectFilter) {
  const pointish = sql`json_extract(${t.projects.geometry}, '$.type') in ('Point', 'MultiPoint')`;
  const rows = f.near
    ? (await queryProjects(db, f)).filter((r) => r.geometry.type === 'Point' || r.geometry.type === 'MultiPoint').sort((a, b) => a.rid - b.rid)
    : await db.select({ id: t.projects.id, geometry: t.projects.geometry }).from(t.projects).where(and(live(await filterCondition(db, f)), pointish)).orderBy(asc(t.projects.rid)).all();
  return stackBadges(rows.map((r) => ({ type: 'Feature' as const, geometry: r.geometry, properties: { id: r.id } })));
}

/** How many live projects there are (an index scan, milliseconds at 100k). */
export async function liveProjectCount(db: Db): Promise<number> {
  const row = await db.get<{ n: number }>(sql`select count(*) as n from projects where retired = 0`);
  return row?.n ?? 0;
}
