/** The project detail comes from one relational query (drizzle relations), not one query per part. */
import type { InStatement } from '@libsql/client';
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, geodata, testApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** What `run` returns, and the SQL statements the database client ran meanwhile (counted on the way through). */
async function withStatements<T>(run: () => Promise<T>): Promise<[T, string[]]> {
  const client = t.db.$client;
  const execute = client.execute.bind(client);
  const seen: string[] = [];
  client.execute = (stmt: InStatement) => {
    seen.push(typeof stmt === 'string' ? stmt : stmt.sql);
    return execute(stmt);
  };
  try {
    return [await run(), seen];
  } finally {
    client.execute = execute;
  }
}

describe('GET /api/projects/{id}', () => {
  it('reads the project, its clauses, agencies, provinces and history in one statement', async () => {
    const api = testClient(t.app).api;
    const [body, sql] = await withStatements(() => bodyOf(api.projects[':id'].$get({ param: { id: 'tianjin-port' } })));
    expect(sql).toHaveLength(1);
    const p = body.properties;
    const file = geodata().projects.find((f) => f.properties.id === 'tianjin-port')!;
    expect(p.clauses.map((c) => c.node).sort()).toEqual(file.properties.mentions.map((m) => m.node).sort());
    expect(p.clauses.some((c) => c.agencies.length > 0)).toBe(true);
    expect(p.province_measures.map((m) => m.province)).toContain('tianjin');
    expect(p.history.at(-1)).toMatchObject({ by: 'plan', at: null, version: 1 });
    expect(body.geometry).toEqual(file.geometry);
  });

  it('answers 404 for a project that is not there', async () => {
    const res = await testClient(t.app).api.projects[':id'].$get({ param: { id: 'atlantis' } });
    expect(res.status).toBe(404);
  });
});
