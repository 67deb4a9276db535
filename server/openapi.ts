/**
 * The OpenAPI 3.1 description of /api, generated from the same zod schemas the routes validate
 * with, and a small self-contained HTML reference rendered from it (works offline).
 */
import { z } from 'zod';
import { html, raw } from 'hono/html';
import { ProjectFilterSchema } from '#shared/filters.ts';
import { StatusEditSchema } from './routes/projects.ts';
import { ExportQuerySchema } from './services/export-table.ts';
import { ViewCreateSchema, ViewEditSchema, ViewOrderSchema } from './services/views.ts';

type Param = { name: string; in: 'query' | 'path' | 'header'; required: boolean; description?: string; schema: unknown };

const filterParams: Param[] = Object.entries(
  (z.toJSONSchema(ProjectFilterSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, { description?: string }> }).properties,
).map(([name, schema]) => ({ name, in: 'query', required: false, description: schema.description, schema }));

/** The exports take the filters plus `lang`. */
const exportParams: Param[] = Object.entries(
  (z.toJSONSchema(ExportQuerySchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, { description?: string }> }).properties,
).map(([name, schema]) => ({ name, in: 'query', required: false, description: schema.description, schema }));

const idParam: Param = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+$' } };
const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = { description: 'Error: {error: {code, message, field?}}' };
const ok = (description: string, type = 'application/json') => ({ description, content: { [type]: {} } });

/** method, path, summary: the endpoints table of the README lists exactly these. */
export const ENDPOINTS = [
  ['get', '/api/health', 'Liveness and database check'],
  ['get', '/api/plan', 'The plan tree: nodes with verbatim text, goals, agencies, projects per node'],
  ['get', '/api/projects', 'Projects as a GeoJSON FeatureCollection, filtered'],
  ['get', '/api/projects/{id}', 'One project with its plan clauses, agencies, provinces and status history'],
  ['patch', '/api/projects/{id}/status', 'Change a status (editor); optimistic concurrency by version'],
  ['get', '/api/stats/coverage', 'Counts by task area, category, status, province; corridor km, site km² and programme regions per province'],
  ['get', '/api/history/status', 'Every status event in time order ({project, status, at}; at is null for the plan-implied first status)'],
  ['get', '/api/export/projects.geojson', 'The filtered projects as a GeoJSON file'],
  ['get', '/api/export/projects.csv', 'The filtered projects as CSV (UTF-8 with BOM)'],
  ['get', '/api/export/projects.xlsx', 'The filtered projects as XLSX: a projects sheet and the coverage per province'],
  ['get', '/api/export/projects.kml', 'The filtered projects as KML 2.2, styled by category (Google Earth, QGIS)'],
  ['get', '/api/views', 'Saved views (title, note, URL state), in slideshow order'],
  ['post', '/api/views', 'Save a view (editor)'],
  ['put', '/api/views/order', 'Reorder the saved views (editor): every id, once'],
  ['get', '/api/views/{id}', 'One saved view, with its version as ETag'],
  ['patch', '/api/views/{id}', 'Change a view\'s title, note or state (editor); optimistic concurrency by version'],
  ['delete', '/api/views/{id}', 'Delete a saved view (editor)'],
  ['post', '/api/auth/login', 'Sign in: sets an HttpOnly session cookie, returns the CSRF token'],
  ['post', '/api/auth/logout', 'Sign out'],
  ['get', '/api/auth/me', 'The signed-in user and CSRF token, or null'],
  ['get', '/api/openapi.json', 'This description (OpenAPI 3.1)'],
  ['get', '/api/docs', 'A readable API reference (HTML, offline)'],
] as const;

