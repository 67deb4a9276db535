/**
 * Property-based: whatever the query string, path, header or body, every endpoint answers below 500
 * and every refusal has the one JSON error shape. Runs are kept modest so the suite stays fast;
 * a failure prints the seed and the shrunk input to replay. Requests go through app.request on
 * purpose: the inputs are arbitrary strings and bodies, which hono's typed testClient would refuse.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, STATUS_IDS } from '#shared/taxonomy.ts';
import { editorApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let token = '';
beforeAll(async () => {
  ({ t, token } = await editorApp('editor1', 'a long enough password'));
}, 60_000);
afterAll(() => t.close());

const FILTER_KEYS = ['node', 'category', 'status', 'stage', 'agency', 'agency_role', 'province', 'milestone', 'bbox', 'near', 'radius_km', 'q', 'until', 'project'];
const REAL_VALUES = [...Object.keys(CATEGORIES), ...STATUS_IDS, 'tianjin', 'hebei', '2025', '1', '1.1', 'pre', 'lead', 'any', 'tianjin-port', '117,39', '116,38,118,40'];

/** Strings an attacker or a careless script might send. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ',', ',,,', 'NaN', 'Infinity', '-0', '1e309', '9007199254740993', '%', '%E0%A4%A', "'; drop table projects; --", '\u0000', '../../etc/passwd', 'x'.repeat(5000)),
  fc.array(fc.constantFrom(...REAL_VALUES), { maxLength: 150 }).map((a) => a.join(',')),
  fc.array(fc.double(), { minLength: 1, maxLength: 5 }).map((a) => a.join(',')),
);

const ENDPOINTS = [
  '/api/projects', '/api/stats/coverage', '/api/export/projects.geojson', '/api/export/projects.csv', '/api/export/projects.kml', '/api/export/projects.xlsx',
  '/api/history/status', '/api/plan', '/api/health', '/api/auth/me', '/api/views',
];

type Answer = { status: number; body: string; type: string | null };
const answer = async (res: Response): Promise<Answer> => ({ status: res.status, body: await res.text(), type: res.headers.get('content-type') });

/** Below 500 always; a 4xx carries {error: {code, message}} as JSON. */
function holds({ status, body, type }: Answer) {
  expect(status).toBeLessThan(500);
  if (status >= 400) {
    expect(type).toMatch(/^application\/json/);
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof parsed.error?.code).toBe('string');
    expect(typeof parsed.error?.message).toBe('string');
  }
}

describe('every endpoint, any input', () => {
  it('long lists of real values, repeats included, on every list parameter', { timeout: 120_000 }, async () => {
    // A node list of 249 real ids once reached SQLite's expression limit and answered 500.
    const plan = (await (await t.app.request('/api/plan')).json()) as { nodes: { id: string }[] };
    const vocabulary: Record<string, string[]> = { node: plan.nodes.map((n) => n.id), project: ['tianjin-port', 'jingtang-intercity', 'x'], category: Object.keys(CATEGORIES), status: [...STATUS_IDS], province: ['tianjin', 'hebei', 'beijing'], milestone: ['2020', '2025', '2030'] };
    const longList = fc.constantFrom(...Object.keys(vocabulary)).chain((key) =>
      fc.array(fc.constantFrom(...vocabulary[key]!), { minLength: 150, maxLength: 400, size: 'max' }).map((values) => [key, values.join(',')] as const),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ENDPOINTS.slice(0, 7)), longList, async (path, [key, value]) => {
        holds(await answer(await t.app.request(`${path}?${key}=${value}`)));
      }),
      // Shrinking a 400-value list takes minutes; the failing input is clear enough unshrunk.
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('any query string on every read endpoint', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENDPOINTS),
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FILTER_KEYS), fc.string({ maxLength: 8 })), nasty), { maxLength: 4 }),
        async (path, pairs) => {
          const query = new URLSearchParams(pairs).toString();
          holds(await answer(await t.app.request(`${path}?${query}`)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('any raw path and query, including broken percent-encoding', { timeout: 120_000 }, async () => {
    const segment = fc.oneof(fc.constantFrom('projects', 'views', 'export', 'history', 'status', 'stats', 'auth', 'tianjin-port', '1', '%', '%ZZ', '..', '%00'), fc.string({ maxLength: 10 }));
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 40 }), async (segments, raw) => {
        const path = `/api/${segments.map((s) => s.replace(/[?#]/g, '')).join('/')}?${raw.replace(/#/g, '')}`;
        holds(await answer(await t.app.request(`http://localhost${encodeURI(path).replace(/%25/g, '%')}`)));
      }),
      { numRuns: 80 },
    );
  });

  const body = fc.oneof(
    fc.json(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('', '{', '[]', 'null', '{"status":', '{"__proto__":{"x":1}}', JSON.stringify({ a: 'x'.repeat(20_000) })),
    fc
      .record(
        {
          status: fc.oneof(fc.constantFrom(...STATUS_IDS), nasty),
          note: nasty,
          source: nasty,
          version: fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.constant(2 ** 63), nasty),
          title: nasty,
          state: nasty,
          ids: fc.oneof(fc.array(fc.integer()), nasty),
          username: nasty,
          password: nasty,
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  );

  it('any body, header and id on every write endpoint', { timeout: 180_000 }, async () => {
    const writes: [string, string][] = [
      ['PATCH', '/api/projects/{id}/status'],
      ['POST', '/api/views'],
      ['PATCH', '/api/views/{id}'],
      ['DELETE', '/api/views/{id}'],
      ['PUT', '/api/views/order'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/auth/logout'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes),
        fc.oneof(fc.constantFrom('tianjin-port', 'jingtang-intercity', '1', '2', '0', '999999999', 'nowhere'), fc.string({ maxLength: 12 })),
        body,
        fc.option(nasty, { nil: undefined }),
        fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', undefined),
        async ([method, template], id, payload, ifMatch, type) => {
          const path = template.replace('{id}', encodeURIComponent(id));
          const headers: Record<string, string> = { authorization: `Bearer ${token}` };
          if (type) headers['content-type'] = type;
          if (ifMatch !== undefined && /^[\x20-\x7e]*$/.test(ifMatch)) headers['if-match'] = ifMatch;
          holds(await answer(await t.app.request(path, { method, headers, body: payload })));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('a note that is accepted comes back exactly as sent (trimmed at the ends)', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), async (note) => {
        const cur = ((await (await t.app.request('/api/projects/tianjin-port')).json()) as { properties: { status: string; version: number } }).properties;
        const res = await t.app.request('/api/projects/tianjin-port/status', {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ status: cur.status === 'study' ? 'planned' : 'study', note, source: 'fuzz', version: cur.version }),
        });
        const got = await answer(res);
        holds(got);
        if (got.status === 200) {
          const history = (JSON.parse(got.body) as { properties: { history: { note: string }[] } }).properties.history;
          expect(history[0]!.note).toBe(note.trim());
        }
      }),
      { numRuns: 40 },
    );
  });
});
