/** The only place the client talks to the server: Hono's typed client over AppType. */
import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../server/app.ts';

export const api = hc<AppType>('/', { init: { credentials: 'same-origin' } });

/** A route's success body (every typed response but the error shape). */
type Body<F extends (...args: never[]) => unknown> = Exclude<InferResponseType<F>, { error: unknown }>;

export type ProjectCollection = Body<typeof api.api.projects.$get>;
export type ProjectFeature = ProjectCollection['features'][number];
export type ProjectDetail = Body<(typeof api.api.projects)[':id']['$get']>;
export type PlanPayload = Body<typeof api.api.plan.$get>;
export type PlanNodeOut = PlanPayload['nodes'][number];
export type Coverage = Body<typeof api.api.stats.coverage.$get>;
export type Me = Body<typeof api.api.auth.me.$get>;
export type SavedView = Body<typeof api.api.views.$get>['views'][number];
export type ErrorPayload = { error: { code: string; message: string; field?: string }; current?: ProjectDetail };

type AnyResponse = { ok: boolean; status: number; json(): Promise<unknown> };
/** The success body: every typed body but the error shape. */
type OkBody<R extends AnyResponse> = Exclude<Awaited<ReturnType<R['json']>>, { error: unknown }>;

/** Awaits a typed call: its (typed) JSON when ok, else throws an ApiFailure with the error body. */
export async function unwrap<R extends AnyResponse>(call: Promise<R>): Promise<OkBody<R>> {
  const res = await call;
  const body = await res.json();
  if (!res.ok) throw new ApiFailure(res.status, body as ErrorPayload);
  return body as OkBody<R>;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorPayload,
  ) {
    super(body?.error?.message ?? `HTTP ${status}`);
  }
}
