/**
 * The database: the plan tree, its agencies, the projects (places) the plan names, their links to
 * plan clauses, and the status history editors write. Spatial index: a SQLite R*Tree virtual table
 * `projects_rtree` (created in a custom migration, since drizzle has no virtual tables) keyed by
 * projects.rid and kept in step by the seed.
 */
import { relations, sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Geometry } from '#shared/schema.ts';
import { CATEGORY_IDS, PRECISION_IDS, STAGE_IDS, STATUS_IDS } from '#shared/taxonomy.ts';

export const planNodes = sqliteTable('plan_nodes', {
  id: text('id').primaryKey(),
  parent: text('parent'),
  kind: text('kind').notNull(),
  ord: integer('ord').notNull(),
  titleZh: text('title_zh').notNull(),
  titleEn: text('title_en').notNull(),
  textZh: text('text_zh').notNull(),
  year: integer('year'),
  agenciesOpenEnded: integer('agencies_open_ended', { mode: 'boolean' }).notNull().default(false),
  withDistricts: integer('with_districts', { mode: 'boolean' }).notNull().default(false),
  partners: text('partners', { mode: 'json' }).$type<string[]>().notNull(),
  partnerCities: text('partner_cities', { mode: 'json' }).$type<string[]>().notNull(),
});

export const agencies = sqliteTable('agencies', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
});

export const nodeAgencies = sqliteTable(
  'node_agencies',
  {
    nodeId: text('node_id').notNull().references(() => planNodes.id, { onDelete: 'cascade' }),
    agencyId: text('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['lead', 'cooperating', 'shared'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.agencyId, t.role] }), index('node_agencies_agency').on(t.agencyId)],
);

export const projects = sqliteTable(
  'projects',
  {
    /** Integer key for the R*Tree index. */
    rid: integer('rid').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** Full pinyin and initials of name_zh, lower case, for search. */
    pinyin: text('pinyin').notNull(),
    category: text('category', { enum: CATEGORY_IDS }).notNull(),
    stage: text('stage', { enum: STAGE_IDS }).notNull(),
    milestone: integer('milestone'),
    precision: text('precision', { enum: PRECISION_IDS }).notNull(),
    source: text('source').notNull(),
    note: text('note'),
    /** Chinese versions of source and note (the interface speaks Chinese first). */
    sourceZh: text('source_zh'),
    noteZh: text('note_zh'),
    /** GeoJSON geometry, stored as JSON text; drizzle parses it on every read. */
    geometry: text('geometry', { mode: 'json' }).$type<Geometry>().notNull(),
    minX: real('min_x').notNull(),
    minY: real('min_y').notNull(),
    maxX: real('max_x').notNull(),
    maxY: real('max_y').notNull(),
    lengthKm: real('length_km'),
    areaKm2: real('area_km2'),
    status: text('status', { enum: STATUS_IDS }).notNull(),
    /** Set when the place left geodata/: hidden everywhere, its status history kept. */
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
    /** Bumped by every status edit; editors send the version they saw. */
    version: integer('version').notNull().default(1),
    /** When the status last changed; null while it is still the one the plan text implies (undated). */
    statusUpdatedAt: text('status_updated_at'),
  },
  (t) => [index('projects_category').on(t.category), index('projects_status').on(t.status)],
);

export const projectMentions = sqliteTable(
  'project_mentions',
  {
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull().references(() => planNodes.id, { onDelete: 'cascade' }),
    phrase: text('phrase').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.nodeId, t.phrase] }), index('project_mentions_node').on(t.nodeId)],
);

export const projectProvinces = sqliteTable(
  'project_provinces',
  {
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    province: text('province').notNull(),
    /** Kilometres of the project's line inside this province. */
    lengthKm: real('length_km'),
    /** Square kilometres of the project's area inside this province. */
    areaKm2: real('area_km2'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.province] }), index('project_provinces_province').on(t.province)],
);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  role: text('role', { enum: ['viewer', 'editor', 'admin'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const sessions = sqliteTable('sessions', {
  /** sha256 of the cookie value: a leaked database does not leak live sessions. */
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: text('expires_at').notNull(),
});

export const apiTokens = sqliteTable('api_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  /** ISO time after which the token no longer signs anyone in; null for tokens made before expiry existed. */
  expiresAt: text('expires_at'),
});

export const statusEvents = sqliteTable(
  'status_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: STATUS_IDS }),
    toStatus: text('to_status', { enum: STATUS_IDS }).notNull(),
    /**
     * ISO time of the change; null for the first status, which comes from the plan text, whose date
     * of issue the atlas has no source for ("from the plan text", not the day the database was made).
     */
    at: text('at'),
    /** A username, or 'plan' for the status the plan text implies. */
    by: text('by').notNull(),
    note: text('note').notNull(),
    source: text('source').notNull(),
    /** The project version this event produced. */
    version: integer('version').notNull(),
  },
  (t) => [index('status_events_project').on(t.projectId)],
);

/**
 * Views an editor saved for a meeting: a title, a note and the whole URL state of the dashboard
 * (filters, camera, mode, symbology), played in `ord` order as slides.
 */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    /** The dashboard's URL query string (without '?'), as client/state/view-state.ts writes it. */
    state: text('state').notNull(),
    ord: integer('ord').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Bumped by every change; editors send the version they saw (If-Match), as for status edits. */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('saved_views_ord').on(t.ord)],
);

/** Key-value facts about the database itself, such as the hash of the geodata it was seeded from. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/*
 * Relations, for db.query with `with:` (no schema change: they describe the foreign keys above).
 * A project is linked to plan nodes by its mentions, and through them to the nodes' agencies.
 */
export const planNodesRelations = relations(planNodes, ({ many }) => ({
  mentions: many(projectMentions),
  agencies: many(nodeAgencies),
}));

export const agenciesRelations = relations(agencies, ({ many }) => ({
  nodes: many(nodeAgencies),
}));

export const nodeAgenciesRelations = relations(nodeAgencies, ({ one }) => ({
  node: one(planNodes, { fields: [nodeAgencies.nodeId], references: [planNodes.id] }),
  agency: one(agencies, { fields: [nodeAgencies.agencyId], references: [agencies.id] }),
}));

export const projectsRelations = relations(projects, ({ many }) => ({
  mentions: many(projectMentions),
  provinces: many(projectProvinces),
  events: many(statusEvents),
}));

export const projectMentionsRelations = relations(projectMentions, ({ one }) => ({
  project: one(projects, { fields: [projectMentions.projectId], references: [projects.id] }),
  node: one(planNodes, { fields: [projectMentions.nodeId], references: [planNodes.id] }),
}));

export const projectProvincesRelations = relations(projectProvinces, ({ one }) => ({
  project: one(projects, { fields: [projectProvinces.projectId], references: [projects.id] }),
}));

export const statusEventsRelations = relations(statusEvents, ({ one }) => ({
  project: one(projects, { fields: [statusEvents.projectId], references: [projects.id] }),
}));

export const usersRelations = relations(users, ({ many }) => ({
  sessions: many(sessions),
  apiTokens: many(apiTokens),
}));

export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export const apiTokensRelations = relations(apiTokens, ({ one }) => ({
  user: one(users, { fields: [apiTokens.userId], references: [users.id] }),
}));
