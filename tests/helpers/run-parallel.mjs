#!/usr/bin/env node
/**
 * Runs npm scripts side by side and fails if any fails. `npm test` runs the type check and the
 * lint side by side (one core each), then the unit and the browser tests side by side: on two
 * cores no one of them keeps both busy (the unit files wait on child processes and disk syncs, the
 * browser tests run one file at a time and leave part of a core idle between the map's frames),
 * so together they take about their summed CPU time over two cores.
 *
 * Each line of output is printed as it comes, prefixed with its script's name; a summary of exit
 * codes and times ends the run. Every script runs to its end even when another fails, so one run
 * shows all the failures.
 */
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (!names.length) {
  console.error('usage: run-parallel.mjs <npm script>...');
  process.exit(2);
}

const width = Math.max(...names.map((n) => n.length));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Writes complete lines of a stream with a prefix; the rest waits for its line's end. */
function prefixed(stream, out, prefix) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) out.write(`${prefix}${line}\n`);
  });
  return () => rest && out.write(`${prefix}${rest}\n`);
}

const run = (name) =>
  new Promise((resolve) => {
    const start = Date.now();
    const prefix = `[${name.padEnd(width)}] `;
    const child = spawn(npm, ['run', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const flush = [prefixed(child.stdout, process.stdout, prefix), prefixed(child.stderr, process.stderr, prefix)];
    let ended = false;
    const done = (code) => {
      if (ended) return;
      ended = true;
      for (const f of flush) f();
      resolve({ name, code, seconds: (Date.now() - start) / 1000 });
    };
    child.once('error', (e) => {
      process.stderr.write(`${prefix}${e.message}\n`);
      done(1);
    });
    child.once('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });

const results = await Promise.all(names.map(run));
process.stdout.write('\n');
for (const r of results) process.stdout.write(`${r.name.padEnd(width)}  ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`}  ${r.seconds.toFixed(1)} s\n`);
process.exit(results.find((r) => r.code !== 0)?.code ?? 0);
