/**
 * The project filters, one schema for the API's query string (/api/projects, /api/stats/coverage,
 * /api/export/…) and the client's URL state. Lists are comma-separated; an unknown value is an
 * error that names its parameter.
 */
import { z } from 'zod';
import { CategorySchema, MilestoneSchema, PlanNodeIdSchema, ProvinceSchema, StageSchema, StatusSchema } from './schema.ts';
import { MAX_LIST_VALUES, MAX_RADIUS_KM } from './limits.ts';

export { MAX_LIST_VALUES, MAX_RADIUS_KM };

/** A comma-separated list of values of `item`, e.g. "seaport,airport"; repeats count once. */
const list = <T extends z.ZodType<unknown, string>>(item: T, what: string) =>
  z
    .string()
    .describe(`Comma-separated list of ${what} (at most ${MAX_LIST_VALUES})`)
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(
      z
        .array(item)
        .min(1, 'must name at least one value')
        .max(MAX_LIST_VALUES, `at most ${MAX_LIST_VALUES} values`),
    );

const numbers = (n: number, what: string) =>
  z
    .string()
    // An empty part is not a zero: "bbox=,,," is an error, not the origin.
    .transform((s) => s.split(',').map((x) => (x.trim() === '' ? NaN : Number(x))))
    .refine((a) => a.length === n && a.every(Number.isFinite), `must be ${n} numbers: ${what}`);

export const ProjectFilterSchema = z
  .object({
    /** Plan node ids (a task area, task or measure); a project matches a node or any node below it. */
    node: list(PlanNodeIdSchema, 'plan node ids').optional(),
    category: list(CategorySchema, `categories (${CategorySchema.options.join(' ')})`).optional(),
    status: list(StatusSchema, `statuses (${StatusSchema.options.join(' ')})`).optional(),
    stage: list(StageSchema, `stages (${StageSchema.options.join(' ')})`).optional(),
    /** An agency id: projects of the measures it leads, joins or shares. */
    agency: z.string().regex(/^[a-z0-9-]+$/, 'must be an agency id').optional(),
    agency_role: z.enum(['lead', 'cooperating', 'shared', 'any']).default('any'),
    province: list(ProvinceSchema, `provinces (${ProvinceSchema.options.join(' ')})`).optional(),
    milestone: list(z.string().transform(Number).pipe(MilestoneSchema), 'milestone years (2020 2025 2030)').optional(),
    /** minLon,minLat,maxLon,maxLat */
    bbox: numbers(4, 'minLon,minLat,maxLon,maxLat')
      .refine((b) => b[0]! <= b[2]! && b[1]! <= b[3]!, 'min must not exceed max')
      .optional(),
    /** lon,lat: projects within radius_km of it, nearest first. */
    near: numbers(2, 'lon,lat')
      .refine((p) => Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90, 'must be a lon,lat position')
      .optional(),
    radius_km: z.coerce.number().positive().max(MAX_RADIUS_KM).default(25),
    /** Free text: Chinese or English name, pinyin or pinyin initials. */
    q: z.string().trim().max(100).optional(),
  })
  .strict();

export type ProjectFilter = z.infer<typeof ProjectFilterSchema>;
/** The filter as it stands in a URL (every value a string). */
export type ProjectFilterQuery = z.input<typeof ProjectFilterSchema>;
