/**
 * CPU time used by the processes a process started (Linux /proc): what a browser spent on a page,
 * which the other work on a shared machine inflates far less than the wall-clock time.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of every descendant of root, with what their exited children used (ms). */
export function descendantsCpuMs(root = process.pid): number {
  return Object.values(descendantsCpuByType(root)).reduce((a, b) => a + b, 0);
}

/** The same by Chromium process type (browser, renderer, gpu-process, utility, ...). */
export function descendantsCpuByType(root = process.pid): Record<string, number> {
  const stats = new Map<number, { ppid: number; ticks: number; type: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command name (which may hold spaces) in /proc/<pid>/stat.
      const f = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
      const type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${name}/cmdline`, 'utf8'))?.[1] ?? 'browser';
      stats.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]), type });
    } catch {
      // the process ended meanwhile
    }
  }
  const ms: Record<string, number> = {};
  const visit = (pid: number) => {
    for (const [child, s] of stats) {
      if (s.ppid !== pid) continue;
      ms[s.type] = (ms[s.type] ?? 0) + s.ticks * TICK_MS;
      visit(child);
    }
  };
  visit(root);
  return ms;
}
