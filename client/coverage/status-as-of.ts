/**
 * Each project's status as it was on a date, from the status history: the last event at or before
 * the end of that day in China (shared/day.ts). The first status of a project is the one the plan text implies; it has
 * no date (at: null: the plan's date of issue has no source here), so it holds from the start until
 * a dated change. A project with no status by that day is "not yet recorded", unlike any status.
 */
import { endOfPlanDay, planDay } from '#shared/day.ts';
import type { StatusId } from '#shared/taxonomy.ts';

export type StatusEvent = { project: string; status: StatusId; at: string | null };

/** A calendar date, YYYY-MM-DD. */
export const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Status per project on `day`; projects with no event yet on that day are absent. */
export function statusAsOf(events: readonly StatusEvent[], day: string): Map<string, StatusId> {
  const until = endOfPlanDay(day);
  // Events in time order; events at the same instant keep the order the server gave (its id order).
  const ordered = events.map((e, i) => ({ e, t: e.at === null ? -Infinity : Date.parse(e.at), i })).sort((a, b) => (a.t === b.t ? a.i - b.i : a.t - b.t));
  const out = new Map<string, StatusId>();
  for (const { e, t } of ordered) {
    if (t > until) break;
    out.set(e.project, e.status);
  }
  return out;
}

/** Projects whose status on `day` rests on a dated change, not only on the plan's wording. */
export function changedBy(events: readonly StatusEvent[], day: string): Set<string> {
  const until = endOfPlanDay(day);
  return new Set(events.filter((e) => e.at !== null && Date.parse(e.at) <= until).map((e) => e.project));
}

/** The plan's goal year as a day on the timeline: "到2020年" is the last day of 2020. */
export const goalDay = (year: number) => `${year}-12-31`;

/**
 * The timeline's first and last day: from the earlier of the first event and the first goal's
 * year to the later of today, the last event and the last goal's year.
 */
export function timelineRange(events: readonly StatusEvent[], goalYears: readonly number[], today: string): { from: string; to: string } {
  const days = [...events.flatMap((e) => (e.at ? [planDay(e.at)] : [])), today].sort();
  const years = [...goalYears].sort((a, b) => a - b);
  const first = years.length ? `${years[0]}-01-01` : days[0]!;
  const last = years.length ? goalDay(years.at(-1)!) : days.at(-1)!;
  return { from: [days[0]!, first].sort()[0]!, to: [days.at(-1)!, last].sort().at(-1)! };
}

const DAY_MS = 86_400_000;
/** Whole days from `from` to `day`, and back. */
export const dayIndex = (from: string, day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
export const dayAt = (from: string, index: number) => new Date(Date.parse(`${from}T00:00:00Z`) + index * DAY_MS).toISOString().slice(0, 10);
