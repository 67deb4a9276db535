/** /api/auth: sign in (session cookie), sign out, and who am I (with the CSRF token for writes). */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { ApiError, validationHook } from '../errors.ts';
import type { AuthVars } from '../middleware/auth.ts';
import { clientAddress } from '../middleware/client-address.ts';
import { SESSION_COOKIE, SESSION_DAYS, signIn, signOut } from '../services/auth.ts';
import { signInGuard, type SignInGuard } from '../services/sign-in-guard.ts';

const LoginSchema = z.object({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) }).strict();

export type AuthRouteOptions = { secureCookie: boolean; trustProxy?: boolean; guard?: SignInGuard };

export const authRoutes = (db: Db, { secureCookie, trustProxy = false, guard = signInGuard() }: AuthRouteOptions) =>
  new Hono<{ Variables: AuthVars }>()
    .post('/login', zValidator('json', LoginSchema, validationHook), async (c) => {
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
      return c.json({ user: session.user, csrfToken: session.csrfToken });
    })
    .post('/logout', async (c) => {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret) await signOut(db, secret);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    })
    .get('/me', (c) => c.json({ user: c.get('user'), csrfToken: c.get('csrfToken') }));
