/** /api/export/projects.(geojson|csv): the filtered projects as files to download. */
import { zValidator } from '@hono/zod-validator';
import * as turf from '@turf/turf';
import { Hono } from 'hono';
import { ProjectFilterSchema } from '#shared/filters.ts';
import type { Geometry } from '#shared/schema.ts';
import { CATEGORIES, STATUSES, type CategoryId, type StatusId } from '#shared/taxonomy.ts';
import type { Db } from '../db/client.ts';
import { validationHook } from '../errors.ts';
import { queryProjects, toFeature } from '../services/project-query.ts';

const CSV_COLUMNS = [
  'id', 'name_zh', 'name_en', 'category', 'category_zh', 'status', 'status_zh', 'stage', 'milestone',
  'precision', 'provinces', 'plan_nodes', 'length_km', 'area_km2', 'lon', 'lat',
] as const;

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const trimDelimited = (s: string) => s.replace(/^,|,$/g, '').replace(/,/g, ';');

export function projectsCsv(features: ReturnType<typeof toFeature>[]): string {
  const lines = features.map((f) => {
    const p = f.properties;
    const [lon, lat] = turf.pointOnFeature(turf.feature(f.geometry as Geometry)).geometry.coordinates;
    const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      ...p,
      category_zh: CATEGORIES[p.category as CategoryId]?.zh,
      status_zh: STATUSES[p.status as StatusId]?.zh,
      provinces: trimDelimited(p.provinces),
      plan_nodes: trimDelimited(p.nodes),
      lon: lon?.toFixed(5),
      lat: lat?.toFixed(5),
    };
    return CSV_COLUMNS.map((k) => csvCell(row[k])).join(',');
  });
  // A BOM so Excel reads the file as UTF-8 and shows the Chinese names.
  return `\uFEFF${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

export const exportRoutes = (db: Db) =>
  new Hono()
    .get('/projects.geojson', zValidator('query', ProjectFilterSchema, validationHook), async (c) => {
      const rows = await queryProjects(db, c.req.valid('query'));
      c.header('Content-Disposition', 'attachment; filename="bohai-atlas-projects.geojson"');
      c.header('Content-Type', 'application/geo+json; charset=utf-8');
      return c.body(JSON.stringify({ type: 'FeatureCollection', features: rows.map(toFeature) }));
    })
    .get('/projects.csv', zValidator('query', ProjectFilterSchema, validationHook), async (c) => {
      const rows = await queryProjects(db, c.req.valid('query'));
      c.header('Content-Disposition', 'attachment; filename="bohai-atlas-projects.csv"');
      c.header('Content-Type', 'text/csv; charset=utf-8');
      return c.body(projectsCsv(rows.map(toFeature)));
    });
