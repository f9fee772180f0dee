// Small charts laid out at build time: bars for counts and shares, and a
// timeline of contracts ending. Pure geometry from the model; the site draws
// them as SVG beside a table with the same figures (the table is the chart's
// text alternative and what a screen reader reads).
import { needsReview } from '#core/domain/lifecycle.ts';
import type { VisibleModel, VisibleSystem } from '#core/model/model.ts';
import { contractDeadlines } from '#core/domain/review.ts';
import { addMonths, daysBetween } from '#core/text/dates.ts';

export interface Bar {
  label: string;
  value: number;
  /** As shown at the bar's end: "30" or "95 %". */
  text: string;
  /** The bar's length, in per cent of the chart's widest: it scales with the screen, its text does not. */
  percent: number;
}

export interface BarChart {
  bars: Bar[];
}

/** Horizontal bars scaled to `max` (default: the largest value). O(rows). */
export function barChart(rows: readonly { label: string; value: number; text?: string }[], max?: number): BarChart {
  const top = max ?? Math.max(1, ...rows.map((row) => row.value));
  return {
    bars: rows.map((row) => ({
      label: row.label,
      value: row.value,
      text: row.text ?? String(row.value),
      percent: row.value > 0 ? Math.max(0.5, Math.round((1000 * row.value) / top) / 10) : 0,
    })),
  };
}

export interface TimelineRow {
  system: VisibleSystem;
  /** When a new procurement must start (LOU); before the window's start when it is already late. */
  actBy: string;
  noticeBy: string;
  end: string;
  /** Positions along the time axis in per cent, 0 at the window's start. */
  x: { actBy: number; noticeBy: number; end: number };
  /** What is already late: the procurement should have started, or even the notice been given. */
  late?: 'upphandling' | 'uppsägning';
}

export interface Timeline {
  start: string;
  end: string;
  /** The soonest, at most TIMELINE_ROWS. */
  rows: TimelineRow[];
  /** How many more contracts end in the window than the rows show. */
  more: number;
  /** The first of each month in the window, with its position in per cent and its name ("jan. 2027"): the axis. */
  months: { date: string; x: number; label: string }[];
}

/** A timeline longer than this is no longer read; the calendar (avtal.ics) and the downloads have every contract. */
export const TIMELINE_ROWS = 40;

/**
 * Contracts of systems in use that end within `months` from today, soonest
 * first, with the day to start a new procurement and the last day for notice.
 */
export function contractTimeline(model: VisibleModel, today: string, months = 24): Timeline {
  const end = addMonths(today, months);
  const total = Math.max(1, daysBetween(today, end));
  const at = (date: string) => Math.round((Math.min(total, Math.max(0, daysBetween(today, date))) / total) * 1000) / 10;
  const rows: TimelineRow[] = [];
  for (const system of model.systems) {
    if (!needsReview(system.status)) continue;
    const deadlines = contractDeadlines(system.contract, model.settings.procurementLeadMonths ?? 0);
    if (!deadlines || deadlines.end < today || deadlines.end > end) continue;
    rows.push({
      system,
      actBy: deadlines.actBy,
      noticeBy: deadlines.noticeBy,
      end: deadlines.end,
      x: { actBy: at(deadlines.actBy), noticeBy: at(deadlines.noticeBy), end: at(deadlines.end) },
      ...(deadlines.noticeBy < today ? { late: 'uppsägning' as const } : deadlines.actBy < today ? { late: 'upphandling' as const } : {}),
    });
  }
  rows.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.system.name.localeCompare(b.system.name, 'sv')));
  const axis: Timeline['months'] = [];
  for (let index = 1; index <= months; index++) {
    const first = `${addMonths(today, index).slice(0, 7)}-01`;
    if (first <= end) axis.push({ date: first, x: at(first), label: monthLabel(first) });
  }
  return { start: today, end, rows: rows.slice(0, TIMELINE_ROWS), more: Math.max(0, rows.length - TIMELINE_ROWS), months: axis };
}

/** Months as Swedish writes them short, with the whole year, so that "jan. 2027" cannot be read as a day. */
const MONTHS = ['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];

export function monthLabel(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
