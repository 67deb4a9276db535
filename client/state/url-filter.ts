/**
 * Reads the project filters of a link with plain checks, so the client's first load carries no zod
 * (about 25 kB gzipped). The rules are the API's own (shared/filters.ts ProjectFilterSchema), and
 * tests/client/url-filter.test.ts holds them to that schema on generated input, so the two cannot
 * drift apart: a value the API rejects is dropped here too.
 */
import {
  CATEGORY_IDS,
  MILESTONES,
  PROVINCE_IDS,
  STAGE_IDS,
  STATUS_IDS,
  type CategoryId,
  type Milestone,
  type ProvinceId,
  type StageId,
  type StatusId,
} from '#shared/taxonomy.ts';

// The API's own limits, from a module without zod (shared/filters.ts would bring zod along).
import { MAX_LIST_VALUES, MAX_RADIUS_KM } from '#shared/limits.ts';

/** The list filters of a link, by their URL names. */
export const LIST_KEYS = ['node', 'category', 'status', 'stage', 'province', 'milestone'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

type ListValue = { node: string; category: CategoryId; status: StatusId; stage: StageId; province: ProvinceId; milestone: Milestone };

/** Plan node ids: "pre", "1", "1.2", "1.2.g2020", "2.1.1", "2.1.1.m1" (shared/schema.ts PlanNodeIdSchema). */
const PLAN_NODE_ID = /^(pre|\d(\.\d)?(\.g20\d\d)?|\d\.\d\.\d(\.m\d+)?)$/;

const among =
  <T extends string>(ids: readonly T[]) =>
  (v: string): T | undefined =>
    (ids as readonly string[]).includes(v) ? (v as T) : undefined;

/** One list value as the API reads it, or undefined when the API rejects it. */
const ITEM: { [K in ListKey]: (v: string) => ListValue[K] | undefined } = {
  node: (v) => (PLAN_NODE_ID.test(v) ? v : undefined),
  category: among(CATEGORY_IDS),
  status: among(STATUS_IDS),
  stage: among(STAGE_IDS),
  province: among(PROVINCE_IDS),
  // The API reads a year with Number(): "2020" and "2020.0" are both 2020.
  milestone: (v) => MILESTONES.find((y) => y === Number(v)),
};

/** Whether one value of a list filter names something the API knows. */
export const isListValue = (key: ListKey, value: string) => ITEM[key](value.trim()) !== undefined;

/**
 * A comma-separated list: its good values, each once, in order; undefined when none is good or
 * there are more than the API takes. A link keeps its good values (category=seaport,port reads as
 * seaport; the app's link note names port).
 */
export function readList<K extends ListKey>(raw: string | null, key: K): ListValue[K][] | undefined {
  if (raw === null) return undefined;
  const values = [...new Set(raw.split(',').map((x) => x.trim()).filter(Boolean))];
  const good = values.map(ITEM[key]).filter((v) => v !== undefined);
  return good.length > 0 && good.length <= MAX_LIST_VALUES ? good : undefined;
}

export type AgencyRole = 'any' | 'lead' | 'cooperating' | 'shared';
const AGENCY_ROLES: readonly AgencyRole[] = ['lead', 'cooperating', 'shared', 'any'];
export const isAgencyRole = (v: string | null): v is AgencyRole => v !== null && (AGENCY_ROLES as readonly string[]).includes(v);

export const readAgencyRole = (raw: string | null): AgencyRole | undefined => (isAgencyRole(raw) ? raw : undefined);

export const readAgency = (raw: string | null) => (raw !== null && /^[a-z0-9-]+$/.test(raw) ? raw : undefined);

/** Free text: trimmed, at most 100 characters, else dropped. */
export function readQuery(raw: string | null): string | undefined {
  const q = raw?.trim();
  return q !== undefined && q.length <= 100 ? q : undefined;
}

/** "lon,lat": two finite numbers within the world, else dropped (an empty part is not a zero). */
export function readNear(raw: string | null): [number, number] | undefined {
  if (raw === null) return undefined;
  const a = raw.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
  if (a.length !== 2 || !a.every(Number.isFinite)) return undefined;
  const [lon, lat] = a as [number, number];
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : undefined;
}

/** A radius in km: a number above 0, at most MAX_RADIUS_KM, else dropped. */
export function readRadius(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  const km = Number(raw);
  return Number.isFinite(km) && km > 0 && km <= MAX_RADIUS_KM ? km : undefined;
}
