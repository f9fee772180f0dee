// The calendars' events on a given day, from the site fixture register: what
// is late is dated that day and says so, rather than sitting in the past
// where no one looks; what can no longer be done (a notice day passed, a
// contract ended) is not a task.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegister } from '../../src/core/model/open-register.ts';
import { calendarEvents } from '../../site/src/lib/calendar.ts';
import { copyRegister, editFile, FIXTURES, removeTemp, TODAY } from '../helpers/registers.ts';

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
});
