// The register's dates as a calendar (RFC 5545) that the IT department
// subscribes to in Outlook: for each system whose contract and reviews are
// followed up, the day procurement must start, the last day to give notice,
// the day the contract ends, and the day its review is due. One for the
// whole municipality, one per förvaltning and one per system owner. What is
// overdue is not left in the past, where no one looks: it is dated the day
// the calendar was made and says it is late. Written with ical-generator;
// the dates come from model/review.ts, as in the reminders.
import ical, { foldLines, ICalCalendarMethod, type ICalCalendar } from 'ical-generator';
import { needsReview } from '#core/domain/lifecycle.ts';
import type { VisibleModel, VisibleSystem } from '#core/model/model.ts';
import { contractDeadlines, reviewDue } from '#core/domain/review.ts';
import { formatSwedishDate } from '#core/text/dates.ts';
import { systemPageUrl } from '#core/views/register-columns.ts';

export interface CalendarEvent {
  uid: string;
  date: string;
  summary: string;
  description: string;
  url: string;
}

/**
 * The events for these systems, in date order, as of `today`: something that
 * should already have been done, and still can be, is moved to today and
 * marked late. O(systems).
 */
export function calendarEvents(model: VisibleModel, today: string, systems: readonly VisibleSystem[] = model.systems): CalendarEvent[] {
  const host = new URL(model.settings.siteUrl).host || 'systemforteckning';
  const events: CalendarEvent[] = [];
  const owner = (system: VisibleSystem) => {
    const person = system.roles ? model.personById.get(system.roles.owner) : undefined;
    return person ? `Systemägare: ${person.name} (${person.email}).` : '';
  };
  for (const system of systems) {
    if (!needsReview(system.status)) continue;
    const url = systemPageUrl(model, system.id);
    const add = (kind: string, date: string, summary: string, detail: string, stillPossible = true) => {
      if (date < today && !stillPossible) return;
      const late = date < today;
      events.push({
        // The same event every day it is late: its id keeps the day it was due.
        uid: `${system.id}-${kind}-${date}@${host}`,
        date: late ? today : date,
        summary: late ? `Försenat: ${summary}` : summary,
        description: [late ? `Skulle ha gjorts senast ${formatSwedishDate(date)}.` : '', detail, owner(system), url]
          .filter(Boolean)
          .join('\n'),
        url,
      });
    };
    // What the audience may not see (the notice period, the lead time for procurement, the reviews) makes no event.
    const lead = model.settings.procurementLeadMonths;
    const deadlines = contractDeadlines(system.contract, lead ?? 0);
    // A contract that has ended, or a notice day that has passed, is history, not a task.
    const running = deadlines !== undefined && deadlines.end >= today;
    if (deadlines && lead !== undefined) {
      add(
        'upphandling',
        deadlines.actBy,
        `${system.name}: börja upphandla eller besluta om förlängning`,
        `Avtalet löper ut ${formatSwedishDate(deadlines.end)}. Med uppsägningstid och ${lead} månaders upphandling behöver arbetet börja i dag.`,
        running,
      );
      if (deadlines.noticeMonths > 0)
        add(
          'uppsagning',
          deadlines.noticeBy,
          `${system.name}: sista dag att säga upp avtalet`,
          `Uppsägningstid ${system.contract?.noticePeriod}.`,
          false,
        );
    }
    if (deadlines)
      add(
        'avtalsslut',
        deadlines.end,
        `${system.name}: avtalet löper ut`,
        system.contract?.reference ? `Avtal ${system.contract.reference}.` : '',
        false,
      );
    const interval = model.settings.reviewIntervalMonths;
    const due = interval === undefined ? undefined : reviewDue(system.reviewed, interval);
    if (due)
      add('granskning', due, `${system.name}: granska uppgifterna`, `Senast granskad ${formatSwedishDate(system.reviewed as string)}.`);
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}

/**
 * The calendar file; `stamp` is when it was made (the build's date), so that a
 * rebuild gives the same file, and what is late is dated then. The same text
 * as the library's calendar with these events, written event by event:
 * ical-generator folds a calendar's lines only once the whole file is one
 * string, which at 20 000 systems took 2.7 s and 840 MiB of passing memory
 * for the municipality's calendar alone, and each system's events recur in
 * its förvaltning's and its owner's calendar (eventText).
 */
export function calendarFile(
  model: VisibleModel,
  stamp: string,
  options: { systems?: readonly VisibleSystem[]; name?: string } = {},
): string {
  const calendar = ical({
    name: `Avtal och granskningar – ${options.name ?? model.settings.municipality}`,
    description: 'Datum ur systemförteckningen: upphandling, uppsägning, avtalsslut och granskning.',
    prodId: { company: model.settings.municipality, product: 'Systemforteckning', language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const events = calendarEvents(model, stamp, options.systems).map((event) => eventText(model, stamp, event));
  const frame = calendar.toString();
  const end = frame.lastIndexOf('END:VCALENDAR');
  return `${frame.slice(0, end)}${events.join('')}${frame.slice(end)}`;
}

/** Each model's events as calendar text, by stamp and id: the same in every calendar they are in. */
const eventTexts = new WeakMap<VisibleModel, Map<string, string>>();
let scratch: ICalCalendar | undefined;

/** One event as the library writes it in a calendar, its lines folded as the library folds them (line by line). */
function eventText(model: VisibleModel, stamp: string, event: CalendarEvent): string {
  let texts = eventTexts.get(model);
  if (!texts) eventTexts.set(model, (texts = new Map()));
  const key = `${stamp} ${event.uid}`;
  let text = texts.get(key);
  if (text === undefined) {
    scratch ??= ical();
    const at = (date: string) => new Date(`${date}T12:00:00Z`);
    text = foldLines(
      scratch
        .createEvent({
          id: event.uid,
          start: at(event.date),
          allDay: true,
          stamp: at(stamp),
          summary: event.summary,
          description: event.description,
          url: event.url,
        })
        .toString(),
    );
    scratch.clear();
    texts.set(key, text);
  }
  return text;
}
