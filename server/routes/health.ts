/** /api/health: the process answers and the database does too. */
import { createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { OkSchema } from '#shared/api-schema.ts';
import type { Db } from '../db/client.ts';
import { group, json } from './kit.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness and database check',
  responses: { 200: json(OkSchema, 'The server and its database answer') },
});

export const healthRoutes = (db: Db) =>
  group().openapi(healthRoute, async (c) => {
    await db.run(sql`select 1`);
    return c.json({ ok: true }, 200);
  });
