/**
 * Saved views: a title, a note and the dashboard's URL state, in an order editors choose (the
 * slideshow plays them in that order). Validation of the stored state and the row <-> JSON mapping.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ProjectFilterSchema } from '#shared/filters.ts';
import { plainText } from '#shared/text.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';

export const MAX_STATE_CHARS = 2000;

const FILTER_KEYS = Object.keys(ProjectFilterSchema.shape) as (keyof typeof ProjectFilterSchema.shape)[];

/**
 * Why a URL state is not one the dashboard wrote, or null if it is fine. The filters must pass the
 * API's own filter schema (the one client/state/view-state.ts reads them with) and the camera must
 * be a place on Earth; other view keys (language, theme, mode, ...) are bounded but left to the
 * client, which drops what it does not know.
 */
export function stateProblem(state: string): string | null {
  if (/[?#]/.test(state)) return "must be the query string without '?' or '#'";
  if (!/^[\x21-\x7e]*$/.test(state)) return 'must be URL-encoded (no spaces or other characters)';
  const u = new URLSearchParams(state);
  const keys = [...u.keys()];
  const bad = keys.find((k) => !/^[a-z][a-z0-9_]{0,23}$/.test(k));
  if (bad !== undefined) return `"${bad.slice(0, 30)}" is not a view parameter`;
  if (new Set(keys).size !== keys.length) return 'names a parameter twice';
  const filters = Object.fromEntries(FILTER_KEYS.filter((k) => u.has(k)).map((k) => [k, u.get(k)!]));
  const parsed = ProjectFilterSchema.safeParse(filters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${String(issue?.path[0] ?? 'filter')}: ${issue?.message ?? 'invalid'}`;
  }
  const c = u.get('c');
  if (c !== null) {
    const [lon, lat, zoom, ...rest] = c.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
    const ok = rest.length === 0 && Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90 && zoom! >= 0 && zoom! <= 24;
    if (!ok) return 'c: must be lon,lat,zoom';
  }
  return null;
}

/** The dashboard's URL query string (as client/state/view-state.ts writes it, without '?'). */
export const ViewStateStringSchema = z
  .string()
  .max(MAX_STATE_CHARS)
  .superRefine((s, ctx) => {
    const problem = stateProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe("The dashboard's URL query string, without '?'");

const Title = plainText(200, 'give the view a title');
/** A note may be empty; otherwise the same rules as every free text (no control characters). */
const Note = z.string().trim().max(2000).refine((s) => s === '' || plainText(2000, '').safeParse(s).success, 'must not contain control characters or broken Unicode');

export const ViewCreateSchema = z.object({ title: Title, note: Note.default(''), state: ViewStateStringSchema }).strict();

export const ViewEditSchema = z
  .object({
    title: Title.optional(),
    note: Note.optional(),
    state: ViewStateStringSchema.optional(),
    /** The view version the editor saw; may come as an If-Match header instead. */
    version: z.number().int().positive().optional(),
  })
  .strict()
  .refine((b) => b.title !== undefined || b.note !== undefined || b.state !== undefined, 'change at least one of title, note, state');

export const ViewOrderSchema = z
  .object({
    ids: z
      .array(z.number().int().positive())
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, 'names a view twice'),
  })
  .strict();

export const ViewIdParam = z.object({ id: z.string().regex(/^[1-9]\d{0,8}$/, 'must be a view id (a number)').transform(Number) });

type Row = typeof t.savedViews.$inferSelect;

export const toView = (r: Row) => ({
  id: r.id,
  title: r.title,
  note: r.note,
  state: r.state,
  ord: r.ord,
  created_by: r.createdBy,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
  version: r.version,
});

export type SavedView = ReturnType<typeof toView>;

/** A view's ETag names its version: "v3". PATCH and DELETE take it back in If-Match. */
export const viewETag = (v: { version: number }) => `"v${v.version}"`;


export const listViews = async (db: Db) =>
  (await db.select().from(t.savedViews).orderBy(asc(t.savedViews.ord), asc(t.savedViews.id)).all()).map(toView);

export async function viewById(db: Db, id: number) {
  const row = await db.select().from(t.savedViews).where(eq(t.savedViews.id, id)).get();
  return row ? toView(row) : null;
}

/** The next place at the end of the order. */
export async function nextOrd(db: Db) {
  const row = await db.select({ max: sql<number | null>`max(${t.savedViews.ord})` }).from(t.savedViews).get();
  return (row?.max ?? 0) + 1;
}
