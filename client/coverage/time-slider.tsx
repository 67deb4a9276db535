/**
 * Status over time: a day slider over the status history and the plan's goal years; the map then
 * shows each project's status as it was on that day. The plan's goals (到2020年, 到2025年,
 * 展望2030年) stand on the same timeline, and the goal the chosen day leads to is quoted verbatim
 * under it. Dragging previews the day; letting go (or a key) puts it in the URL.
 */
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../i18n/error-text.ts';
import { titleOf, useT } from '../i18n/use-lang.ts';
import type { PlanNodeOut } from '../lib/api.ts';
import { planDay } from '#shared/day.ts';
import { dayAt, dayIndex, goalDay, timelineRange, type StatusEvent } from './status-as-of.ts';

type Props = {
  events: StatusEvent[] | null;
  goals: PlanNodeOut[];
  asOf: string | null;
  onAsOf: (day: string | null) => void;
  /** The history could not be loaded. */
  error?: unknown;
};

export function TimeSlider({ events, goals, asOf, onAsOf, error }: Props) {
  const { t, lang } = useT();
  const today = planDay();
  const years = goals.map((g) => g.year!).filter(Boolean);
  const { from, to } = timelineRange(events ?? [], years, today);
  const last = Math.max(dayIndex(from, to), 1);
  const [draft, setDraft] = useState<number | null>(null);
  const value = draft ?? dayIndex(from, asOf ?? today);
  const day = dayAt(from, value);
  const input = useRef<HTMLInputElement>(null);
  // The native change event comes when the thumb is let go or a key moved it: that is a choice.
  const commit = useRef((_v: number) => {});
  useEffect(() => {
    commit.current = (v: number) => {
      setDraft(null);
      onAsOf(dayAt(from, v));
    };
  });
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const onChange = () => commit.current(Number(el.value));
    el.addEventListener('change', onChange);
    return () => el.removeEventListener('change', onChange);
  }, []);
  const pct = (d: string) => `${(100 * dayIndex(from, d)) / last}%`;
  const changes = [...new Set((events ?? []).flatMap((e) => (e.at ? [planDay(e.at)] : [])))];
  // The goal this day leads to: the first goal year not yet past, else the last one.
  const sorted = [...goals].sort((a, b) => a.year! - b.year!);
  const goal = sorted.find((g) => goalDay(g.year!) >= day) ?? sorted.at(-1);
  return (
    <section className="time-slider" aria-label={t.timeline} data-testid="time-slider" data-day={asOf ?? ''}>
      <div className="time-head">
        <strong>{asOf || draft !== null ? t.statusOn(day) : t.statusNow}</strong>
        <button type="button" aria-pressed={!asOf} onClick={() => onAsOf(null)}>
          {t.today}
        </button>
      </div>
      {error != null && <p role="alert">{errorText(error, lang)}</p>}
      <div className="time-track">
        <input
          ref={input}
          type="range"
          min={0}
          max={last}
          step={1}
          value={value}
          aria-label={t.timelineDay}
          aria-valuetext={day}
          data-from={from}
          onChange={(e) => setDraft(Number(e.target.value))}
        />
        <div className="time-marks" aria-hidden>
          {changes.map((d) => (
            <span key={d} className="time-change" style={{ left: pct(d) }} />
          ))}
          <span className="time-today" style={{ left: pct(today) }} />
        </div>
        <div className="time-goals" role="group" aria-label={t.planGoalsOnTimeline}>
          {sorted.map((g) => (
            <button
              key={g.id}
              type="button"
              className="time-goal"
              style={{ left: pct(goalDay(g.year!)) }}
              aria-pressed={asOf === goalDay(g.year!)}
              title={`${titleOf(lang, g)}${t.colon}${g.text_zh}`}
              data-goal={g.year}
              onClick={() => onAsOf(goalDay(g.year!))}
            >
              {g.year}
            </button>
          ))}
        </div>
      </div>
      <div className="time-scale" aria-hidden>
        <span>{from}</span>
        <span>{to}</span>
      </div>
      {goal && (
        <p className="time-goal-text" data-testid="goal-text" data-goal={goal.year}>
          <strong>{t.planGoal}</strong> <span lang="zh-CN">{goal.text_zh}</span>
        </p>
      )}
    </section>
  );
}
