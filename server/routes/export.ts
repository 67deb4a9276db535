/**
 * /api/export/projects.(xlsx|csv|kml|geojson): the filtered projects as files to download. Every
 * export takes the filters of /api/projects plus `lang` (zh, en), and its file name carries the
 * filter and the date ("渤海图集-天津-港口-2026-12-01.xlsx").
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { coverageFor } from '../services/coverage.ts';
import { asciiFileName, contentDisposition, exportFileName } from '../services/export-names.ts';
import { projectsKml } from '../services/export-kml.ts';
import { ExportQuerySchema, loadExport, projectsCsv, type ExportSet } from '../services/export-table.ts';
import { projectsXlsx } from '../services/export-xlsx.ts';
import { toFeature } from '../services/project-query.ts';
import { errors, group } from './kit.ts';

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

/** One export route: the filters plus `lang` in, a file out. */
const fileRoute = <P extends string>(path: P, ext: keyof typeof TYPES, summary: string, file: string) =>
  createRoute({
    method: 'get',
    path,
    summary,
    request: { query: ExportQuerySchema },
    responses: {
      200: {
        description: `${file}; the file name (Content-Disposition) carries the filter and the date`,
        content: { [TYPES[ext].split(';')[0]!]: { schema: z.string().describe(file) } },
      },
      ...errors(400),
    },
  });

export const exportRoutes = (db: Db) =>
  group()
    .openapi(fileRoute('/projects.geojson', 'geojson', 'The filtered projects as a GeoJSON file', 'GeoJSON FeatureCollection'), async (c) => {
      const set = await loadExport(db, c.req.valid('query'));
      return download(c, set, 'geojson', JSON.stringify({ type: 'FeatureCollection', features: set.rows.map((r) => toFeature(r.row)) }));
    })
    .openapi(fileRoute('/projects.csv', 'csv', 'The filtered projects as CSV (UTF-8 with BOM)', 'CSV, UTF-8 with BOM'), async (c) => {
      const set = await loadExport(db, c.req.valid('query'));
      return download(c, set, 'csv', projectsCsv(set));
    })
    .openapi(fileRoute('/projects.xlsx', 'xlsx', 'The filtered projects as XLSX: a projects sheet and the coverage per province', 'XLSX workbook (binary)'), async (c) => {
      const set = await loadExport(db, c.req.valid('query'));
      return download(c, set, 'xlsx', await projectsXlsx(set, await coverageFor(db, set.filter)));
    })
    .openapi(fileRoute('/projects.kml', 'kml', 'The filtered projects as KML 2.2, styled by category (Google Earth, QGIS)', 'KML 2.2 document'), async (c) => {
      const set = await loadExport(db, c.req.valid('query'));
      return download(c, set, 'kml', projectsKml(set));
    });
