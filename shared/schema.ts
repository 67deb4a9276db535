/**
 * zod schemas for the data files under geodata/ and for the API's payloads, with the types they
 * infer. Pure: no server, client, drizzle or DOM imports.
 */
import { z } from 'zod';
import {
  CATEGORY_IDS,
  MILESTONES,
  PRECISION_IDS,
  PROVINCE_IDS,
  STAGE_IDS,
  STATUS_IDS,
} from './taxonomy.ts';

export const CategorySchema = z.enum(CATEGORY_IDS);
export const StatusSchema = z.enum(STATUS_IDS);
export const StageSchema = z.enum(STAGE_IDS);
export const PrecisionSchema = z.enum(PRECISION_IDS);
export const ProvinceSchema = z.enum(PROVINCE_IDS);
export const MilestoneSchema = z.union(MILESTONES.map((y) => z.literal(y)) as [z.ZodLiteral<2020>, z.ZodLiteral<2025>, z.ZodLiteral<2030>]);

/** Plan node ids: "pre", "1", "1.2", "1.2.g2020", "2.1.1", "2.1.1.m1", "3.1". */
export const PlanNodeIdSchema = z.string().regex(/^(pre|\d(\.\d)?(\.g20\d\d)?|\d\.\d\.\d(\.m\d+)?)$/);

export const PlanNodeKindSchema = z.enum(['preamble', 'part', 'section', 'goal', 'task', 'measure']);

export const AgencyRoleSchema = z.enum(['lead', 'cooperating', 'shared']);

export const PlanNodeSchema = z.object({
  id: PlanNodeIdSchema,
  parent: PlanNodeIdSchema.nullable(),
  kind: PlanNodeKindSchema,
  /** Position among its siblings, from 1. */
  order: z.number().int().positive(),
  /** The heading as the plan writes it (without its numbering), or the measure's lead sentence. */
  title_zh: z.string().min(1),
  title_en: z.string().min(1),
  /** Verbatim text: a task's 工作任务, a measure's whole paragraph, a goal's paragraph. */
  text_zh: z.string(),
  /** Goal nodes: the target year. */
  year: MilestoneSchema.optional(),
  /** Measures: the agencies named in the closing parenthesis. */
  agencies: z
    .array(z.object({ agency: z.string().min(1), role: AgencyRoleSchema }))
    .default([]),
  /** "等有关部门" closes the list: others may join. */
  agencies_open_ended: z.boolean().default(false),
  /** "和区": the districts take part too. */
  with_districts: z.boolean().default(false),
  /** Provinces (and named cities, as their province) this node names as partners. */
  partners: z.array(ProvinceSchema).default([]),
  /** Partner cities named by the node, verbatim (青岛, 烟台, 威海, 承德 …). */
  partner_cities: z.array(z.string()).default([]),
});
export type PlanNode = z.infer<typeof PlanNodeSchema>;

export const AgencySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  /** Today's name where the agency was renamed or merged since the plan (2018 reform), from a published source. */
  name_now_zh: z.string().min(1).optional(),
  name_now_en: z.string().min(1).optional(),
});
export type Agency = z.infer<typeof AgencySchema>;

export const PlanFileSchema = z.object({
  source: z.string(),
  nodes: z.array(PlanNodeSchema),
  agencies: z.array(AgencySchema),
});
export type PlanFile = z.infer<typeof PlanFileSchema>;

const Position = z.tuple([z.number(), z.number()]);
export const GeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: Position }),
  z.object({ type: z.literal('MultiPoint'), coordinates: z.array(Position).min(1) }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(Position).min(2)).min(1) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position).min(4)).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position).min(4)).min(1)).min(1) }),
]);
export type Geometry = z.infer<typeof GeometrySchema>;

export const MentionSchema = z.object({
  node: PlanNodeIdSchema,
  /** The phrase exactly as it stands in that node's text_zh. */
  phrase: z.string().min(1),
});
export type Mention = z.infer<typeof MentionSchema>;

export const ProjectPropertiesSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Exactly as the plan writes it. */
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  category: CategorySchema,
  mentions: z.array(MentionSchema).min(1),
  stage: StageSchema,
  milestone: MilestoneSchema.nullable(),
  precision: PrecisionSchema,
  /** How the coordinates were obtained: dataset and identifier, or the stations a line runs through. */
  source: z.string().min(1),
  /** The same in Chinese, for the Chinese interface. */
  source_zh: z.string().min(1),
  /** What else is known (a site that moved, a vague clause). */
  note: z.string().optional(),
  /** The note in Chinese (required: every feature says in Chinese what it stands for). */
  note_zh: z.string().min(1),
});
export type ProjectProperties = z.infer<typeof ProjectPropertiesSchema>;

export const ProjectFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: GeometrySchema,
  properties: ProjectPropertiesSchema,
});
export type ProjectFeature = z.infer<typeof ProjectFeatureSchema>;

export const ProjectFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(ProjectFeatureSchema),
});
