// The calendars' events on a given day, from the site fixture register: what
// is late is dated that day and says so, rather than sitting in the past
// where no one looks; what can no longer be done (a notice day passed, a
// contract ended) is not a task. The file is the calendar library's own text.
import { join } from 'node:path';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { openRegister } from '../../src/core/model/open-register.ts';
import { visibleModel } from '../../src/core/model/visible.ts';
import { calendarEvents, calendarFile } from '../../site/src/lib/calendar.ts';
import { copyRegister, editFile, EXAMPLE_REGISTER, FIXTURES, removeTemp, TODAY } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

describe('the calendars', () => {
  it('move what is late to today, marked late, and leave out what can no longer be done', () => {
    const { cwd, root } = copyRegister(join(FIXTURES, 'site'));
    try {
      editFile(join(root, 'systems', 'budget.yaml'), (text) =>
        text.replace('  end: 2028-12-31', '  end: 2027-06-30\n  noticePeriod: 6 månader'),
      );
      const { model } = openRegister(root, { today: TODAY, cwd });
      const events = calendarEvents(model, '2027-02-15')
        .filter((event) => event.uid.startsWith('budget-'))
        .map((event) => [event.date, event.summary]);
      expect(events).toEqual([
        // Procurement should have started 2026-03-30 (6 months' notice and 9 months' procurement before the end); the contract still runs.
        ['2027-02-15', 'Försenat: Budgetverktyg: börja upphandla eller besluta om förlängning'],
        ['2027-06-30', 'Budgetverktyg: avtalet löper ut'],
        ['2027-09-01', 'Budgetverktyg: granska uppgifterna'],
      ]);
      const late = calendarEvents(model, '2027-02-15').find((event) => event.summary.startsWith('Försenat'));
      expect(late?.description).toMatch(/^Skulle ha gjorts senast 30 mars 2026\./);
      // The notice day (2026-12-31) has passed by then: no longer a task, so no event.
      expect(calendarEvents(model, '2027-02-15').some((event) => event.uid.startsWith('budget-uppsagning'))).toBe(false);
      expect(calendarEvents(model, '2026-12-01').some((event) => event.uid.startsWith('budget-uppsagning'))).toBe(true);
    } finally {
      removeTemp(cwd);
    }
  });

  it('are written as the library writes a calendar with the same events, whether for the municipality, a förvaltning or an owner', () => {
    const model = visibleModel(openRegister(EXAMPLE_REGISTER, { today: TODAY, cwd: REPO }).model, 'intern');
    const library = (name: string, systems?: typeof model.systems) => {
      const calendar = ical({
        name: `Avtal och granskningar – ${name}`,
        description: 'Datum ur systemförteckningen: upphandling, uppsägning, avtalsslut och granskning.',
        prodId: { company: model.settings.municipality, product: 'Systemforteckning', language: 'SV' },
        method: ICalCalendarMethod.PUBLISH,
      });
      const at = (date: string) => new Date(`${date}T12:00:00Z`);
      for (const event of calendarEvents(model, TODAY, systems))
        calendar.createEvent({
          id: event.uid,
          start: at(event.date),
          allDay: true,
          stamp: at(TODAY),
          summary: event.summary,
          description: event.description,
          url: event.url,
        });
      return calendar.toString();
    };
    const whole = calendarFile(model, TODAY);
    expect(whole.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(10);
    // Swedish text makes lines longer than 75 octets, which the library folds.
    expect(whole).toMatch(/\r\n [^\r]/);
    expect(whole).toBe(library(model.settings.municipality));
    const some = model.systems.filter((system) => system.unit === model.systems[0]!.unit);
    expect(calendarFile(model, TODAY, { systems: some, name: 'Förvaltningen' })).toBe(library('Förvaltningen', some));
    // Asked again, from what it wrote before: the same.
    expect(calendarFile(model, TODAY)).toBe(whole);
  });
});
