// When a system's review is due and how long its contract has left: the
// validator's warnings and the IT department's report use the same answers.
import { addMonths, daysBetween } from '../text/dates.ts';

/** The day the next review is due, or undefined when the system was never reviewed. */
function reviewDue(reviewed: string | undefined, months: number): string | undefined {
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
