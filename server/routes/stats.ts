/** /api/stats/coverage: counts and sums for the filtered projects (server/services/coverage.ts). */
import { createRoute } from '@hono/zod-openapi';
import { CoverageSchema } from '#shared/api-schema.ts';
import { ProjectFilterSchema } from '#shared/filters.ts';
import type { Db } from '../db/client.ts';
import { coverageFor } from '../services/coverage.ts';
import { errors, group, json } from './kit.ts';

const coverageRoute = createRoute({
  method: 'get',
  path: '/coverage',
  summary: 'Counts by task area, category, status, province; corridor km, site km² and programme regions per province',
  request: { query: ProjectFilterSchema },
  responses: { 200: json(CoverageSchema, 'The figures of the matching projects'), ...errors(400) },
});

export const statsRoutes = (db: Db) => group().openapi(coverageRoute, async (c) => c.json(await coverageFor(db, c.req.valid('query')), 200));
