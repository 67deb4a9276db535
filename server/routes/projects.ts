/** /api/projects: the filtered GeoJSON, one project in full, and status edits with history. */
import { createHash } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ProjectCollectionSchema, ProjectDetailSchema } from '#shared/api-schema.ts';
import { ProjectFilterSchema } from '#shared/filters.ts';
import { StatusSchema } from '#shared/schema.ts';
import { plainText } from '#shared/text.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError, notFound, versionFromIfMatch } from '../errors.ts';
import { requireRole, type AuthVars } from '../middleware/auth.ts';
import { projectDetail } from '../services/project-detail.ts';
import { projectRowById, queryProjects, toFeature } from '../services/project-query.ts';
import { EDITOR_SECURITY, errors, group, ifMatchHeader, json, jsonBody } from './kit.ts';

const IdParam = z.object({ id: z.string().regex(/^[a-z0-9-]+$/, 'must be a project id') });

export const StatusEditSchema = z
  .object({
    status: StatusSchema,
    note: plainText(2000, 'say why the status changed'),
    source: plainText(500, 'name the document or meeting this comes from'),
    /** The project version the editor saw; may come as an If-Match header instead. */
    version: z.number().int().positive().optional(),
  })
  .strict();

/**
 * A project's ETag names its version and a hash of the body: "v3-1a2b…". GET answers 304 while it
 * matches, and PATCH takes it back in If-Match as the version the editor saw.
 */
function detailETag(detail: { properties: { version: number } }) {
  const hash = createHash('sha1').update(JSON.stringify(detail)).digest('hex').slice(0, 16);
  return `"v${detail.properties.version}-${hash}"`;
}


/** The project in full, or a 404. */
async function detailOf(db: Db, id: string) {
  const detail = await projectDetail(db, id);
  if (!detail) throw notFound(`project ${id}`);
  return detail;
}

const listRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Projects as a GeoJSON FeatureCollection, filtered',
  request: { query: ProjectFilterSchema },
  responses: { 200: json(ProjectCollectionSchema, 'The matching projects; with `near` nearest first, with `q` best match first'), ...errors(400) },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One project with its plan clauses, agencies, provinces and status history',
  request: { params: IdParam },
  responses: { 200: json(ProjectDetailSchema, 'The project; its ETag names its version'), ...errors(400, 404) },
});

const statusRoute = createRoute({
  method: 'patch',
  path: '/{id}/status',
  summary: 'Change a status (editor); optimistic concurrency by version',
  middleware: requireRole('editor', 'admin'),
  security: EDITOR_SECURITY,
  parameters: [ifMatchHeader('project')],
  request: { params: IdParam, body: jsonBody(StatusEditSchema) },
  responses: { 200: json(ProjectDetailSchema, 'The project after the change'), ...errors(400, 401, 403, 404, 409, 413, 428) },
});

export const projectRoutes = (db: Db) =>
  group<{ Variables: AuthVars }>()
    .openapi(listRoute, async (c) => {
      const rows = await queryProjects(db, c.req.valid('query'));
      return c.json({ type: 'FeatureCollection' as const, features: rows.map(toFeature) }, 200);
    })
    .openapi(detailRoute, async (c) => {
      const detail = await detailOf(db, c.req.valid('param').id);
      c.header('ETag', detailETag(detail));
      return c.json(detail, 200);
    })
    .openapi(statusRoute, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const seen = body.version ?? versionFromIfMatch(c.req.header('if-match'), 'project');
      if (seen === undefined) {
        throw new ApiError(428, 'version_required', 'send the version you saw (body.version or If-Match)', 'version');
      }
      const user = c.get('user')!;
      const now = new Date().toISOString();
      // One batch = one transaction on one connection: the history row and the update carry the
      // same version condition, so either both land or neither does, and of two editors who saw
      // the same version exactly one wins. An edit to the status it already has changes nothing.
      const [, updated] = await db.batch([
        db.run(sql`insert into status_events (project_id, from_status, to_status, at, by, note, source, version)
          select id, status, ${body.status}, ${now}, ${user.username}, ${body.note}, ${body.source}, version + 1
          from projects where id = ${id} and version = ${seen} and retired = 0 and status != ${body.status}`),
        db
          .update(t.projects)
          .set({ status: body.status, version: sql`${t.projects.version} + 1`, statusUpdatedAt: now })
          .where(and(eq(t.projects.id, id), eq(t.projects.version, seen), eq(t.projects.retired, false), sql`${t.projects.status} != ${body.status}`))
          .returning({ version: t.projects.version }),
      ]);
      const refused = updated.length ? undefined : await projectRowById(db, id);
      if (!updated.length && !refused) throw notFound(`project ${id}`);
      if (refused && refused.version === seen && refused.status === body.status) {
        throw new ApiError(400, 'same_status', `project ${id} is already ${body.status}; nothing was recorded`, 'status');
      }
      const detail = await detailOf(db, id);
      if (refused) {
        throw new ApiError(409, 'conflict', `project ${id} was changed by someone else (now version ${detail.properties.version})`, 'version', detail);
      }
      c.header('ETag', detailETag(detail));
      return c.json(detail, 200);
    });
