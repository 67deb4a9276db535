/**
 * What stands between a sign-in flood and the server: password hashing (scrypt, 32 MiB) runs on the
 * libuv thread pool that compression and file reads share, so it is rationed before it starts.
 * - Per client address: after `freeFailures` failed sign-ins the address waits 1 s, then 2 s, 4 s…
 *   (up to `maxDelayMs`) before it may try again; meanwhile it gets 429 without any hashing. The
 *   account is never locked: the same user signs in from any other address. A successful sign-in
 *   does not wipe the count (else one's own account would reset the back-off between guesses at
 *   another's); failures age out of the window instead.
 * - Globally: at most `maxConcurrentHashes` hashes (half the cores) run at once, and at most
 *   `maxQueued` more wait their turn (a room of planners signing in together); beyond that an
 *   attempt gets 429 at once.
 * Kept in memory per app; a restart forgets it (an attacker gains nothing a pause would not give).
 */
import { availableParallelism } from 'node:os';

export type SignInGuardOptions = {
  freeFailures?: number;
  maxDelayMs?: number;
  /** Failures older than this are forgotten. */
  windowMs?: number;
  maxConcurrentHashes?: number;
  maxQueued?: number;
  /** Addresses remembered at most (oldest forgotten first), so a spray of addresses cannot fill memory. */
  maxClients?: number;
};

export type GuardRefusal = { code: 'too_many_attempts' | 'busy'; retryAfterS: number; message: string };

type Entry = { failures: number; last: number; until: number };

export function signInGuard({
  freeFailures = 5,
  maxDelayMs = 15 * 60_000,
  windowMs = 15 * 60_000,
  // Half the cores at most (one on a 2-core machine): the rest serve reads during a flood.
  maxConcurrentHashes = Math.max(1, Math.floor(availableParallelism() / 2)),
  maxQueued = 16,
  maxClients = 10_000,
}: SignInGuardOptions = {}) {
  const clients = new Map<string, Entry>();
  let hashing = 0;
  const waiting: (() => void)[] = [];
  const stats = { hashed: 0, peakHashing: 0, refusedClient: 0, refusedBusy: 0 };

  const entry = (client: string, now: number) => {
    const e = clients.get(client);
    if (e && now - e.last > windowMs && now >= e.until) {
      clients.delete(client);
      return undefined;
    }
    return e;
  };

  return {
    stats,
    /** Null when the client may try now; otherwise why not and for how long. Costs no hashing. */
    refusal(client: string): GuardRefusal | null {
      const now = Date.now();
      const e = entry(client, now);
      if (e && now < e.until) {
        stats.refusedClient++;
        return { code: 'too_many_attempts', retryAfterS: Math.ceil((e.until - now) / 1000), message: 'too many failed sign-ins from this address; wait and try again' };
      }
      if (hashing >= maxConcurrentHashes && waiting.length >= maxQueued) {
        stats.refusedBusy++;
        return { code: 'busy', retryAfterS: 1, message: 'too many sign-ins at once; try again in a second' };
      }
      return null;
    },
    /** Runs the hashing work, counted against the global cap. Call right after refusal() gave null. */
    async hashing<T>(work: () => Promise<T>): Promise<T> {
      // A finishing hash hands its slot straight to the next in line, so none can jump the queue.
      if (hashing >= maxConcurrentHashes) await new Promise<void>((turn) => waiting.push(turn));
      else hashing++;
      stats.hashed++;
      stats.peakHashing = Math.max(stats.peakHashing, hashing);
      try {
        return await work();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else hashing--;
      }
    },
    failed(client: string) {
      const now = Date.now();
      const e = entry(client, now) ?? { failures: 0, last: now, until: 0 };
      e.failures++;
      e.last = now;
      if (e.failures >= freeFailures) e.until = now + Math.min(1000 * 2 ** (e.failures - freeFailures), maxDelayMs);
      clients.delete(client);
      clients.set(client, e);
      while (clients.size > maxClients) clients.delete(clients.keys().next().value!);
    },
  };
}
export type SignInGuard = ReturnType<typeof signInGuard>;
