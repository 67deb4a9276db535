/** The real server (server/index.ts) as a child process on a given database, for tests that kill it. */
import { spawn, type ChildProcess } from 'node:child_process';

export type ServerProcess = { child: ChildProcess; base: string; output: () => string; exited: Promise<number | null> };

/**
 * Starts the server on a free port and resolves once a stdout line matches `until` (default: ready,
 * migrated and seeded); rejects, and kills it, if that takes longer than `timeout` ms.
 */
export function startServer(env: Record<string, string>, until = /running at/, timeout = 120_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, DEBUG: undefined, HOST: '127.0.0.1', PORT: '0', CLIENT_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server not ready (${until}) in ${timeout} ms: ${out}`));
    }, timeout);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const port = /Listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)?.[1];
      if (port && until.test(out)) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        resolve({ child, base: `http://127.0.0.1:${port}`, output: () => out, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}
