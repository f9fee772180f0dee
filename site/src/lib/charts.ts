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
  y: number;
  width: number;
}

export interface BarChart {
  width: number;
  height: number;
  /** Where the bars start; labels are right-aligned before it. */
  labelWidth: number;
  barHeight: number;
  bars: Bar[];
}

const CHART_WIDTH = 560;
const BAR_HEIGHT = 22;
const GAP = 8;
/** About the width of a character of the chart's text, for the label column. */
const CHARACTER = 7.2;

/** Horizontal bars scaled to `max` (default: the largest value). O(rows). */
export function barChart(rows: readonly { label: string; value: number; text?: string }[], max?: number): BarChart {
  const labelWidth = Math.min(240, Math.max(60, ...rows.map((row) => Math.ceil(row.label.length * CHARACTER) + 8)));
  const room = CHART_WIDTH - labelWidth - 56;
  const top = max ?? Math.max(1, ...rows.map((row) => row.value));
  return {
    width: CHART_WIDTH,
    height: rows.length * (BAR_HEIGHT + GAP) + GAP,
    labelWidth,
    barHeight: BAR_HEIGHT,
    bars: rows.map((row, index) => ({
      label: row.label,
      value: row.value,
      text: row.text ?? String(row.value),
      y: GAP + index * (BAR_HEIGHT + GAP),
      width: Math.max(row.value > 0 ? 2 : 0, Math.round((room * row.value) / top)),
    })),
  };
}

export interface TimelineRow {
  system: VisibleSystem;
  /** When a new procurement must start (LOU); before the window's start when it is already late. */
  actBy: string;
  noticeBy: string;
  end: string;
  /** Positions along the time axis, 0 at the window's start. */
  x: { actBy: number; noticeBy: number; end: number };
}

export interface Timeline {
  start: string;
  end: string;
  width: number;
  /** The soonest, at most TIMELINE_ROWS. */
  rows: TimelineRow[];
  /** How many more contracts end in the window than the rows show. */
  more: number;
  /** The first of each month in the window, with its position: the axis. */
  months: { date: string; x: number }[];
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
  const width = CHART_WIDTH;
  const at = (date: string) => Math.round((Math.min(total, Math.max(0, daysBetween(today, date))) / total) * width);
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
    });
  }
  rows.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.system.name.localeCompare(b.system.name, 'sv')));
  const axis: Timeline['months'] = [];
  for (let index = 1; index <= months; index++) {
    const first = `${addMonths(today, index).slice(0, 7)}-01`;
    if (first <= end) axis.push({ date: first, x: at(first) });
  }
  return { start: today, end, width, rows: rows.slice(0, TIMELINE_ROWS), more: Math.max(0, rows.length - TIMELINE_ROWS), months: axis };
}
