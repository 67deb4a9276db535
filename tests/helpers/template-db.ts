/**
 * Unit and API tests' set-up (vite.config.ts, project unit): the real seed, once per run, into a
 * template database that testApp copies. A seed is about 0.4 CPU s and a run of disk syncs; a
 * copy of the seeded file is a millisecond, and byte for byte what the seed wrote.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../server/db/client.ts';
import { loadGeodata } from '../../server/db/geodata.ts';
import { seed } from '../../server/db/seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded template database file (absent where no set-up made one: testApp seeds). */
    templateDb?: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-template-'));
  const file = join(dir, 'atlas.db');
  const db = await openDb(`file:${file}`);
  await seed(db, { data: loadGeodata() });
  // Closing the only connection checkpoints the write-ahead log into the file: the file alone is
  // the whole database.
  db.$client.close();
  project.provide('templateDb', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
