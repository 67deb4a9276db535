/**
 * Loads geodata/ into the database. Idempotent: plan nodes, agencies and each project's plan data
 * are replaced by what the files say; a project's status and its history are never touched, except
 * that a project seen for the first time gets the status the plan text implies, as one event by
 * 'plan' so nobody mistakes it for a verified current state.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { pinyin } from 'pinyin-pro';
import { bounds, measure } from '#shared/coverage.ts';
import { STAGES } from '#shared/taxonomy.ts';
import type { Db } from './client.ts';
import { loadGeodata, type Geodata } from './geodata.ts';
import { sharesOf } from './province-shares.ts';
import * as t from './schema.ts';

/**
 * Bump when what the seed computes changes (e.g. how provinces are assigned), so existing databases
 * are seeded again on their next start even though geodata/ did not change.
 */
const SEED_VERSION = 3;

export type SeedResult = { seeded: boolean; projects: number; newProjects: number; retired: number; nodes: number };

/** Full pinyin and initials of a Chinese name, for search: "天津港" -> "tianjingang tjg". */
export function pinyinKey(nameZh: string): string {
  const syllables = pinyin(nameZh, { toneType: 'none', type: 'array', nonZh: 'removed' });
  return `${syllables.join('')} ${syllables.map((s) => s[0] ?? '').join('')}`.toLowerCase();
}

/** Seeds when the database is empty or the geodata changed since the last seed (force: always). */
export async function seed(db: Db, opts: { force?: boolean; data?: Geodata } = {}): Promise<SeedResult> {
  const data = opts.data ?? loadGeodata();
  const last = await db.select().from(t.meta).where(eq(t.meta.key, 'geodata_hash')).get();
  const count = (await db.select({ n: sql<number>`count(*)` }).from(t.projects).get())?.n ?? 0;
  const stamp = `${SEED_VERSION}:${data.hash}`;
  if (!opts.force && last?.value === stamp && count > 0) {
    return { seeded: false, projects: count, newProjects: 0, retired: 0, nodes: data.plan.nodes.length };
  }

  const existing = new Set((await db.select({ id: t.projects.id }).from(t.projects).all()).map((r) => r.id));
  let newProjects = 0;

  // Every statement goes into one batch: one transaction, all or nothing, in one round trip.
  // The plan tree is replaced whole (only mentions point at it, and they are rebuilt below).
  const stmts: BatchItem<'sqlite'>[] = [db.delete(t.projectMentions), db.delete(t.nodeAgencies), db.delete(t.planNodes)];
  for (const a of data.plan.agencies) {
    stmts.push(
      db
        .insert(t.agencies)
        .values({ id: a.id, nameZh: a.name_zh, nameEn: a.name_en })
        .onConflictDoUpdate({ target: t.agencies.id, set: { nameZh: a.name_zh, nameEn: a.name_en } }),
    );
  }
  for (const n of data.plan.nodes) {
    stmts.push(
      db.insert(t.planNodes).values({
        id: n.id,
        parent: n.parent,
        kind: n.kind,
        ord: n.order,
        titleZh: n.title_zh,
        titleEn: n.title_en,
        textZh: n.text_zh,
        year: n.year ?? null,
        agenciesOpenEnded: n.agencies_open_ended,
        withDistricts: n.with_districts,
        partners: n.partners,
        partnerCities: n.partner_cities,
      }),
    );
    for (const a of n.agencies) {
      stmts.push(db.insert(t.nodeAgencies).values({ nodeId: n.id, agencyId: a.agency, role: a.role }).onConflictDoNothing());
    }
  }

  for (const f of data.projects) {
    const p = f.properties;
    const [minX, minY, maxX, maxY] = bounds(f.geometry);
    const { lengthKm, areaKm2 } = measure(f.geometry);
    const planData = {
      nameZh: p.name_zh,
      nameEn: p.name_en,
      pinyin: pinyinKey(p.name_zh),
      category: p.category,
      stage: p.stage,
      milestone: p.milestone,
      precision: p.precision,
      source: p.source,
      note: p.note ?? null,
      sourceZh: p.source_zh,
      noteZh: p.note_zh,
      geometry: f.geometry,
      minX,
      minY,
      maxX,
      maxY,
      lengthKm,
      areaKm2,
    };
    if (existing.has(p.id)) {
      stmts.push(db.update(t.projects).set({ ...planData, retired: false }).where(eq(t.projects.id, p.id)));
    } else {
      const status = STAGES[p.stage].status;
      const first = p.mentions[0]!;
      stmts.push(
        db.insert(t.projects).values({ id: p.id, ...planData, status, version: 1, statusUpdatedAt: null }),
        db.insert(t.statusEvents).values({
          projectId: p.id,
          fromStatus: null,
          toStatus: status,
          // Undated: the status comes from the plan text, whose date of issue the atlas has no source for.
          at: null,
          by: 'plan',
          note: `Implied by the plan's wording (stage: ${p.stage}); not a verified current state.`,
          source: `Plan clause ${first.node}: "${first.phrase}"`,
          version: 1,
        }),
      );
      newProjects++;
    }
    for (const m of p.mentions) {
      stmts.push(db.insert(t.projectMentions).values({ projectId: p.id, nodeId: m.node, phrase: m.phrase }).onConflictDoNothing());
    }
    stmts.push(db.delete(t.projectProvinces).where(eq(t.projectProvinces.projectId, p.id)));
    const { provinces, km, km2 } = sharesOf(f, data);
    for (const province of provinces) {
      stmts.push(
        db.insert(t.projectProvinces).values({ projectId: p.id, province, lengthKm: km[province] ?? null, areaKm2: km2[province] ?? null }),
      );
    }
  }
  // A place that left geodata/ is retired, not deleted: its status history stays.
  const inFiles = new Set(data.projects.map((f) => f.properties.id));
  const gone = [...existing].filter((id) => !inFiles.has(id));
  if (gone.length) stmts.push(db.update(t.projects).set({ retired: true }).where(inArray(t.projects.id, gone)));
  stmts.push(
    db
      .insert(t.meta)
      .values({ key: 'geodata_hash', value: stamp })
      .onConflictDoUpdate({ target: t.meta.key, set: { value: stamp } }),
  );
  await db.batch(stmts as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);

  return { seeded: true, projects: data.projects.length, newProjects, retired: gone.length, nodes: data.plan.nodes.length };
}
