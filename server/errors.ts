/** One JSON error shape for every failure: {error: {code, message, field?}}. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export type ErrorBody = { error: { code: string; message: string; field?: string } };

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Extra data a client needs to recover, e.g. the current state after a 409. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A problem a person fixes (a variable, a path, a port): printed as one line, without a stack. */
export class StartupError extends Error {}

export const badRequest = (field: string, message: string) => new ApiError(400, 'bad_request', `${field}: ${message}`, field);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

export function errorBody(e: ApiError): ErrorBody & { current?: unknown } {
  const body: ErrorBody & { current?: unknown } = { error: { code: e.code, message: e.message } };
  if (e.field) body.error.field = e.field;
  if (e.details !== undefined) body.current = e.details;
  return body;
}

export function zodToApiError(err: ZodError): ApiError {
  const issue = err.issues[0];
  // The parameter or body field itself ("category", not "category.0"); unknown keys name themselves.
  const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : String(issue?.path[0] ?? 'body');
  const message = issue?.code === 'unrecognized_keys' ? 'unknown parameter' : (issue?.message ?? 'invalid');
  return badRequest(field, message);
}

/** Hook for zValidator: a failed parse becomes a 400 naming the field. */
export const validationHook = (result: { success: boolean; error?: unknown }, c: Context) => {
  if (!result.success) {
    const e = zodToApiError(result.error as ZodError);
    return c.json(errorBody(e), 400);
  }
};

/**
 * One log line per failed request: method, path, and what failed (an error class and a driver
 * code), never SQL, parameters or bodies, which can be long and can hold secrets. DEBUG=1 adds the
 * stack for a developer.
 */
export function logError(method: string, path: string, err: unknown) {
  const e = err as { name?: string; code?: unknown; cause?: { code?: unknown; name?: string } } | null;
  const code = [e?.code, e?.cause?.code].find((x): x is string => typeof x === 'string' && /^[\w.-]{1,40}$/.test(x)) ?? '';
  const kind = e?.cause?.name && e.cause.name !== 'Error' ? e.cause.name : (e?.name ?? 'Error');
  console.error(`${method} ${path.slice(0, 200)} 500 ${kind}${code ? ` ${code}` : ''}`);
  if (process.env.DEBUG) console.error(err);
}

/**
 * The version an If-Match header names (`"v3"`, `W/"v3"`, `"v3-abc123"`, `3`), undefined if there is
 * none; a header that names no version is a 400. `what` names the resource in the message.
 */
export function versionFromIfMatch(header: string | undefined, what: string): number | undefined {
  if (header === undefined) return undefined;
  const m = /^(?:W\/)?"v?(\d+)(?:-[0-9a-f]+)?"$|^v?(\d+)$/.exec(header.trim());
  const version = Number(m?.[1] ?? m?.[2]);
  if (!m || !Number.isSafeInteger(version) || version < 1) throw badRequest('If-Match', `must be the ETag of the ${what} (or its version number)`);
  return version;
}
