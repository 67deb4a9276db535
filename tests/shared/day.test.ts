/** One day for the whole atlas: the calendar day in China, whatever the clock's own zone. */
import { describe, expect, it } from 'vitest';
import { endOfPlanDay, planDay } from '../../shared/day.ts';
import { statusAsOf } from '../../client/coverage/status-as-of.ts';
import { exportDate } from '../../server/services/export-names.ts';

describe('planDay', () => {
  it('turns to the next day at midnight in China (16:00 UTC), not at midnight UTC', () => {
    expect(planDay('2026-12-01T15:59:59.999Z')).toBe('2026-12-01');
    expect(planDay('2026-12-01T16:00:00.000Z')).toBe('2026-12-02');
    expect(planDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('ends a day at its last millisecond in China', () => {
    expect(endOfPlanDay('2026-12-01')).toBe(Date.parse('2026-12-01T15:59:59.999Z'));
    expect(planDay(new Date(endOfPlanDay('2026-12-01')))).toBe('2026-12-01');
    expect(planDay(new Date(endOfPlanDay('2026-12-01') + 1))).toBe('2026-12-02');
  });

  it('is the day the timeline and the export names use', () => {
    // A change at 05:00 in Tianjin on 2 December is 21:00 UTC on 1 December.
    const events = [{ project: 'park', status: 'construction' as const, at: '2026-12-01T21:00:00.000Z' }];
    expect(statusAsOf(events, '2026-12-01').has('park')).toBe(false);
    expect(statusAsOf(events, '2026-12-02').get('park')).toBe('construction');
    expect(exportDate(new Date('2026-12-01T21:00:00.000Z'))).toBe('2026-12-02');
  });
});
