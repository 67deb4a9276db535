/**
 * /api/history/status: every status event of the current projects, compact and in time order
 * ([{project, status, at}]), so the client can show each project's status as it was on any date.
 * `at` is null for the first status, the one the plan text implies (the plan's date of issue has no
 * source here); it comes first and holds until a dated change. `until` (YYYY-MM-DD, UTC, inclusive)
 * leaves out later events; `project` narrows to some ids.
 */
import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { HistoryListSchema } from '#shared/api-schema.ts';
import { MAX_LIST_VALUES } from '#shared/filters.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { errors, group, json } from './kit.ts';

export const HistoryQuerySchema = z
  .object({
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date')
      .optional(),
    project: z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9-]+$/, 'must be project ids')).min(1, 'must name at least one project').max(MAX_LIST_VALUES, `at most ${MAX_LIST_VALUES} projects`))
      .optional(),
  })
  .strict();

const historyRoute = createRoute({
  method: 'get',
  path: '/status',
  summary: 'Every status event in time order ({project, status, at}; at is null for the plan-implied first status)',
  request: { query: HistoryQuerySchema },
  responses: { 200: json(HistoryListSchema, 'The events, undated (plan) first, then by time'), ...errors(400) },
});

export const historyRoutes = (db: Db) =>
  group().openapi(historyRoute, async (c) => {
    const { until, project } = c.req.valid('query');
    const rows = await db
      .select({ project: t.statusEvents.projectId, status: t.statusEvents.toStatus, at: t.statusEvents.at })
      .from(t.statusEvents)
      .innerJoin(t.projects, eq(t.projects.id, t.statusEvents.projectId))
      .where(
        and(
          eq(t.projects.retired, false),
          until ? or(isNull(t.statusEvents.at), lte(t.statusEvents.at, `${until}T23:59:59.999Z`)) : undefined,
          project ? inArray(t.statusEvents.projectId, project) : undefined,
        ),
      )
      // SQLite puts nulls (the plan's undated first statuses) first.
      .orderBy(asc(t.statusEvents.at), asc(t.statusEvents.id))
      .all();
    return c.json(rows, 200);
  });
