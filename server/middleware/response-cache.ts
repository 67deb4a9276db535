/**
 * Serves read-mostly answers (the project collection, the plan, coverage, the basemap layers) from
 * bodies serialised and compressed once per data version, instead of querying, serialising and
 * gzipping them on every request. The ETag is the version itself (hono's etag() answers 304 to a
 * match), so a client's revalidation costs one small query. Every status edit adds a status event and every seed changes the seed stamp, so
 * the version, read from the database on each request, moves with every write, from any process.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/client.ts';

type Entry = { version: string; type: string; cacheControl: string | null; bodies: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>> };
type Encoding = 'br' | 'gzip' | 'identity';

/** Answers kept per route group; the oldest is dropped beyond this (filters make many keys). */
const MAX_ENTRIES = 256;

/** The version of what the API serves: the newest status event and the seed stamp. */
export async function dataVersion(db: Db): Promise<string> {
  const row = await db.get<{ v: string }>(
    sql`select coalesce((select max(id) from status_events), 0) || '.' || coalesce((select substr(value, 1, 12) from meta where key = 'geodata_hash'), '') as v`,
  );
  return row?.v ?? '0';
}

/** The best encoding the client accepts (brotli, then gzip, then none); q=0 refuses one. */
function encodingFor(accept: string | undefined): Encoding {
  const offered = new Map(
    (accept ?? '').split(',').map((part) => {
      const [name = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((x) => x !== undefined);
      return [name, q === undefined ? 1 : Number(q)] as const;
    }),
  );
  const ok = (e: string) => (offered.get(e) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : 'identity';
}

function compressed(body: Uint8Array<ArrayBuffer>, encoding: Encoding): Uint8Array<ArrayBuffer> {
  if (encoding === 'gzip') return Uint8Array.from(gzipSync(body, { level: 6 }));
  if (encoding === 'br') {
    const params = { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
    return Uint8Array.from(brotliCompressSync(body, { params }));
  }
  return body;
}

/**
 * Caches GET answers by path and query for as long as `version()` returns the same value. Only 200 answers
 * are kept; anything else passes through untouched.
 */
export function responseCache(version: () => Promise<string>) {
  const entries = new Map<string, Entry>();
  return createMiddleware(async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const v = await version();
    // Path and query only: the same answer whatever Host (or scheme) the request came through, so
    // a client cannot grow the cache by sending made-up Host headers.
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    let entry = entries.get(key);
    if (entry?.version !== v) {
      await next();
      if (c.res.status !== 200 || c.res.headers.has('Content-Encoding')) return;
      const body = new Uint8Array(await c.res.arrayBuffer());
      entry = {
        version: v,
        type: c.res.headers.get('Content-Type') ?? 'application/octet-stream',
        cacheControl: c.res.headers.get('Cache-Control'),
        bodies: { identity: body },
      };
      // Hono copies the headers of the answer it holds onto a new one: let go of the uncompressed one,
      // so its Content-Length cannot outlive it.
      c.res = undefined;
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    }
    // Small answers go as they are, as hono's compress() would leave them.
    const encoding = entry.bodies.identity!.length < 1024 ? 'identity' : encodingFor(c.req.header('Accept-Encoding'));
    // Each encoding is made once, when a client first asks for it.
    const body = (entry.bodies[encoding] ??= compressed(entry.bodies.identity!, encoding));
    const headers = new Headers({ 'Content-Type': entry.type, ETag: `"${entry.version}-${encoding}"`, Vary: 'Accept-Encoding' });
    if (entry.cacheControl) headers.set('Cache-Control', entry.cacheControl);
    if (encoding !== 'identity') headers.set('Content-Encoding', encoding);
    c.res = new Response(body, { status: 200, headers });
  });
}
