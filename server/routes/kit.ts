/**
 * What every route group uses to declare its routes for @hono/zod-openapi: a group that turns a
 * failed validation into the one 400 error shape, and the response pieces (a JSON answer, the
 * error answers, a file) that the OpenAPI document (server/openapi.ts) is generated from.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { z } from 'zod';
import { ErrorSchema } from '#shared/api-schema.ts';
import { validationHook } from '../errors.ts';

/** A route group whose validators answer a bad input with a 400 naming the field. */
export const group = <E extends Env = Env>() => new OpenAPIHono<E>({ defaultHook: validationHook });

/** A JSON answer with its schema. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A JSON request body (required: a request without one is refused, never read as {}). */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

const ERRORS = {
  400: 'Bad input: {error: {code, message, field}} names the parameter or field',
  401: 'Not signed in, or an unknown API token',
  403: 'Signed in without the role, or a cookie session without its X-CSRF-Token',
  404: 'No such resource',
  409: 'Changed by someone else since the version sent: `current` holds it as it is now',
  413: 'Body over 16 KiB',
  428: 'No version sent (body.version or If-Match)',
  429: 'Too many failed sign-ins from this address, or too many at once: see Retry-After',
} as const;

/** The error answers a route can give, all in the one error shape. */
export function errors<C extends keyof typeof ERRORS>(...codes: C[]) {
  return Object.fromEntries(codes.map((code) => [code, json(ErrorSchema, ERRORS[code])])) as { [K in C]: ReturnType<typeof json<typeof ErrorSchema>> };
}

/** Writes: a cookie session (plus X-CSRF-Token) or a bearer API token. */
export const EDITOR_SECURITY: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

/** The If-Match header of versioned writes (read by the handler, so it is declared here as data). */
export const ifMatchHeader = (what: string) => ({
  name: 'If-Match',
  in: 'header' as const,
  required: false,
  description: `The ${what} version seen (its ETag), if not in the body`,
  schema: { type: 'string' as const },
});
