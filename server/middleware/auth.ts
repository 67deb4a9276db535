/** Who is calling: a session cookie (with CSRF token on writes) or a bearer API token. */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/client.ts';
import { ApiError } from '../errors.ts';
import { SESSION_COOKIE, userFromApiToken, userFromSession, type Role, type User } from '../services/auth.ts';

export type AuthVars = { user: User | null; csrfToken: string | null; viaCookie: boolean };

export const identify = (db: Db) =>
  createMiddleware<{ Variables: AuthVars }>(async (c, next) => {
    c.set('user', null);
    c.set('csrfToken', null);
    c.set('viaCookie', false);
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      const user = await userFromApiToken(db, bearer);
      if (!user) throw new ApiError(401, 'unauthorized', 'invalid API token');
      c.set('user', user);
    } else {
      const secret = getCookie(c, SESSION_COOKIE);
      const session = secret ? await userFromSession(db, secret) : null;
      if (session) {
        c.set('user', session.user);
        c.set('csrfToken', session.csrfToken);
        c.set('viaCookie', true);
      }
    }
    await next();
  });

/** Requires a signed-in user with one of the roles; cookie sessions must echo the CSRF token. */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<{ Variables: AuthVars }>(async (c, next) => {
    const user = c.get('user');
    if (!user) throw new ApiError(401, 'unauthorized', 'sign in first');
    if (!roles.includes(user.role)) throw new ApiError(403, 'forbidden', `needs role ${roles.join(' or ')}`);
    if (c.get('viaCookie') && c.req.header('x-csrf-token') !== c.get('csrfToken')) {
      throw new ApiError(403, 'csrf', 'missing or wrong X-CSRF-Token header');
    }
    await next();
  });
