/**
 * zod schemas of the API's answers (what /api/... sends back), built on the data schemas of
 * schema.ts. The server declares them on its routes (server/routes/*.ts), so the OpenAPI document
 * (/api/openapi.json) and hc<AppType> on the client both describe what the handlers return.
 * Pure: no server, client, drizzle or DOM imports.
 */
import { z } from 'zod';
import { AgencyRoleSchema, CategorySchema, GeometrySchema, PrecisionSchema, StageSchema, StatusSchema } from './schema.ts';

/** The one error shape; `current` is the resource as it is now, after a 409. */
export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
  current: z.unknown().optional(),
});

/** A delimited list as ",a,b," (empty string for none), so MapLibre's "in" can test it. */
const Delimited = z.string().describe('Comma-delimited list with a comma on each side (",a,b,"), empty for none');

/** A project's flat properties in the collection, the exports and the map. */
export const ProjectListPropertiesSchema = z.object({
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  category: CategorySchema,
  stage: StageSchema,
  milestone: z.number().int().nullable(),
  precision: PrecisionSchema,
  status: StatusSchema,
  version: z.number().int(),
  length_km: z.number().nullable(),
  area_km2: z.number().nullable(),
  provinces: Delimited,
  nodes: Delimited,
  agencies: Delimited.describe('role:agency-id pairs (",lead:<agency>,cooperating:<agency>,"), empty for none'),
  /** Only with `near`: kilometres from that point. */
  distance_km: z.number().optional(),
});

export const ProjectListFeatureSchema = z.object({
  type: z.literal('Feature'),
  /** The project id /api/projects/{id} takes. */
  id: z.string(),
  geometry: GeometrySchema,
  properties: ProjectListPropertiesSchema,
});

export const ProjectCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(ProjectListFeatureSchema),
});

export const ClauseSchema = z.object({
  node: z.string(),
  phrase: z.string(),
  kind: z.string(),
  title_zh: z.string(),
  title_en: z.string(),
  text_zh: z.string(),
  agencies: z.array(z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), role: AgencyRoleSchema })),
});

export const StatusEventSchema = z.object({
  from: StatusSchema.nullable(),
  to: StatusSchema,
  /** null for the first status, the one the plan text implies (undated). */
  at: z.string().nullable(),
  by: z.string(),
  note: z.string(),
  source: z.string(),
  version: z.number().int(),
});

export const ProjectDetailSchema = ProjectListFeatureSchema.extend({
  properties: ProjectListPropertiesSchema.extend({
    source: z.string(),
    note: z.string().nullable(),
    source_zh: z.string().nullable(),
    note_zh: z.string().nullable(),
    status_updated_at: z.string().nullable(),
    clauses: z.array(ClauseSchema),
    province_measures: z.array(z.object({ province: z.string(), length_km: z.number().nullable(), area_km2: z.number().nullable() })),
    /** Newest first. */
    history: z.array(StatusEventSchema),
  }),
});

export const PlanPayloadSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      parent: z.string().nullable(),
      kind: z.string(),
      order: z.number().int(),
      title_zh: z.string(),
      title_en: z.string(),
      text_zh: z.string(),
      year: z.number().int().nullable(),
      agencies: z.array(z.object({ agency: z.string(), role: AgencyRoleSchema })),
      agencies_open_ended: z.boolean(),
      with_districts: z.boolean(),
      partners: z.array(z.string()),
      partner_cities: z.array(z.string()),
      projects: z.array(z.object({ id: z.string(), phrase: z.string(), name_zh: z.string(), name_en: z.string() })),
    }),
  ),
  agencies: z.array(z.object({ id: z.string(), name_zh: z.string(), name_en: z.string() })),
});

const Counts = z.record(z.string(), z.number());
export const CoverageSchema = z.object({
  total: z.number().int(),
  byTaskArea: Counts,
  byCategory: Counts,
  byStatus: Counts,
  byProvince: Counts,
  kmByProvince: Counts,
  km2ByProvince: Counts,
  regionsByProvince: Counts,
  measuresByPartner: Counts,
  measures: z.number().int(),
});

export const HistoryListSchema = z.array(z.object({ project: z.string(), status: StatusSchema, at: z.string().nullable() }));

export const SavedViewSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  note: z.string(),
  state: z.string(),
  ord: z.number().int(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number().int(),
});
export const SavedViewListSchema = z.object({ views: z.array(SavedViewSchema) });

export const UserSchema = z.object({ id: z.number().int(), username: z.string(), role: z.enum(['viewer', 'editor', 'admin']) });
export const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() });
export const MeSchema = z.object({ user: UserSchema.nullable(), csrfToken: z.string().nullable() });
export const OkSchema = z.object({ ok: z.boolean() });

/** Large sets (server/routes/projects-large.ts): what a map drawing vector tiles asks for besides them. */
export const ProjectCountsSchema = z.object({
  total: z.number().int(),
  byCategory: Counts,
  byStatus: Counts,
  /** Sections and tasks of part 二; a project counts once per area however many clauses it has there. */
  byTaskArea: Counts,
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().describe('[west, south, east, north] of the matching projects, null with none'),
  asOf: z
    .object({
      day: z.string(),
      byStatus: Counts.describe('Projects per status on that day; `none` for those with no status yet'),
      planOnly: z.number().int().describe('Projects whose status on that day is still only the plan text’s wording'),
    })
    .optional()
    .describe('With `as_of`: the statuses on that day'),
});

export const ProjectPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(ProjectListPropertiesSchema),
});

export const ProjectIdsSchema = z.object({
  total: z.number().int().describe('How many projects match; more than `ids` holds when over the limit'),
  ids: z.array(z.string()).describe('Best match first with `q`, nearest first with `near`, at most `limit`'),
  distances: z.record(z.string(), z.number()).optional().describe('With `near`: km from the point, per id'),
});

export const StackBadgesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()) }),
      properties: z.object({ id: z.string().describe('The first project at the spot'), stack_n: z.number().int().describe('How many stand there') }),
    }),
  ),
});

export const ProjectTileJsonSchema = z.object({
  tilejson: z.literal('3.0.0'),
  tiles: z.array(z.string()).describe('The tile URL, carrying the data version (`v`): a new version, new URLs'),
  minzoom: z.number().int(),
  maxzoom: z.number().int(),
  vector_layers: z.array(z.object({ id: z.string(), fields: z.record(z.string(), z.string()) })),
  version: z.string(),
  count: z.number().int().describe('Live projects in the tiles'),
  thinned: z.array(z.object({ zoom: z.number().int(), fraction: z.number() })).describe('Zooms that draw a stable sample of the projects, and its share'),
});
