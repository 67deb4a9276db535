/**
 * The address a request came from, for rate limits. By default the TCP peer; with TRUST_PROXY=true
 * (the server sits behind one reverse proxy that appends the client to X-Forwarded-For) the last
 * address in that header, which is the one the proxy saw. Never trust the header without a proxy:
 * any client can write it.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}
