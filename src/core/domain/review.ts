// When a system's review is due and when work on its contract must start:
// the validator's warnings, the report, the reminders and the calendar all
// use these answers, so they always name the same dates.
import { addMonths, daysBetween } from '../text/dates.ts';

/** The day the next review is due, or undefined when the system was never reviewed. */
export function reviewDue(reviewed: string | undefined, months: number): string | undefined {
  return reviewed === undefined ? undefined : addMonths(reviewed, months);
}

export function isReviewOverdue(reviewed: string | undefined, months: number, today: string): boolean {
  const due = reviewDue(reviewed, months);
  return due === undefined || due < today;
}

/** Days until the contract ends if that is within `warningDays` (0 = today), else undefined. */
export function contractEndsWithin(end: string | undefined, warningDays: number, today: string): number | undefined {
  if (!end) return undefined;
  const remaining = daysBetween(today, end);
  return remaining >= 0 && remaining <= warningDays ? remaining : undefined;
}

/**
 * A notice period as people write it, in months: "6 månader", "3 mån",
 * "1 år", "90 dagar" (about 3 months). Undefined when it cannot be read.
 */
export function noticePeriodMonths(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = /(\d+(?:[.,]\d+)?)\s*(år|månad|månader|mån|man|manader|veckor|vecka|v|dagar|dag|d)\b/i.exec(text);
  if (!match) return undefined;
  const amount = Number((match[1] as string).replace(',', '.'));
  const unit = (match[2] as string).toLowerCase();
  if (unit === 'år') return amount * 12;
  if (/^v/.test(unit)) return Math.round((amount * 7) / 30);
  if (/^d/.test(unit)) return Math.round(amount / 30);
  return amount;
}

export interface ContractDeadlines {
  end: string;
  /** The last day to give notice: the end less the notice period. */
  noticeBy: string;
  /** The day a new procurement must start: the notice day less the time a procurement takes (LOU). */
  actBy: string;
  noticeMonths: number;
  /** The notice period was written but could not be read; counted as none. */
  noticeUnread: boolean;
}

export function contractDeadlines(
  contract: { end?: string | undefined; noticePeriod?: string | undefined } | undefined,
  procurementLeadMonths: number,
): ContractDeadlines | undefined {
  if (!contract?.end) return undefined;
  const months = noticePeriodMonths(contract.noticePeriod);
  const noticeMonths = months ?? 0;
  const noticeBy = addMonths(contract.end, -Math.round(noticeMonths));
  return {
    end: contract.end,
    noticeBy,
    actBy: addMonths(noticeBy, -procurementLeadMonths),
    noticeMonths,
    noticeUnread: contract.noticePeriod !== undefined && months === undefined,
  };
}
