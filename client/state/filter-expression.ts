/**
 * The view's filters as one MapLibre expression: the map's layers use it, and the list and counts
 * evaluate the very same expression in JS (matcher), so they can never disagree.
 * List-valued feature properties are delimited strings (",a,b,") from the API.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Filters } from './view-state.ts';

const anyOf = (prop: string, values: readonly (string | number)[]): ExpressionSpecification =>
  ['in', ['get', prop], ['literal', values]];

const containsAny = (prop: string, needles: string[]): ExpressionSpecification =>
  ['any', ...needles.map((n): ExpressionSpecification => ['in', n, ['get', prop]])];

/** `ids`: the result of a server-side search or radius query, or null when none is active. */
export function filterExpression(f: Filters, ids: readonly string[] | null): ExpressionSpecification | null {
  const parts: ExpressionSpecification[] = [];
  if (f.categories.length) parts.push(anyOf('category', f.categories));
  if (f.statuses.length) parts.push(anyOf('status', f.statuses));
  if (f.stages.length) parts.push(anyOf('stage', f.stages));
  if (f.milestones.length) parts.push(anyOf('milestone', f.milestones));
  if (f.provinces.length) parts.push(containsAny('provinces', f.provinces.map((p) => `,${p},`)));
  // A node matches itself and everything below it: ",2.1," or ",2.1.…".
  if (f.nodes.length) parts.push(containsAny('nodes', f.nodes.flatMap((n) => [`,${n},`, `,${n}.`])));
  if (f.agency) {
    const roles = f.agencyRole === 'any' ? ['lead', 'cooperating', 'shared'] : [f.agencyRole];
    parts.push(containsAny('agencies', roles.map((r) => `,${r}:${f.agency},`)));
  }
  // A search's ids by `match`, which MapLibre looks up in a table: `in` over a list scans it for
  // every feature of every tile (a large set's search may match thousands).
  if (ids) parts.push(ids.length ? ['match', ['get', 'id'], [...ids], true, false] : anyOf('id', ids));
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : ['all', ...parts];
}

/**
 * Evaluates the few operators filterExpression writes (all, any, in, match, get, literal) as MapLibre does,
 * without shipping a second copy of MapLibre's expression engine; tests/client/matcher.test.ts
 * checks it against the style spec's own featureFilter. Any other operator is a programming error.
 */
function evaluate(e: unknown, properties: Record<string, unknown>): unknown {
  if (!Array.isArray(e)) return e;
  const [op, ...args] = e as [string, ...unknown[]];
  switch (op) {
    case 'all':
      return args.every((a) => evaluate(a, properties) === true);
    case 'any':
      return args.some((a) => evaluate(a, properties) === true);
    case 'get':
      return properties[args[0] as string] ?? null;
    case 'literal':
      return args[0];
    case 'match':
      // Only the form filterExpression writes: input, one list of labels, then true and false.
      return (args[1] as unknown[]).includes(evaluate(args[0], properties)) ? args[2] : args[3];
    case 'in': {
      const needle = evaluate(args[0], properties);
      const haystack = evaluate(args[1], properties);
      if (Array.isArray(haystack)) return haystack.includes(needle);
      return typeof haystack === 'string' && typeof needle === 'string' && haystack.includes(needle);
    }
    default:
      throw new Error(`matcher: operator ${op} is not supported`);
  }
}

/** Evaluates a filter expression against feature properties, as MapLibre does. */
export function matcher(expr: ExpressionSpecification | null): (properties: Record<string, unknown>) => boolean {
  if (!expr) return () => true;
  return (properties) => evaluate(expr, properties) === true;
}
