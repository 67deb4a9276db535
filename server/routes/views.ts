/**
 * /api/views: saved views (title, note, URL state) for everyone to open and play as slides; editors
 * create, change, delete and reorder them, with the auth, CSRF and version rules of status edits.
 */
import { zValidator } from '@hono/zod-validator';
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError, badRequest, notFound, validationHook, versionFromIfMatch } from '../errors.ts';
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

const editors = requireRole('editor', 'admin');

/** A write found no row at the version seen: 404 if the view is gone, else 409 with what is there now. */
async function refuse(db: Db, id: number): Promise<never> {
  const current = await viewById(db, id);
  if (!current) throw notFound(`view ${id}`);
  throw new ApiError(409, 'conflict', `view ${id} was changed by someone else (now version ${current.version})`, 'version', current);
}

export const viewRoutes = (db: Db) =>
  new Hono<{ Variables: AuthVars }>()
    .get('/', async (c) => c.json({ views: await listViews(db) }))
    .put('/order', editors, zValidator('json', ViewOrderSchema, validationHook), async (c) => {
      const { ids } = c.req.valid('json');
      const existing = (await db.select({ id: t.savedViews.id }).from(t.savedViews).all()).map((r) => r.id).sort((a, b) => a - b);
      const same = ids.length === existing.length && [...ids].sort((a, b) => a - b).every((id, i) => id === existing[i]);
      if (!same) throw badRequest('ids', `must list every saved view exactly once (now ${existing.join(',') || 'none'})`);
      // One batch = one transaction: the whole order is saved, or none of it.
      const [first, ...rest] = ids.map((id, i) => db.update(t.savedViews).set({ ord: i + 1 }).where(eq(t.savedViews.id, id)));
      if (first) await db.batch([first, ...rest]);
      return c.json({ views: await listViews(db) });
    })
    .get('/:id', zValidator('param', ViewIdParam, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const view = await viewById(db, id);
      if (!view) throw notFound(`view ${id}`);
      c.header('ETag', viewETag(view));
      return c.json(view);
    })
    .post('/', editors, zValidator('json', ViewCreateSchema, validationHook), async (c) => {
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
    .patch('/:id', editors, zValidator('param', ViewIdParam, validationHook), zValidator('json', ViewEditSchema, validationHook), async (c) => {
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
      return c.json(view);
    })
    .delete('/:id', editors, zValidator('param', ViewIdParam, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      // If-Match is optional here: with it, a view someone changed meanwhile is not deleted.
      const seen = versionFromIfMatch(c.req.header('if-match'), 'view');
      const gone = await db
        .delete(t.savedViews)
        .where(seen === undefined ? eq(t.savedViews.id, id) : and(eq(t.savedViews.id, id), eq(t.savedViews.version, seen)))
        .returning({ id: t.savedViews.id });
      if (!gone.length) return refuse(db, id);
      return c.json({ deleted: id });
    });
