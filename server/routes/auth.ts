/** /api/auth: sign in (session cookie), sign out, and who am I (with the CSRF token for writes). */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { ApiError, validationHook } from '../errors.ts';
import type { AuthVars } from '../middleware/auth.ts';
import { loginLimiter, SESSION_COOKIE, SESSION_DAYS, signIn, signOut } from '../services/auth.ts';

const LoginSchema = z.object({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) }).strict();

export const authRoutes = (db: Db, opts: { secureCookie: boolean }, limiter = loginLimiter()) =>
  new Hono<{ Variables: AuthVars }>()
    .post('/login', zValidator('json', LoginSchema, validationHook), async (c) => {
      const { username, password } = c.req.valid('json');
      if (limiter.blocked(username)) throw new ApiError(429, 'too_many_attempts', 'too many failed sign-ins; wait a few minutes');
      const session = await signIn(db, username, password);
      if (!session) {
        limiter.failed(username);
        throw new ApiError(401, 'unauthorized', 'wrong username or password');
      }
      limiter.succeeded(username);
      setCookie(c, SESSION_COOKIE, session.secret, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: opts.secureCookie,
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
