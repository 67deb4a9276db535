/**
 * A real app on a throwaway libsql database file, seeded from the real geodata/: a copy of the run's
 * seeded template (tests/helpers/template-db.ts) where there is one, else seeded here.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createApp, type AppOptions } from '../../server/app.ts';
import { openDb, type Db } from '../../server/db/client.ts';
import { loadGeodata, type Geodata } from '../../server/db/geodata.ts';
import { seed } from '../../server/db/seed.ts';
import { createApiToken, createUser } from '../../server/services/auth.ts';

let cached: Geodata | null = null;
/** The geodata files, read and validated once per test file. */
export const geodata = () => (cached ??= loadGeodata());

export type TestApp = {
  db: Db;
  app: ReturnType<typeof createApp>;
  dir: string;
  close: () => void;
};

export async function testApp(opts: Partial<AppOptions> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-test-'));
  const file = join(dir, 'atlas.db');
  const template = inject('templateDb');
  const copied = Boolean(template && existsSync(template));
  if (copied) copyFileSync(template!, file);
  const db = await openDb(`file:${file}`);
  if (!copied) await seed(db, { data: geodata() });
  const app = createApp({ db, ...opts });
  return {
    db,
    app,
    dir,
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A test app with one editor and an API token of theirs: the set-up most API test files share. */
export async function editorApp(username = 'editor1', password = 'correct horse battery'): Promise<{ t: TestApp; token: string }> {
  const t = await testApp();
  await createUser(t.db, username, password, 'editor');
  return { t, token: await createApiToken(t.db, username, 'tests') };
}

type Typed = { status: number; json(): Promise<unknown>; text(): Promise<string> };
/** The body a typed call (testClient) answers with `status`; any other status fails the test, with the body it got. */
export async function bodyOf<R extends Typed, S extends number = 200>(
  call: R | Promise<R>,
  status: S = 200 as S,
): Promise<Awaited<ReturnType<Extract<R, { status: S }>['json']>>> {
  const res = await call;
  if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as Awaited<ReturnType<Extract<R, { status: S }>['json']>>;
}
