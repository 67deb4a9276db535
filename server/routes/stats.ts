/** /api/stats/coverage: counts and sums for the filtered projects (server/services/coverage.ts). */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { ProjectFilterSchema } from '#shared/filters.ts';
import type { Db } from '../db/client.ts';
import { validationHook } from '../errors.ts';
import { coverageFor } from '../services/coverage.ts';

export const statsRoutes = (db: Db) =>
  new Hono().get('/coverage', zValidator('query', ProjectFilterSchema, validationHook), async (c) =>
    c.json(await coverageFor(db, c.req.valid('query'))),
  );
