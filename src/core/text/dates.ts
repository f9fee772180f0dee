// Calendar arithmetic on ISO dates (ÅÅÅÅ-MM-DD), in UTC so that results do not
// depend on the machine's time zone.

const DAY_MS = 86_400_000;

/** True for a date that exists, written ÅÅÅÅ-MM-DD (2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * When a site is built: now, or SOURCE_DATE_EPOCH (seconds) when set, the
 * convention for reproducible builds, so that two builds of the same register
 * can be compared byte for byte.
 */
export function buildMoment(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}

function toUtc(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The date `months` months later, clamped to the month's last day (31 jan + 1 → 28/29 feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "15 mars 2026" */
/** "28 november 2026 kl. 09.41", in Swedish time, for when something happened. */
export function formatSwedishTime(moment: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return `${formatSwedishDate(`${parts.year}-${parts.month}-${parts.day}`)} kl. ${parts.hour}.${parts.minute}`;
}

export function formatSwedishDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Minutes Swedish time is ahead of UTC at `moment`: 60 in winter, 120 in summer. */
function stockholmOffsetMinutes(moment: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
      .formatToParts(moment)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year as number, (parts.month as number) - 1, parts.day, parts.hour, parts.minute);
  return Math.round((wall - Math.floor(moment / 60_000) * 60_000) / 60_000);
}

/** The moment a Swedish wall-clock time names (year, month from 1, day, hour, minute). */
function fromStockholmWallClock(year: number, month: number, day: number, hour: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess, then again at the result, settles across a change to or from summer time.
  const first = wall - stockholmOffsetMinutes(wall) * 60_000;
  return new Date(wall - stockholmOffsetMinutes(first) * 60_000);
}

/**
 * "2026-11-29 08:15" (or with T, or a date alone for midnight) read as Swedish
 * time; undefined when it is not a time that exists.
 */
export function parseSwedishTime(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:.](\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  if (!isCalendarDate(`${match[1]}-${match[2]}-${match[3]}`) || hour > 23 || minute > 59) return undefined;
  return fromStockholmWallClock(year, month, day, hour, minute);
}

/** The same Swedish wall-clock time `months` calendar months later (31 jan + 1 → 28/29 feb). */
export function addMonthsSwedishTime(moment: Date, months: number): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  const date = addMonths(`${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`, months);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return fromStockholmWallClock(year, month, day, Number(parts.hour), Number(parts.minute));
}
