// Keeping one open issue per reminder in the forge: created when a reminder
// appears, updated in place when it changes, closed when nothing is left.
// Issues are found by the hidden marker in their text, so a reminder never
// gets two issues, and issues people opened themselves are left alone: only
// an issue the sync's own account wrote is adopted, since anyone can write
// the marker into an issue of their own.
import { addTo } from '../collections.ts';
import { markerIn, reminderMarkdown, type Reminder } from '../views/reminders.ts';

export interface Issue {
  number: number;
  title: string;
  body: string;
  assignees: string[];
  /** Who opened it: the account's login. */
  author: string;
}

export interface NewIssue {
  title: string;
  body: string;
  assignees: string[];
}

/** What the sync needs from a forge; GitHub's REST API in github.ts, a recording fake in the tests. */
export interface IssueApi {
  /** The login the sync writes as; its issues are the only ones it adopts. */
  author(): Promise<string>;
  ensureLabel(label: string): Promise<void>;
  listOpen(label: string): Promise<Issue[]>;
  create(issue: NewIssue & { labels: string[] }): Promise<number>;
  update(number: number, issue: NewIssue): Promise<void>;
  close(number: number, body: string): Promise<void>;
}

export interface SyncPlan {
  create: { reminder: Reminder; issue: NewIssue }[];
  update: { number: number; issue: NewIssue }[];
  close: { number: number; body: string }[];
  unchanged: number[];
}

export const REMINDER_LABEL = 'påminnelse';

function same(issue: Issue, wanted: NewIssue): boolean {
  return (
    issue.title === wanted.title &&
    issue.body.trim() === wanted.body.trim() &&
    [...issue.assignees].sort().join() === [...wanted.assignees].sort().join()
  );
}

/** What to do with the open issues so that they match the reminders. Pure. */
export function planSync(reminders: readonly Reminder[], open: readonly Issue[], today: string, author: string): SyncPlan {
  const plan: SyncPlan = { create: [], update: [], close: [], unchanged: [] };
  const byKey = new Map<string, Issue[]>();
  for (const issue of [...open].sort((a, b) => a.number - b.number)) {
    if (issue.author !== author) continue;
    const key = markerIn(issue.body);
    if (key !== undefined) addTo(byKey, key, issue);
  }
  for (const reminder of reminders) {
    const wanted: NewIssue = {
      title: reminder.title,
      body: reminderMarkdown(reminder, today),
      assignees: reminder.recipient.handle ? [reminder.recipient.handle] : [],
    };
    const [existing, ...duplicates] = byKey.get(reminder.key) ?? [];
    byKey.delete(reminder.key);
    for (const duplicate of duplicates)
      plan.close.push({ number: duplicate.number, body: `${duplicate.body.split('\n')[0]}\nDubblett av #${existing?.number}.\n` });
    if (!existing) plan.create.push({ reminder, issue: wanted });
    else if (same(existing, wanted)) plan.unchanged.push(existing.number);
    else plan.update.push({ number: existing.number, issue: wanted });
  }
  // Reminders that are gone: everything was done.
  for (const issues of byKey.values()) {
    for (const issue of issues) {
      plan.close.push({
        number: issue.number,
        body: `${issue.body.split('\n')[0]}\nAllt är åtgärdat. Tack! Ärendet stängdes av påminnelserna ${today}.\n`,
      });
    }
  }
  return plan;
}

export async function applySync(plan: SyncPlan, api: IssueApi): Promise<void> {
  if (plan.create.length > 0) await api.ensureLabel(REMINDER_LABEL);
  for (const { issue } of plan.create) await api.create({ ...issue, labels: [REMINDER_LABEL] });
  for (const { number, issue } of plan.update) await api.update(number, issue);
  for (const { number, body } of plan.close) await api.close(number, body);
}