function operation(method: string, path: string, summary: string) {
  const op: Record<string, unknown> = { summary, responses: { '200': ok('OK'), '400': error, '404': error } };
  const filtered = ['/api/projects', '/api/stats/coverage'];
  if (filtered.includes(path)) op.parameters = filterParams;
  if (path.startsWith('/api/export/')) op.parameters = exportParams;
  if (path.includes('{id}')) op.parameters = [idParam];
  if (path === '/api/projects/{id}/status') {
    op.parameters = [idParam, { name: 'If-Match', in: 'header', required: false, description: 'The version seen, if not in the body', schema: { type: 'string' } }];
    op.requestBody = { required: true, content: json(z.toJSONSchema(StatusEditSchema, { io: 'input' })) };
    op.security = [{ session: [] }, { bearer: [] }];
    op.responses = { '200': ok('The project after the change'), '400': error, '401': error, '403': error, '404': error, '409': error, '413': error, '428': error };
  }
  if (path.startsWith('/api/views')) viewOperation(method, path, op);
  const files: Record<string, [string, string]> = {
    '/api/export/projects.geojson': ['GeoJSON file', 'application/geo+json'],
    '/api/export/projects.csv': ['CSV file', 'text/csv'],
    '/api/export/projects.xlsx': ['XLSX workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    '/api/export/projects.kml': ['KML 2.2 file', 'application/vnd.google-earth.kml+xml'],
  };
  const file = files[path];
  if (file) op.responses = { '200': ok(`${file[0]}; the file name carries the filter and the date`, file[1]), '400': error };
  if (path === '/api/docs') op.responses = { '200': ok('HTML page', 'text/html') };
  return [method, op] as const;
}

/** The saved views: integer ids, editor writes with the session + CSRF or bearer rules of status edits. */
function viewOperation(method: string, path: string, op: Record<string, unknown>) {
  const viewId: Param = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
  const ifMatch: Param = { name: 'If-Match', in: 'header', required: false, description: 'The version seen (ETag "v3"), if not in the body', schema: { type: 'string' } };
  if (path.includes('{id}')) op.parameters = method === 'get' ? [viewId] : [viewId, ifMatch];
  const body = method === 'post' ? ViewCreateSchema : method === 'patch' ? ViewEditSchema : method === 'put' ? ViewOrderSchema : null;
  if (body) op.requestBody = { required: true, content: json(z.toJSONSchema(body, { io: 'input' })) };
  if (method !== 'get') {
    op.security = [{ session: [] }, { bearer: [] }];
    op.responses = { [method === 'post' ? '201' : '200']: ok('The view(s) after the change'), '400': error, '401': error, '403': error, '404': error, '409': error, '413': error, '428': error };
  }
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, summary] of ENDPOINTS) {
    const [m, op] = operation(method, path, summary);
    (paths[path] ??= {})[m] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Bohai Atlas API', version: '0.1.0', description: 'The plan, its places as GeoJSON, and project status.' },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'atlas_session', description: 'Plus X-CSRF-Token header on writes' },
        bearer: { type: 'http', scheme: 'bearer', description: 'API token from `npm run user -- token`' },
      },
    },
  };
}

export function apiDocsPage() {
  const doc = openApiDocument();
  const rows = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const o = op as { summary: string; parameters?: Param[] };
      const params = (o.parameters ?? []).map((p) => html`<li><code>${p.name}</code> (${p.in})${p.description ? html` — ${p.description}` : ''}</li>`);
      return html`<tr><td><code>${method.toUpperCase()}</code></td><td><code>${path}</code></td><td>${o.summary}${params.length ? html`<ul>${params}</ul>` : ''}</td></tr>`;
    }),
  );
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bohai Atlas API</title>
<style>${raw('body{font:14px system-ui,sans-serif;margin:2rem;max-width:70rem}td{vertical-align:top;padding:.4rem;border-bottom:1px solid #ddd}ul{margin:.3rem 0}')}</style></head>
<body><h1>Bohai Atlas API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Errors are <code>{"error":{"code","message","field"}}</code>.</p>
<table>${rows}</table></body></html>`;
}
