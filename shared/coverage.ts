/**
 * Pure geometry and coverage computations, shared by the server (seed, /api/stats/coverage) and the
 * client (live counts). No I/O: callers pass the features and province polygons in.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Geometry } from './schema.ts';
import { isWide } from './wide.ts';

/** A province (or neighbouring country) outline; `country` is an ISO code, CN for China's provinces. */
export type ProvinceFeature = Feature<Polygon | MultiPolygon, { id: string; country?: string }>;

export type Measures = { lengthKm: number | null; areaKm2: number | null };

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Length of a line in km, area of a polygon in km²; null where the measure does not apply. */
export function measure(geometry: Geometry): Measures {
  const f = turf.feature(geometry);
  switch (geometry.type) {
    case 'LineString':
    case 'MultiLineString':
      return { lengthKm: round(turf.length(f, { units: 'kilometers' })), areaKm2: null };
    case 'Polygon':
    case 'MultiPolygon':
      return { lengthKm: null, areaKm2: round(turf.area(f) / 1e6) };
    default:
      return { lengthKm: null, areaKm2: null };
  }
}

/** [minX, minY, maxX, maxY] of a geometry. */
export function bounds(geometry: Geometry): [number, number, number, number] {
  const [minX, minY, maxX, maxY] = turf.bbox(turf.feature(geometry));
  return [minX, minY, maxX, maxY];
}

type Box = [number, number, number, number];
const boxes = new WeakMap<object, Box>();
/** A province's bounding box, computed once per feature object. */
const boxOf = (p: ProvinceFeature): Box => {
  let b = boxes.get(p);
  if (!b) boxes.set(p, (b = turf.bbox(p) as Box));
  return b;
};
const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const inBox = ([x, y]: [number, number], b: Box) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

/** Ids of the provinces a geometry touches, in the order the provinces are given. */
export function provincesTouched(geometry: Geometry, provinces: readonly ProvinceFeature[]): string[] {
  const f = turf.feature(geometry);
  const [minX, minY, maxX, maxY] = bounds(geometry);
  return provinces.filter((p) => boxesMeet([minX, minY, maxX, maxY], boxOf(p)) && turf.booleanIntersects(f, p)).map((p) => p.properties.id);
}

/**
 * A place outside every outline but within this many km of one belongs to the nearest: a port on
 * reclaimed land beyond the simplified coast, a border crossing drawn a little over the border.
 */
export const NEAR_KM = 15;

const isChinese = (p: ProvinceFeature) => p.properties.country === undefined || p.properties.country === 'CN';

/** Degrees that NEAR_KM spans at a latitude, to widen a box before looking for near provinces. */
const nearDeg = (lat: number) => NEAR_KM / (111 * Math.max(Math.cos((lat * Math.PI) / 180), 0.1));

/**
 * The province a point lies in: the one whose outline holds it, else the nearest within NEAR_KM,
 * else none. With `chinaFirst` (the plan's places are all in China), a Chinese province within
 * NEAR_KM wins over a neighbouring country whose simplified outline happens to hold the point.
 */
export function provinceAt(
  [x, y]: [number, number],
  provinces: readonly ProvinceFeature[],
  { chinaFirst = false }: { chinaFirst?: boolean } = {},
): string | null {
  const d = nearDeg(y);
  const near = provinces.filter((p) => boxesMeet([x - d, y - d, x + d, y + d], boxOf(p)));
  const pick = (pool: readonly ProvinceFeature[]) => {
    const inside = pool.find((p) => inBox([x, y], boxOf(p)) && turf.booleanPointInPolygon([x, y], p));
    if (inside) return inside.properties.id;
    let best: { id: string; km: number } | null = null;
    for (const p of pool) {
      const km = turf.pointToPolygonDistance([x, y], p, { units: 'kilometers' });
      if (km <= NEAR_KM && (!best || km < best.km)) best = { id: p.properties.id, km };
    }
    return best?.id ?? null;
  };
  return (chinaFirst ? pick(near.filter(isChinese)) : null) ?? pick(near);
}

/**
 * Kilometres of a line inside each province. Each line is cut where it crosses a province outline
 * (turf.lineSplit against the outlines near it) and every piece counts, whole, in the province that
 * holds its middle; a piece outside every outline (a quay beyond the simplified coast) counts in the
 * nearest province within NEAR_KM. The shares add up to the line's length, less any piece far from
 * every outline.
 */
