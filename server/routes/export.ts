/**
 * /api/export/projects.(xlsx|csv|kml|geojson): the filtered projects as files to download. Every
 * export takes the filters of /api/projects plus `lang` (zh, en), and its file name carries the
 * filter and the date ("渤海图集-天津-港口-2026-12-01.xlsx").
 */
import { zValidator } from '@hono/zod-validator';
import { Hono, type Context } from 'hono';
import type { Db } from '../db/client.ts';
import { validationHook } from '../errors.ts';
import { coverageFor } from '../services/coverage.ts';
import { asciiFileName, contentDisposition, exportFileName } from '../services/export-names.ts';
import { projectsKml } from '../services/export-kml.ts';
import { ExportQuerySchema, loadExport, projectsCsv, type ExportSet } from '../services/export-table.ts';
import { projectsXlsx } from '../services/export-xlsx.ts';
import { toFeature } from '../services/project-query.ts';

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
} as const;

function download(c: Context, set: ExportSet, ext: keyof typeof TYPES, body: string | Buffer) {
  const name = exportFileName(set.filterParts, set.lang, set.date, ext);
  const fallback = asciiFileName(exportFileName(set.filterPartsEn, 'en', set.date, ext));
  c.header('Content-Disposition', contentDisposition(name, fallback));
  c.header('Content-Type', TYPES[ext]);
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}

const query = zValidator('query', ExportQuerySchema, validationHook);

export const exportRoutes = (db: Db) =>
  new Hono()
    .get('/projects.geojson', query, async (c) => {
      const set = await loadExport(db, c.req.valid('query'));
      return download(c, set, 'geojson', JSON.stringify({ type: 'FeatureCollection', features: set.rows.map((r) => toFeature(r.row)) }));
    })
    .get('/projects.csv', query, async (c) => {
      const set = await loadExport(db, c.req.valid('query'));
      return download(c, set, 'csv', projectsCsv(set));
    })
    .get('/projects.xlsx', query, async (c) => {
      const set = await loadExport(db, c.req.valid('query'));
      return download(c, set, 'xlsx', await projectsXlsx(set, await coverageFor(db, set.filter)));
    })
    .get('/projects.kml', query, async (c) => {
      const set = await loadExport(db, c.req.valid('query'));
      return download(c, set, 'kml', projectsKml(set));
    });
