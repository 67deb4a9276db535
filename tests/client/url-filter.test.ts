/**
 * The client reads a link's filters without zod (client/state/url-filter.ts); the API reads the same
 * parameters with ProjectFilterSchema. Whatever a link holds, both must agree on what it means.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ProjectFilterSchema } from '#shared/filters.ts';
import { MAX_LIST_VALUES } from '#shared/limits.ts';
import { CATEGORY_IDS, MILESTONES, PROVINCE_IDS, STAGE_IDS, STATUS_IDS } from '#shared/taxonomy.ts';
import {
  isListValue,
  LIST_KEYS,
  readAgency,
  readAgencyRole,
  readList,
  readNear,
  readQuery,
  readRadius,
  type ListKey,
} from '../../client/state/url-filter.ts';

const S = ProjectFilterSchema.shape;
/** What the API makes of one parameter: its value, or undefined when it answers 400. */
const api = <K extends keyof typeof S>(key: K, raw: string) => {
  const r = S[key].safeParse(raw);
  return r.success ? r.data : undefined;
};

/** Pieces a link's values are made of: good ids, near misses, separators, blanks, numbers. */
const VALUE_PIECES: Record<ListKey, string[]> = {
  node: ['pre', '1', '2.1', '2.1.3', '2.1.3.m1', '2.1.3.m12', '2.1.3.m', '1.2.g2020', '1.2.g2120', '2.g2030', '9.9', '2.1.1.1', '2.x', 'pre.1', '10', '1.2.g19'],
  category: [...CATEGORY_IDS, 'port', 'Seaport', ''],
  status: [...STATUS_IDS, 'done', ''],
  stage: [...STAGE_IDS, 'later'],
  province: [...PROVINCE_IDS, 'Hebei', 'tianjin '],
  milestone: [...MILESTONES.map(String), '2021', '2020.0', ' 2025', '0x7E4', '2e3', 'abc', '-2030'],
};
const listRaw = (key: ListKey) =>
  fc
    .array(fc.oneof(fc.constantFrom(...VALUE_PIECES[key]), fc.string({ maxLength: 6 })), { maxLength: 8 })
    .chain((parts) => fc.array(fc.constantFrom(',', ', ', ' ,', ',,'), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + (i < parts.length - 1 ? seps[i] : '')).join('')));

/** The API's reading of a list, with the client's rule on top: a link keeps its good values. */
function apiList(key: ListKey, raw: string) {
  const whole = api(key, raw);
  if (whole !== undefined) return whole;
  const good = raw.split(',').filter((v) => api(key, v.trim()) !== undefined);
  return good.length ? api(key, good.join(',')) : undefined;
}

describe('a link\'s filters, read without zod', () => {

  for (const key of LIST_KEYS) {
    it(`reads ${key} lists as the API does, keeping the good values`, () => {
      fc.assert(fc.property(listRaw(key), (raw) => {
          expect(readList(raw, key)).toEqual(apiList(key, raw));
        }), { numRuns: 400 });
    });
  }

  it('judges one list value as the API does', () => {
    for (const key of LIST_KEYS) for (const v of VALUE_PIECES[key]) expect(isListValue(key, v), `${key}=${v}`).toBe(api(key, v.trim()) !== undefined);
  });

  it('drops a list with more values than the API takes', () => {
    const many = Array.from({ length: MAX_LIST_VALUES + 1 }, (_, i) => `2.1.${i % 10}.m${i}`).join(',');
    expect(api('node', many)).toBeUndefined();
    expect(readList(many, 'node')).toBeUndefined();
    expect(readList(many.split(',').slice(1).join(','), 'node')).toHaveLength(MAX_LIST_VALUES);
  });

  it('reads near, radius, agency, role and text as the API does', () => {
    const num = fc.oneof(fc.double({ min: -200, max: 200, noNaN: true }).map(String), fc.constantFrom('', ' ', 'x', 'Infinity', '1e3', '0', '-0', '1001', '1000', '90.5'));
    fc.assert(
      fc.property(fc.array(num, { maxLength: 3 }).map((a) => a.join(',')), (raw) => {
        expect(readNear(raw)).toEqual(api('near', raw));
        expect(readRadius(raw)).toEqual(api('radius_km', raw));
      }),
      { numRuns: 600 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('transport-commission', 'lead', 'any', 'shared', 'Lead', 'a b', ' '.repeat(101), 'x'.repeat(101), ` ${'y'.repeat(100)} `)), (raw) => {
        expect(readAgency(raw)).toEqual(api('agency', raw));
        expect(readAgencyRole(raw)).toEqual(api('agency_role', raw));
        expect(readQuery(raw)).toEqual(api('q', raw));
      }),
      { numRuns: 600 },
    );
  });

  it('treats a missing parameter as the API treats an absent one', () => {
    expect([readList(null, 'node'), readAgency(null), readNear(null), readRadius(null), readQuery(null), readAgencyRole(null)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
