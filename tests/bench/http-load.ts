/**
 * `npm run bench:http`: throughput and latency of the real server under 10 keep-alive connections,
 * side by side with a bare node:http server that returns the very same bytes (gzip, as a browser
 * asks for them). Both run as child processes on loopback, measured one after the other by
 * autocannon in this process; the result is a ratio, so a busy machine slows both alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const PATHS = ['/api/projects', '/api/plan', '/api/stats/coverage', '/basemap/land.geojson'];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer in 60 s`);
}

/** A bare node:http server answering every request with one fixed response. */
const BARE = `
const http = require('node:http');
const fs = require('node:fs');
const body = fs.readFileSync(process.env.BODY);
const headers = JSON.parse(process.env.HEADERS);
http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); }).listen(Number(process.env.PORT), '127.0.0.1');
`;

async function load(url: string) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { 'accept-encoding': 'gzip, br' } });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

const dir = mkdtempSync(join(tmpdir(), 'atlas-load-'));
const children: ChildProcess[] = [];
try {
  const port = await freePort();
  const app = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'atlas.db')}` },
    stdio: 'ignore',
  });
  children.push(app);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, app);

  const rows: string[] = [];
  for (const path of PATHS) {
    const res = await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } });
    const bodyFile = join(dir, 'body');
    writeFileSync(bodyFile, Buffer.from(await res.arrayBuffer()));
    const headers = Object.fromEntries(['content-type', 'content-encoding', 'etag', 'vary'].flatMap((h) => (res.headers.get(h) ? [[h, res.headers.get(h)]] : [])));
    const barePort = await freePort();
    const bare = spawn(process.execPath, ['-e', BARE], { env: { ...process.env, BODY: bodyFile, HEADERS: JSON.stringify(headers), PORT: String(barePort) }, stdio: 'ignore' });
    children.push(bare);
    await waitFor(`http://127.0.0.1:${barePort}/`, bare);

    const baseline = await load(`http://127.0.0.1:${barePort}${path}`);
    const atlas = await load(base + path);
    bare.kill();
    rows.push(
      `| ${path} | ${Math.round(atlas.rps)} | ${atlas.p99} ms | ${Math.round(baseline.rps)} | ${baseline.p99} ms | ${(atlas.rps / baseline.rps).toFixed(2)}x |`,
    );
  }
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, gzip; bare = node:http returning the same bytes\n`);
  console.log('| path | atlas req/s | atlas p99 | bare req/s | bare p99 | ratio |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
} finally {
  for (const c of children) c.kill();
  rmSync(dir, { recursive: true, force: true });
}
