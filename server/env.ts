/** The server's configuration, read once from process.env and checked; a bad value stops start-up. */
import { z } from 'zod';
import { StartupError } from './errors.ts';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, http(s): or ws(s):')
    .default('file:data/atlas.db'),
  LIBSQL_AUTH_TOKEN: z.string().optional(),
  /** "true" requires sign-in for reading as well as writing. */
  REQUIRE_SIGN_IN_TO_READ: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The built client (vite build output) served at /. */
  CLIENT_DIR: z.string().min(1).default('dist'),
  /** Set on HTTPS deployments so session cookies are marked Secure. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** "true" behind one reverse proxy: sign-in limits key on the last X-Forwarded-For address. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      const value = String(source[name] ?? '').slice(0, 60);
      return `${name}=${JSON.stringify(value)}: ${i.message}`;
    });
    throw new StartupError(`invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