export function lengthByProvince(geometry: Geometry, provinces: readonly ProvinceFeature[]): Record<string, number> {
  const lines =
    geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  const out: Record<string, number> = {};
  for (const coords of lines) {
    const line = turf.lineString(coords);
    const [minX, minY, maxX, maxY] = turf.bbox(line);
    const d = nearDeg((minY + maxY) / 2);
    const candidates = provinces.filter((p) => boxesMeet([minX - d, minY - d, maxX + d, maxY + d], boxOf(p)));
    const outlines = candidates.flatMap((p) => (p.geometry.type === 'Polygon' ? [p.geometry.coordinates] : p.geometry.coordinates));
    const split = outlines.length ? turf.lineSplit(line, turf.multiPolygon(outlines)).features : [];
    for (const piece of split.length ? split : [line]) {
      const km = turf.length(piece, { units: 'kilometers' });
      if (km === 0) continue;
      const [x, y] = turf.along(piece, km / 2, { units: 'kilometers' }).geometry.coordinates as [number, number];
      const id = provinceAt([x, y], candidates);
      if (id) out[id] = (out[id] ?? 0) + km;
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, round(v)]));
}

/** Square kilometres of an area inside each province. */
export function areaByProvince(geometry: Geometry, provinces: readonly ProvinceFeature[]): Record<string, number> {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return {};
  const f = turf.feature(geometry);
  const out: Record<string, number> = {};
  const box = bounds(geometry);
  const total = turf.area(f) / 1e6;
  for (const p of provinces) {
    if (!boxesMeet(box, boxOf(p)) || !turf.booleanIntersects(f, p)) continue;
    const part = turf.intersect(turf.featureCollection([f, p]));
    const km2 = part ? turf.area(part) / 1e6 : 0;
    if (isShare(km2, total, areaOf(p))) out[p.properties.id] = round(km2);
  }
  return out;
}

const areas = new WeakMap<object, number>();
/** A province's area in km², computed once per feature object. */
const areaOf = (p: ProvinceFeature): number => {
  let a = areas.get(p);
  if (a === undefined) areas.set(p, (a = turf.area(p) / 1e6));
  return a;
};

/**
 * Whether an overlap is a real share or a sliver where two differently simplified outlines of the
 * same border cross (those reach a few hundred km² along a long border): a share covers at least
 * 2% of the province or half of the project's own area.
 */
const isShare = (km2: number, projectKm2: number, provinceKm2: number) =>
  km2 >= 1 && (km2 >= 0.02 * provinceKm2 || km2 >= 0.5 * projectKm2);

/** Kilometres under which a line's share of a province is a border sliver, not a share. */
const MIN_SHARE_KM = 2;

/**
 * The provinces a project lies in, with its kilometres or square kilometres in each. A point lies in
 * one province (provinceAt, China first); a line in those where it runs for MIN_SHARE_KM or more; a
 * land area in those it covers (not those it merely borders); a sea area in the provinces on its
 * shores, with no km² in them.
 */
export type ProvinceShares = { provinces: string[]; km: Record<string, number>; km2: Record<string, number> };

export function provinceShares(geometry: Geometry, provinces: readonly ProvinceFeature[]): ProvinceShares {
  const order = (ids: Iterable<string>) => {
    const set = new Set(ids);
    return provinces.map((p) => p.properties.id).filter((id) => set.has(id));
  };
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint': {
      const points = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
      const ids = points.map((c) => provinceAt(c, provinces, { chinaFirst: true })).filter((id) => id !== null);
      return { provinces: order(ids), km: {}, km2: {} };
    }
    case 'LineString':
    case 'MultiLineString': {
      const km = lengthByProvince(geometry, provinces);
      return { provinces: order(Object.keys(km).filter((id) => km[id]! >= MIN_SHARE_KM)), km, km2: {} };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const km2 = areaByProvince(geometry, provinces);
      // A sea area lies in no province: it belongs to the provinces on its shores.
      const onLand = Object.values(km2).reduce((a, b) => a + b, 0) >= 0.5 * (measure(geometry).areaKm2 ?? 0);
      return onLand
        ? { provinces: order(Object.keys(km2)), km: {}, km2 }
        : { provinces: order(provincesTouched(geometry, provinces)), km: {}, km2: {} };
    }
  }
}

