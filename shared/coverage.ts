/**
 * Pure geometry and coverage computations, shared by the server (seed, /api/stats/coverage) and the
 * client (live counts). No I/O: callers pass the features and province polygons in.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Geometry } from './schema.ts';

export type ProvinceFeature = Feature<Polygon | MultiPolygon, { id: string }>;

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

/** Kilometres of a line inside each province: each segment counts where its midpoint lies. */
export function lengthByProvince(geometry: Geometry, provinces: readonly ProvinceFeature[]): Record<string, number> {
  const lines =
    geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  const out: Record<string, number> = {};
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      const km = turf.distance(a, b, { units: 'kilometers' });
      const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const p = provinces.find((q) => inBox(mid, boxOf(q)) && turf.booleanPointInPolygon(mid, q));
      if (p) out[p.properties.id] = (out[p.properties.id] ?? 0) + km;
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

/**
 * The provinces a project lies in, with its kilometres or square kilometres in each. A land area
 * counts for a province only where it covers some of it (not where it merely shares a border); a
 * sea area counts for the provinces on its shores.
 */
export function provinceShares(geometry: Geometry, provinces: readonly ProvinceFeature[]) {
  const km = lengthByProvince(geometry, provinces);
  const km2 = areaByProvince(geometry, provinces);
  const isArea = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
  // A sea area lies in no province: it belongs to the provinces on its shores.
  const onLand = isArea && Object.values(km2).reduce((a, b) => a + b, 0) >= 0.5 * (measure(geometry).areaKm2 ?? 0);
  const ids = onLand ? Object.keys(km2) : provincesTouched(geometry, provinces);
  return { provinces: provinces.map((p) => p.properties.id).filter((id) => ids.includes(id)), km, km2: onLand ? km2 : {} };
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
};

export type Coverage = {
  total: number;
  byTaskArea: Record<string, number>;
  byCategory: Record<string, number>;
  byStatus: Record<string, number>;
  byProvince: Record<string, number>;
  kmByProvince: Record<string, number>;
  km2ByProvince: Record<string, number>;
};

const bump = (m: Record<string, number>, k: string, by = 1) => {
  m[k] = round((m[k] ?? 0) + by);
};

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
  };
  for (const it of items) {
    bump(c.byCategory, it.category);
    bump(c.byStatus, it.status);
    for (const t of new Set(it.taskAreas)) bump(c.byTaskArea, t);
    for (const p of new Set(it.provinces)) bump(c.byProvince, p);
    for (const [p, km] of Object.entries(it.kmByProvince)) bump(c.kmByProvince, p, km);
    for (const [p, km2] of Object.entries(it.km2ByProvince)) bump(c.km2ByProvince, p, km2);
  }
  return c;
}

/** A project's coverage item from its API properties (delimited ",a,b," lists) and per-province measures. */
export function coverageItemOf(
  p: { category: string; status: string; nodes: string; provinces: string },
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
