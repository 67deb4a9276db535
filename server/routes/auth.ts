/** /api/auth: sign in (session cookie), sign out, and who am I (with the CSRF token for writes). */
import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { MeSchema, OkSchema, SessionSchema } from '#shared/api-schema.ts';
import { ApiError } from '../errors.ts';
import type { AuthVars } from '../middleware/auth.ts';
import { clientAddress } from '../middleware/client-address.ts';
import { SESSION_COOKIE, SESSION_DAYS, signIn, signOut } from '../services/auth.ts';
import { signInGuard, type SignInGuard } from '../services/sign-in-guard.ts';
import { errors, group, json, jsonBody } from './kit.ts';

const LoginSchema = z.object({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) }).strict();

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  summary: 'Sign in: sets an HttpOnly session cookie, returns the CSRF token',
  request: { body: jsonBody(LoginSchema) },
  responses: { 200: json(SessionSchema, 'Signed in: the user and the CSRF token writes must send'), ...errors(400, 401, 413, 429) },
});
const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  summary: 'Sign out',
  responses: { 200: json(OkSchema, 'Signed out (also when no one was signed in)') },
});
const meRoute = createRoute({
  method: 'get',
  path: '/me',
  summary: 'The signed-in user and CSRF token, or null',
  responses: { 200: json(MeSchema, 'The user, or nulls') },
});

export type AuthRouteOptions = { secureCookie: boolean; trustProxy?: boolean; guard?: SignInGuard };

export const authRoutes = (db: Db, { secureCookie, trustProxy = false, guard = signInGuard() }: AuthRouteOptions) =>
  group<{ Variables: AuthVars }>()
    .openapi(loginRoute, async (c) => {
      const { username, password } = c.req.valid('json');
      // Refused before any hashing: an address that keeps failing waits, and so does a crowd.
      const client = clientAddress(c, trustProxy);
      const refusal = guard.refusal(client);
      if (refusal) {
        c.header('Retry-After', String(refusal.retryAfterS));
        throw new ApiError(429, refusal.code, refusal.message);
      }
      const session = await guard.hashing(() => signIn(db, username, password));
      if (!session) {
        guard.failed(client);
        throw new ApiError(401, 'unauthorized', 'wrong username or password');
      }
      setCookie(c, SESSION_COOKIE, session.secret, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: secureCookie,
        path: '/',
        maxAge: SESSION_DAYS * 86400,
      });
      return c.json({ user: session.user, csrfToken: session.csrfToken }, 200);
    })
    .openapi(logoutRoute, async (c) => {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret) await signOut(db, secret);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true }, 200);
    })
    .openapi(meRoute, (c) => c.json({ user: c.get('user'), csrfToken: c.get('csrfToken') }, 200));
