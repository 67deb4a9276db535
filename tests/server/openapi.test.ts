/**
 * The OpenAPI document is generated from the routes (server/openapi.ts): the README's endpoint
 * table names exactly its operations, and real answers validate against its response schemas.
 */
import { readFileSync } from 'node:fs';
import { testClient } from 'hono/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bodyOf, testApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let api: ReturnType<typeof testClient<TestApp['app']>>['api'];
let doc: Awaited<ReturnType<typeof loadDoc>>;
const loadDoc = async () => (await api['openapi.json'].$get()).json();

beforeAll(async () => {
  t = await testApp();
  api = testClient(t.app).api;
  doc = await loadDoc();
});
afterAll(() => t.close());

type Operation = { summary?: string; parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
const paths = () => doc.paths as Record<string, Record<string, Operation>>;
const operation = (method: string, path: string) => paths()[path]?.[method];

/** The JSON schema the document gives for an answer, as a zod schema to check a body with. */
function answerSchema(method: string, path: string, status = '200') {
  const schema = operation(method, path)?.responses[status]?.content?.['application/json']?.schema;
  expect(schema, `${method} ${path} ${status} has a JSON schema`).toBeTruthy();
  return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
}

describe('the generated OpenAPI document', () => {
  it('is OpenAPI 3.1 with both ways of signing in', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys((doc.components as { securitySchemes: object }).securitySchemes).sort()).toEqual(['bearer', 'session']);
  });

  it('lists exactly the endpoints of the README table, with the same summaries', () => {
    const readme = readFileSync('README.md', 'utf8');
    const rows = [...readme.matchAll(/^\|\s*(GET|POST|PATCH|PUT|DELETE)\s*\|\s*`([^`]+)`\s*\|\s*(.+?)\s*\|$/gm)];
    const fromReadme = rows.map((m) => `${m[1]} ${m[2]}`).sort();
    const fromDoc = Object.entries(paths()).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    expect(fromReadme).toEqual(fromDoc);
    for (const m of rows) expect(operation(m[1]!.toLowerCase(), m[2]!)?.summary, `${m[1]} ${m[2]}`).toBe(m[3]);
  });

  it('describes the filters, the path ids, the If-Match header and the edit body', () => {
    const names = (method: string, path: string) => (operation(method, path)?.parameters ?? []).map((p) => `${p.in}:${p.name}`);
    expect(names('get', '/api/projects')).toEqual(expect.arrayContaining(['query:category', 'query:bbox', 'query:near', 'query:q']));
    expect(names('get', '/api/export/projects.csv')).toEqual(expect.arrayContaining(['query:category', 'query:lang']));
    expect(names('patch', '/api/projects/{id}/status')).toEqual(expect.arrayContaining(['path:id', 'header:If-Match']));
    const body = (paths()['/api/projects/{id}/status']!.patch as Operation & { requestBody: { content: Record<string, { schema: { required: string[] } }> } }).requestBody;
    expect(body.content['application/json']!.schema.required).toEqual(['status', 'note', 'source']);
    // Every route that takes input says how it refuses it.
    for (const [path, ops] of Object.entries(paths())) {
      for (const [method, op] of Object.entries(ops)) if (op.parameters?.length) expect(op.responses, `${method} ${path}`).toHaveProperty('400');
    }
  });
});

describe('real answers validate against the document', () => {
  it('GET /api/projects (whole and filtered with near)', async () => {
    const schema = answerSchema('get', '/api/projects');
    const all = await bodyOf(api.projects.$get({ query: {} }));
    expect(all.features.length).toBeGreaterThan(50);
    expect(schema.safeParse(all).error).toBeUndefined();
    const near = await bodyOf(api.projects.$get({ query: { near: '117.7,39.0', radius_km: '30' } }));
    expect(near.features[0]?.properties.distance_km).toBeTypeOf('number');
    expect(schema.safeParse(near).error).toBeUndefined();
    // And the check has teeth: a status the API never sends is refused.
    const broken = structuredClone(all);
    (broken.features[0]!.properties as { status: string }).status = 'finished';
    expect(schema.safeParse(broken).success).toBe(false);
  });

  it('GET /api/projects/{id}', async () => {
    const detail = await bodyOf(api.projects[':id'].$get({ param: { id: 'tianjin-port' } }));
    expect(detail.properties.history.length).toBeGreaterThan(0);
    expect(answerSchema('get', '/api/projects/{id}').safeParse(detail).error).toBeUndefined();
    const missing = await api.projects[':id'].$get({ param: { id: 'atlantis' } });
    expect(missing.status).toBe(404);
    expect(answerSchema('get', '/api/projects/{id}', '404').safeParse(await missing.json()).error).toBeUndefined();
  });

  it('GET /api/plan, /api/stats/coverage, /api/history/status, /api/views, /api/auth/me, /api/health', async () => {
    const answers: [string, unknown][] = [
      ['/api/plan', await (await api.plan.$get()).json()],
      ['/api/stats/coverage', await (await api.stats.coverage.$get({ query: { node: '2.1' } })).json()],
      ['/api/history/status', await (await api.history.status.$get({ query: {} })).json()],
      ['/api/views', await (await api.views.$get()).json()],
      ['/api/auth/me', await (await api.auth.me.$get()).json()],
      ['/api/health', await (await api.health.$get()).json()],
    ];
    for (const [path, body] of answers) expect(answerSchema('get', path).safeParse(body).error, path).toBeUndefined();
  });
});
