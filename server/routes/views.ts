/**
 * /api/views: saved views (title, note, URL state) for everyone to open and play as slides; editors
 * create, change, delete and reorder them, with the auth, CSRF and version rules of status edits.
 */
import { createRoute } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { SavedViewListSchema, SavedViewSchema } from '#shared/api-schema.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError, badRequest, notFound, versionFromIfMatch } from '../errors.ts';
import { requireRole, type AuthVars } from '../middleware/auth.ts';
import {
  listViews,
  nextOrd,
  toView,
  viewById,
  viewETag,
  ViewCreateSchema,
  ViewEditSchema,
  ViewIdParam,
  ViewOrderSchema,
} from '../services/views.ts';
import { EDITOR_SECURITY, errors, group, ifMatchHeader, json, jsonBody } from './kit.ts';

const editors = requireRole('editor', 'admin');
const WRITE_ERRORS = errors(400, 401, 403, 404, 409, 413, 428);

const listRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Saved views (title, note, URL state), in slideshow order',
  responses: { 200: json(SavedViewListSchema, 'Every saved view, in order') },
});
const orderRoute = createRoute({
  method: 'put',
  path: '/order',
  summary: 'Reorder the saved views (editor): every id, once',
  middleware: editors,
  security: EDITOR_SECURITY,
  request: { body: jsonBody(ViewOrderSchema) },
  responses: { 200: json(SavedViewListSchema, 'The views in their new order'), ...errors(400, 401, 403, 413) },
});
const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One saved view, with its version as ETag',
  request: { params: ViewIdParam },
  responses: { 200: json(SavedViewSchema, 'The view'), ...errors(400, 404) },
});
const createViewRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Save a view (editor)',
  middleware: editors,
  security: EDITOR_SECURITY,
  request: { body: jsonBody(ViewCreateSchema) },
  responses: { 201: json(SavedViewSchema, 'The new view (Location names it)'), ...errors(400, 401, 403, 413) },
});
const editRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  summary: "Change a view's title, note or state (editor); optimistic concurrency by version",
  middleware: editors,
  security: EDITOR_SECURITY,
  parameters: [ifMatchHeader('view')],
  request: { params: ViewIdParam, body: jsonBody(ViewEditSchema) },
  responses: { 200: json(SavedViewSchema, 'The view after the change'), ...WRITE_ERRORS },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  summary: 'Delete a saved view (editor)',
  middleware: editors,
  security: EDITOR_SECURITY,
  parameters: [{ ...ifMatchHeader('view'), description: 'Optional: with it, a view changed since is not deleted' }],
  request: { params: ViewIdParam },
  responses: { 200: json(z.object({ deleted: z.number().int() }), 'The id of the deleted view'), ...errors(400, 401, 403, 404, 409) },
});

/** A write found no row at the version seen: 404 if the view is gone, else 409 with what is there now. */
async function refuse(db: Db, id: number): Promise<never> {
  const current = await viewById(db, id);
  if (!current) throw notFound(`view ${id}`);
  throw new ApiError(409, 'conflict', `view ${id} was changed by someone else (now version ${current.version})`, 'version', current);
}

export const viewRoutes = (db: Db) =>
  group<{ Variables: AuthVars }>()
    .openapi(listRoute, async (c) => c.json({ views: await listViews(db) }, 200))
    .openapi(orderRoute, async (c) => {
      const { ids } = c.req.valid('json');
      const existing = (await db.select({ id: t.savedViews.id }).from(t.savedViews).all()).map((r) => r.id).sort((a, b) => a - b);
      const same = ids.length === existing.length && [...ids].sort((a, b) => a - b).every((id, i) => id === existing[i]);
      if (!same) throw badRequest('ids', `must list every saved view exactly once (now ${existing.join(',') || 'none'})`);
      // One batch = one transaction: the whole order is saved, or none of it.
      const [first, ...rest] = ids.map((id, i) => db.update(t.savedViews).set({ ord: i + 1 }).where(eq(t.savedViews.id, id)));
      if (first) await db.batch([first, ...rest]);
      return c.json({ views: await listViews(db) }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid('param');
      const view = await viewById(db, id);
      if (!view) throw notFound(`view ${id}`);
      c.header('ETag', viewETag(view));
      return c.json(view, 200);
    })
    .openapi(createViewRoute, async (c) => {
      const body = c.req.valid('json');
      const now = new Date().toISOString();
      const [row] = await db
        .insert(t.savedViews)
        .values({ title: body.title, note: body.note, state: body.state, ord: await nextOrd(db), createdBy: c.get('user')!.username, createdAt: now, updatedAt: now })
        .returning();
      const view = toView(row!);
      c.header('ETag', viewETag(view));
      c.header('Location', `/api/views/${view.id}`);
      return c.json(view, 201);
    })
    .openapi(editRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...changes } = c.req.valid('json');
      const seen = version ?? versionFromIfMatch(c.req.header('if-match'), 'view');
      if (seen === undefined) throw new ApiError(428, 'version_required', 'send the version you saw (body.version or If-Match)', 'version');
      const [row] = await db
        .update(t.savedViews)
        .set({ ...changes, updatedAt: new Date().toISOString(), version: sql`${t.savedViews.version} + 1` })
        .where(and(eq(t.savedViews.id, id), eq(t.savedViews.version, seen)))
        .returning();
      if (!row) return refuse(db, id);
      const view = toView(row);
      c.header('ETag', viewETag(view));
      return c.json(view, 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { id } = c.req.valid('param');
      // If-Match is optional here: with it, a view someone changed meanwhile is not deleted.
      const seen = versionFromIfMatch(c.req.header('if-match'), 'view');
      const gone = await db
        .delete(t.savedViews)
        .where(seen === undefined ? eq(t.savedViews.id, id) : and(eq(t.savedViews.id, id), eq(t.savedViews.version, seen)))
        .returning({ id: t.savedViews.id });
      if (!gone.length) return refuse(db, id);
      return c.json({ deleted: id }, 200);
    });
