/**
 * Soak (not part of npm test): the real server as a child process under a mixed load for a while,
 * in three phases on one database: reads alone (the baseline), reads with status edits from
 * several editors, then reads with a sign-in flood of made-up names from many addresses. Reports
 * answers by status, 5xx, read latency per phase as a ratio to the baseline, and the server's
 * memory (RSS). Figures go in BENCHMARKS.md.
 *
 *   npx tsx tests/bench/soak.ts [seconds per phase, default 20]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { openDb } from '../../server/db/client.ts';
import { createApiToken, createUser } from '../../server/services/auth.ts';
import { startServer } from '../helpers/server-process.ts';

const PHASE_S = Number(process.argv[2] ?? 20);
const READS = ['/api/projects', '/api/projects/tianjin-port', '/api/stats/coverage', '/api/plan', '/api/projects?category=seaport,airport', '/api/export/projects.csv'];
const EDITED = ['tianjin-port', 'jingtang-intercity', 'jingbin-intercity', 'jinshi-expressway'];

const dir = mkdtempSync(join(tmpdir(), 'atlas-soak-'));
const DATABASE_URL = `file:${join(dir, 'atlas.db')}`;
const db = await openDb(DATABASE_URL);
await createUser(db, 'soak-editor', 'a long enough password', 'editor');
const token = await createApiToken(db, 'soak-editor', 'soak');
db.$client.close();
const server = await startServer({ DATABASE_URL, TRUST_PROXY: 'true' });
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

type Tally = { latencies: number[]; statuses: Map<number, number> };
const tally = (): Tally => ({ latencies: [], statuses: new Map() });
const count = (t: Tally, status: number) => t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;

async function reader(until: number, t: Tally) {
  for (let i = 0; Date.now() < until; i++) {
    const start = performance.now();
    const res = await fetch(server.base + READS[i % READS.length]!, { headers: { 'accept-encoding': 'gzip' } });
    await res.arrayBuffer();
    t.latencies.push(performance.now() - start);
    count(t, res.status);
  }
}

async function editor(until: number, id: string, t: Tally) {
  for (let n = 0; Date.now() < until; n++) {
    const cur = ((await (await fetch(`${server.base}/api/projects/${id}`)).json()) as { properties: { status: string; version: number } }).properties;
    // Half the edits send a stale version on purpose: conflicts are part of the load.
    const version = n % 2 ? cur.version : Math.max(1, cur.version - 1);
    const res = await fetch(`${server.base}/api/projects/${id}/status`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ status: cur.status === 'construction' ? 'operation' : 'construction', note: `soak ${n}`, source: 'soak', version }),
    });
    await res.arrayBuffer();
    count(t, res.status);
  }
}

/**
 * The flood runs in a worker thread of its own, so its 40 loops do not slow this thread's readers
 * and the latency measured is the server's, not the load generator's.
 */
function flood(until: number, t: Tally): Promise<void> {
  const code = `
    const { parentPort, workerData: { base, until } } = require('node:worker_threads');
    const statuses = {};
    const loop = async (k) => {
      for (let n = 0; Date.now() < until; n++) {
        const res = await fetch(base + '/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.18.' + k + '.' + (n % 250) },
          body: JSON.stringify({ username: 'ghost' + k + '-' + n, password: 'made up password' }),
        });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    };
    Promise.all(Array.from({ length: 40 }, (_, k) => loop(k))).then(() => parentPort.postMessage(statuses));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { base: server.base, until } });
    worker.once('message', (statuses: Record<string, number>) => {
      for (const [status, n] of Object.entries(statuses)) t.statuses.set(Number(status), (t.statuses.get(Number(status)) ?? 0) + n);
      void worker.terminate().then(() => resolve());
    });
    worker.once('error', reject);
  });
}

const memory: number[] = [rss()];
const sampler = setInterval(() => memory.push(rss()), 1000);
const phases: { name: string; reads: Tally; other: Tally; rssMb: number }[] = [];
async function phase(name: string, extra: (until: number, t: Tally) => Promise<unknown>[]) {
  const until = Date.now() + PHASE_S * 1000;
  const reads = tally();
  const other = tally();
  await Promise.all([...Array.from({ length: 4 }, () => reader(until, reads)), ...extra(until, other)]);
  phases.push({ name, reads, other, rssMb: rss() });
}

await phase('reads only (baseline)', () => []);
await phase('reads + 4 editors', (until, t) => EDITED.map((id) => editor(until, id, t)));
await phase('reads + sign-in flood (40 clients, made-up names)', (until, t) => [flood(until, t)]);
clearInterval(sampler);
memory.push(rss());
server.child.kill('SIGTERM');
await server.exited;
rmSync(dir, { recursive: true, force: true });

const base = pct(phases[0]!.reads.latencies, 50);
const fmt = (m: Map<number, number>) => [...m].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ') || '—';
console.log(`\nSoak: ${PHASE_S} s per phase, 4 readers throughout (${new Date().toISOString().slice(0, 10)}, node ${process.version})\n`);
console.log('| phase | reads | read p50 / p95 ms | p50 vs baseline | reads by status | other requests by status | server RSS after |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const p of phases) {
  const p50 = pct(p.reads.latencies, 50);
  console.log(`| ${p.name} | ${p.reads.latencies.length} | ${p50.toFixed(0)} / ${pct(p.reads.latencies, 95).toFixed(0)} | ${(p50 / base).toFixed(2)}× | ${fmt(p.reads.statuses)} | ${fmt(p.other.statuses)} | ${p.rssMb.toFixed(0)} MB |`);
}
const fivexx = phases.flatMap((p) => [...p.reads.statuses, ...p.other.statuses]).filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
console.log(`\n5xx answers: ${fivexx}. Server RSS: ${memory[0]!.toFixed(0)} MB at start, ${Math.max(...memory).toFixed(0)} MB peak, ${memory.at(-1)!.toFixed(0)} MB at the end.`);
