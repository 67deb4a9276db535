/** A project's status on a date, from its history; projects not yet recorded are told apart. */
import { describe, expect, it } from 'vitest';
import { changedBy, dayAt, dayIndex, goalDay, isDay, statusAsOf, timelineRange, type StatusEvent } from '../../client/coverage/status-as-of.ts';

const events: StatusEvent[] = [
  { project: 'port', status: 'planned', at: '2016-03-01T08:00:00.000Z' },
  { project: 'rail', status: 'study', at: '2018-05-10T10:00:00.000Z' },
  { project: 'port', status: 'construction', at: '2019-07-01T00:00:00.000Z' },
  { project: 'rail', status: 'construction', at: '2021-01-01T00:00:00.000Z' },
  { project: 'port', status: 'operation', at: '2024-12-31T15:59:59.999Z' },
  { project: 'park', status: 'planned', at: '2026-12-01T21:00:00.000Z' },
];

describe('statusAsOf', () => {
  it('gives the last status at or before the end of the day, and leaves out projects not yet recorded', () => {
    expect(Object.fromEntries(statusAsOf(events, '2015-12-31'))).toEqual({});
    expect(Object.fromEntries(statusAsOf(events, '2018-05-10'))).toEqual({ port: 'planned', rail: 'study' });
    expect(Object.fromEntries(statusAsOf(events, '2020-12-31'))).toEqual({ port: 'construction', rail: 'study' });
    // The whole day counts, to its last millisecond in China (23:59:59.999 at UTC+8).
    expect(statusAsOf(events, '2024-12-31').get('port')).toBe('operation');
    expect(statusAsOf(events, '2024-12-30').get('port')).toBe('construction');
    expect(Object.fromEntries(statusAsOf(events, '2030-12-31'))).toEqual({ port: 'operation', rail: 'construction', park: 'planned' });
  });

  it('does not depend on the order events arrive in, except for events at the same instant', () => {
    expect(Object.fromEntries(statusAsOf([...events].reverse(), '2021-06-01'))).toEqual({ port: 'construction', rail: 'construction' });
    const same = '2022-01-01T00:00:00.000Z';
    const tied: StatusEvent[] = [
      { project: 'x', status: 'planned', at: same },
      { project: 'x', status: 'cancelled', at: same },
    ];
    expect(statusAsOf(tied, '2022-01-01').get('x')).toBe('cancelled');
  });

  it('holds the plan-implied first status (undated) from the start until a dated change', () => {
    const withPlan: StatusEvent[] = [
      { project: 'canal', status: 'construction', at: null },
      { project: 'dam', status: 'study', at: null },
      ...events,
      { project: 'canal', status: 'operation', at: '2023-04-01T09:00:00.000Z' },
    ];
    // The server gives the undated ones first; any order gives the same answer.
    for (const list of [withPlan, [...withPlan].reverse()]) {
      expect(statusAsOf(list, '1990-01-01')).toEqual(new Map([['canal', 'construction'], ['dam', 'study']]));
      expect(statusAsOf(list, '2023-04-01').get('canal')).toBe('operation');
      expect(statusAsOf(list, '2030-12-31').get('dam')).toBe('study');
    }
    expect(changedBy(withPlan, '2023-03-31')).toEqual(new Set(['port', 'rail']));
    expect(changedBy(withPlan, '2023-04-01').has('canal')).toBe(true);
    expect(timelineRange(withPlan.slice(0, 2), [2020, 2030], '2026-12-01')).toEqual({ from: '2020-01-01', to: '2030-12-31' });
  });
});

describe('timeline', () => {
  it('spans the events, today and the goal years', () => {
    expect(timelineRange(events, [2020, 2025, 2030], '2026-12-01')).toEqual({ from: '2016-03-01', to: '2030-12-31' });
    expect(timelineRange(events.slice(5), [2020, 2025, 2030], '2026-12-01')).toEqual({ from: '2020-01-01', to: '2030-12-31' });
    expect(timelineRange([], [], '2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });

  it('counts days and back, and dates goals at the end of their year', () => {
    expect(dayIndex('2020-01-01', '2020-12-31')).toBe(365);
    expect(dayAt('2020-01-01', 365)).toBe('2020-12-31');
    expect(dayAt('2020-01-01', dayIndex('2020-01-01', '2030-12-31'))).toBe('2030-12-31');
    expect(goalDay(2025)).toBe('2025-12-31');
  });

  it('accepts only real calendar days', () => {
    expect(isDay('2025-12-31')).toBe(true);
    expect(isDay('2025-02-30')).toBe(false);
    expect(isDay('2025-1-3')).toBe(false);
    expect(isDay('tomorrow')).toBe(false);
  });
});