/** Distance in km from a point to a geometry (0 inside an area). */
export function distanceKm(geometry: Geometry, lon: number, lat: number): number {
  const pt = turf.point([lon, lat]);
  const f = turf.feature(geometry);
  switch (geometry.type) {
    case 'Point':
      return turf.distance(pt, f as ReturnType<typeof turf.point>, { units: 'kilometers' });
    case 'MultiPoint':
      return Math.min(...geometry.coordinates.map((c) => turf.distance(pt, c, { units: 'kilometers' })));
    case 'LineString':
      return turf.pointToLineDistance(pt, geometry, { units: 'kilometers' });
    case 'MultiLineString':
      return Math.min(...geometry.coordinates.map((c) => turf.pointToLineDistance(pt, turf.lineString(c), { units: 'kilometers' })));
    case 'Polygon':
    case 'MultiPolygon': {
      if (turf.booleanPointInPolygon(pt, geometry)) return 0;
      const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
      return Math.min(...rings.map((r) => turf.pointToLineDistance(pt, turf.lineString(r), { units: 'kilometers' })));
    }
  }
}

/** What coverage needs to know of one project. */
export type CoverageItem = {
  category: string;
  status: string;
  /** Task-area node ids (sections and tasks, e.g. "2.1", "2.1.3") the project falls under. */
  taskAreas: string[];
  provinces: string[];
  kmByProvince: Record<string, number>;
  km2ByProvince: Record<string, number>;
  /** A programme region, sea area or other wide area (shared/wide.ts): counted, never summed as land. */
  region: boolean;
};

export type Coverage = {
  total: number;
  byTaskArea: Record<string, number>;
  byCategory: Record<string, number>;
  byStatus: Record<string, number>;
  /** Projects in or through each province, programme regions included. */
  byProvince: Record<string, number>;
  /** Kilometres of lines inside each province (lines cut at province borders). */
  kmByProvince: Record<string, number>;
  /** Square kilometres of sites inside each province; programme regions are not summed here. */
  km2ByProvince: Record<string, number>;
  /** Programme regions, sea areas and other wide areas touching each province (a count, not km²). */
  regionsByProvince: Record<string, number>;
};

const bump = (m: Record<string, number>, k: string, by = 1) => {
  m[k] = round((m[k] ?? 0) + by);
};

/**
 * Lines that are not infrastructure of their own: train services run on the corridors' tracks and a
 * development axis is a planning idea. Their km would count the same track twice, so they are not
 * added to the corridor km (they still count as projects in their provinces).
 */
export const NOT_TRACK_CATEGORIES: readonly string[] = ['rail-service', 'development-axis'];

/** Counts and sums over a set of projects: the figures of the coverage views. */
export function coverage(items: readonly CoverageItem[]): Coverage {
  const c: Coverage = {
    total: items.length,
    byTaskArea: {},
    byCategory: {},
    byStatus: {},
    byProvince: {},
    kmByProvince: {},
    km2ByProvince: {},
    regionsByProvince: {},
  };
  for (const it of items) {
    bump(c.byCategory, it.category);
    bump(c.byStatus, it.status);
    for (const t of new Set(it.taskAreas)) bump(c.byTaskArea, t);
    for (const p of new Set(it.provinces)) bump(c.byProvince, p);
    if (!NOT_TRACK_CATEGORIES.includes(it.category)) for (const [p, km] of Object.entries(it.kmByProvince)) bump(c.kmByProvince, p, km);
    if (it.region) for (const p of new Set(it.provinces)) bump(c.regionsByProvince, p);
    else for (const [p, km2] of Object.entries(it.km2ByProvince)) bump(c.km2ByProvince, p, km2);
  }
  return c;
}

/** A project's coverage item from its API properties (delimited ",a,b," lists) and per-province measures. */
export function coverageItemOf(
  p: { category: string; status: string; nodes: string; provinces: string; precision: string; area_km2: number | null },
  kmByProvince: Record<string, number> = {},
  km2ByProvince: Record<string, number> = {},
): CoverageItem {
  const list = (s: string) => s.split(',').filter(Boolean);
  return {
    category: p.category,
    status: p.status,
    taskAreas: list(p.nodes).flatMap(taskAreasOf),
    provinces: list(p.provinces),
    kmByProvince,
    km2ByProvince,
    region: isWide(p),
  };
}

/** Whether a plan node is `ancestor` itself or lies below it ("2.1.3.m1" is within "2.1"). */
export const isWithinNode = (nodeId: string, ancestor: string) => nodeId === ancestor || nodeId.startsWith(`${ancestor}.`);

/** The task areas a plan node id falls under: "2.1.3.m1" -> ["2.1", "2.1.3"]. Part 二 only. */
export function taskAreasOf(nodeId: string): string[] {
  const m = /^2\.(\d)(?:\.(\d))?/.exec(nodeId);
  if (!m) return [];
  const section = `2.${m[1]}`;
  return m[2] ? [section, `${section}.${m[2]}`] : [section];
}
