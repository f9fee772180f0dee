// What each system owner must act on (guideline §4: the owner reports
// changes): reviews overdue or soon due, contracts where procurement or
// notice must start, role holders who have left, reviewers without a GitHub
// account, and errors in the file. Made from the validator's findings and the
// model's dates (model/review.ts), as the report and the calendar are. One
// reminder per owner who can get a GitHub issue; the rest are gathered in one
// reminder for the IT department.
import { addTo } from '../collections.ts';
import type { Finding } from '../findings/findings.ts';
import { PERSON_LEFT_RULES, ruleInfo } from '../findings/rule-catalogue.ts';
import { needsReview } from '../domain/lifecycle.ts';
import type { RegisterModel, SystemRecord } from '../model/model.ts';
import { contractDeadlines, reviewDue } from '../domain/review.ts';
import { roleTitle } from '../domain/roles.ts';
import { addMonths, daysBetween, formatSwedishDate } from '../text/dates.ts';
import { PERIODIC_CHECKS } from '../domain/continuity.ts';
import type { DataPath } from '../data-path.ts';
import { markdownText, terminalText } from '../text/output.ts';
import { bySwedish } from '../text/text.ts';
import { helpPageUrl, systemPageUrl } from './register-columns.ts';

export interface ReminderSystem {
  id: string;
  name: string;
  /** Path as shown, e.g. registry/systems/lonesystem.yaml. */
  file: string;
  /** The file in the repository's web editor. */
  editUrl: string | undefined;
  pageUrl: string;
  actions: string[];
}

export interface Reminder {
  /** Where the site explains reviews and reminders (Hjälp). */
  helpUrl: string;
  /** Who the reminder goes to: an owner with a GitHub account, or the IT department for the rest. */
  recipient: { kind: 'owner' | 'it-department'; id: string; name: string; handle?: string };
  /** Marks the reminder's issue, so that it is found and updated, never opened twice. */
  key: string;
  title: string;
  systems: ReminderSystem[];
  /** Owners in the IT department's reminder, and why they got no issue of their own. */
  unreachable: { name: string; reason: string; systems: string[] }[];
}

export interface ReminderInput {
  findings: readonly Finding[];
  model: RegisterModel;
  today: string;
  editUrl: (relPath: string) => string | undefined;
  /** Whether the reminders' readers may see a system's field (the findings are already cut to them). */
  sees?: (path: DataPath) => boolean;
}

/** O(findings + systems + people). */
export function buildReminders({ findings, model, today, editUrl, sees = () => true }: ReminderInput): Reminder[] {
  const { settings } = model;
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) addTo(byFile, finding.file, finding);
  const personFiles = new Map(model.entries.filter((entry) => entry.kind === 'person').map((entry) => [entry.id, entry.file]));
  const perOwner = new Map<string, ReminderSystem[]>();
  // Every system file, valid or not: a file with errors is a reminder of its own, to the owner it names.
  for (const entry of model.entries) {
    if (entry.kind !== 'system') continue;
    const system = entry.valid ? model.systemById.get(entry.id) : undefined;
    const fileFindings = byFile.get(entry.file) ?? [];
    const actions = [...fileActions(fileFindings), ...(system ? systemActions(system, fileFindings, model, today, personFiles, sees) : [])];
    if (actions.length === 0) continue;
    addTo(perOwner, entry.owner ?? '', {
      id: entry.id,
      name: entry.name ?? entry.id,
      file: entry.file,
      editUrl: editUrl(entry.relPath),
      pageUrl: systemPageUrl(model, entry.id),
      actions,
    });
  }
  const reminders: Reminder[] = [];
  const unreachable: Reminder['unreachable'] = [];
  const unreachableSystems: ReminderSystem[] = [];
  const helpUrl = helpPageUrl(settings, 'granskning');
  const byName = bySwedish<ReminderSystem>((system) => system.name);
  for (const [ownerId, systems] of perOwner) {
    systems.sort(byName);
    const owner = model.personById.get(ownerId);
    if (owner?.active && owner.gitHandle) {
      reminders.push({
        recipient: { kind: 'owner', id: owner.id, name: owner.name, handle: owner.gitHandle },
        key: owner.id,
        helpUrl,
        title: `Systemförteckningen: ${systems.length} system att se över (${owner.name})`,
        systems,
        unreachable: [],
      });
      continue;
    }
    const reason = !owner
      ? ownerId
        ? `"${ownerId}" finns inte i registret`
        : 'systemägare saknas'
      : !owner.active
        ? 'har slutat'
        : 'saknar användarnamn på GitHub (gitHandle)';
    unreachable.push({ name: owner?.name ?? (ownerId || 'Ingen systemägare'), reason, systems: systems.map((system) => system.name) });
    unreachableSystems.push(...systems);
  }
  reminders.sort(bySwedish((reminder) => reminder.recipient.name));
  if (unreachableSystems.length > 0) {
    const itDepartment = model.unitById.get(settings.itDepartment);
    reminders.push({
      recipient: { kind: 'it-department', id: settings.itDepartment, name: itDepartment?.name ?? 'IT-avdelningen' },
      key: settings.itDepartment,
      helpUrl,
      title: `Systemförteckningen: ${unreachableSystems.length} system vars systemägare inte kan påminnas`,
      systems: unreachableSystems.sort(byName),
      unreachable: unreachable.sort(bySwedish((item) => item.name)),
    });
  }
  return reminders;
}

/** What the validator found in a system's file: its errors, and role holders who left. */
function fileActions(fileFindings: readonly Finding[]): string[] {
  const actions: string[] = [];
  const errors = fileFindings.filter((finding) => finding.severity === 'error' && !PERSON_LEFT_RULES.has(finding.rule));
  if (errors.length > 0) {
    const first = errors[0] as Finding;
    actions.push(
      `Filen har ${errors.length === 1 ? 'ett fel' : `${errors.length} fel`} att rätta${errors.length > 1 ? ', bland annat' : ''}: ${ruleInfo(first.rule).title.toLocaleLowerCase('sv')} på rad ${first.line}. ${first.message}`,
    );
  }
  for (const finding of fileFindings.filter((item) => PERSON_LEFT_RULES.has(item.rule))) actions.push(finding.message);
  return actions;
}

/** What must be done about a valid system in use: reviews, its contract, reviewers without an account. */
function systemActions(
  system: SystemRecord,
  fileFindings: readonly Finding[],
  model: RegisterModel,
  today: string,
  personFiles: ReadonlyMap<string, string>,
  sees: (path: DataPath) => boolean,
): string[] {
  const { settings } = model;
  if (!needsReview(system.status)) return [];
  const actions: string[] = [];
  const review = fileFindings.find((finding) => finding.rule === 'review-missing' || finding.rule === 'review-overdue');
  const due = reviewDue(system.reviewed, settings.reviewIntervalMonths);
  if (review) actions.push(review.message);
  else if (due && due >= today && daysBetween(today, due) <= settings.reminderDays) {
    actions.push(
      `Granskningen förfaller ${formatSwedishDate(due)}, om ${daysBetween(today, due)} dagar. Gå igenom uppgifterna och bekräfta dem med npm run attest -- ${system.id}.`,
    );
  }
  // A restore test or an access review overdue, or due within the reminder days.
  for (const check of PERIODIC_CHECKS) {
    const overdue = fileFindings.find((finding) => finding.rule === check.rule);
    const date = check.read(system);
    const next = date && addMonths(date, settings.securityCheckIntervalMonths);
    if (overdue) actions.push(overdue.message);
    else if (next && sees(check.path) && next >= today && daysBetween(today, next) <= settings.reminderDays)
      actions.push(
        `Nästa ${check.title} ska vara gjord ${formatSwedishDate(next)}, om ${daysBetween(today, next)} dagar. Sätt datumet när den är gjord, till exempel med npm run attest -- ${system.id} --fakta ${check.fact}.`,
      );
  }
  const contract = contractAction(system.contract, settings.procurementLeadMonths, settings.contractWarningDays, today);
  if (contract) actions.push(contract);
  for (const role of ['owner', 'manager'] as const) {
    const person = model.personById.get(system.roles[role]);
    if (person?.active && !person.gitHandle)
      actions.push(
        `${roleTitle(role)} ${person.name} saknar användarnamn på GitHub (gitHandle) och blir inte ombedd att granska ändringar i systemet. Lägg till det i ${personFiles.get(person.id) ?? person.source}.`,
      );
  }
  return actions;
}

/** When procurement or notice must start within the warning window (or has passed while the contract runs). */
function contractAction(contract: SystemRecord['contract'], leadMonths: number, warningDays: number, today: string): string | undefined {
  const deadlines = contractDeadlines(contract, leadMonths);
  if (!deadlines || deadlines.end < today || daysBetween(today, deadlines.actBy) > warningDays) return undefined;
  const notice = deadlines.noticeMonths > 0 ? `uppsägningstiden (${contract?.noticePeriod}) och ` : '';
  const start =
    deadlines.actBy < today
      ? `behövde arbetet börja ${formatSwedishDate(deadlines.actBy)}`
      : `behöver arbetet börja senast ${formatSwedishDate(deadlines.actBy)}`;
  const unread = deadlines.noticeUnread
    ? ` Uppsägningstiden "${contract?.noticePeriod}" gick inte att läsa och räknades som ingen; skriv den som "6 månader".`
    : '';
  return `Avtalet löper ut ${formatSwedishDate(deadlines.end)}. Med ${notice}${leadMonths} månader för en ny upphandling ${start}: besluta om förlängning, ny upphandling eller avveckling.${unread}`;
}

const MARKER = 'systemforteckning:påminnelse';

/** The hidden line that identifies a reminder's issue. */
export function reminderMarker(key: string): string {
  return `<!-- ${MARKER}:${key} -->`;
}

export function markerIn(body: string): string | undefined {
  return new RegExp(`<!-- ${MARKER}:([a-z0-9-]+) -->`).exec(body)?.[1];
}

/** The issue text: Markdown with every register value made inert (text/output.ts). */
export function reminderMarkdown(reminder: Reminder, today: string): string {
  const lines = [reminderMarker(reminder.key)];
  const name = markdownText(reminder.recipient.name);
  if (reminder.recipient.kind === 'owner') {
    lines.push(
      `Hej ${name}! Som systemägare ansvarar du för att uppgifterna i systemförteckningen stämmer (riktlinjerna §4). Det här behöver din uppmärksamhet, läget ${formatSwedishDate(today)}.`,
    );
  } else {
    lines.push(
      `Till ${name}: de här systemens systemägare kan inte påminnas med ett eget ärende. Läget ${formatSwedishDate(today)}.`,
      '',
      ...reminder.unreachable.map(
        (owner) => `- ${markdownText(owner.name)} ${markdownText(owner.reason)}: ${owner.systems.map(markdownText).join(', ')}`,
      ),
    );
  }
  lines.push(
    '',
    `Ärendet uppdateras varje vecka och stängs av sig självt när allt är åtgärdat. Så går granskningen till: [Hjälp – granskning och påminnelser](${encodeURI(reminder.helpUrl)}).`,
  );
  for (const system of reminder.systems) {
    lines.push('', `### ${markdownText(system.name)}`, '');
    for (const action of system.actions) lines.push(`- ${markdownText(action)}`);
    const links = [
      system.editUrl && `[Ändra filen](${encodeURI(system.editUrl)})`,
      `[Systemets sida](${encodeURI(system.pageUrl)})`,
    ].filter(Boolean);
    lines.push('', `${links.join(' · ')} (${markdownText(system.file)})`);
  }
  return `${lines.join('\n')}\n`;
}

/** The reminders as text for the terminal, every register value on one line (text/output.ts). */
export function remindersText(reminders: readonly Reminder[], today: string): string {
  if (reminders.length === 0) return `Inga påminnelser ${formatSwedishDate(today)}: inget behöver åtgärdas.\n`;
  const t = terminalText;
  const lines: string[] = [];
  for (const reminder of reminders) {
    lines.push(`${t(reminder.title)}${reminder.recipient.handle ? ` → @${t(reminder.recipient.handle)}` : ''}`);
    for (const owner of reminder.unreachable) lines.push(`  ${t(owner.name)} ${t(owner.reason)}: ${owner.systems.map(t).join(', ')}`);
    for (const system of reminder.systems) {
      lines.push(`  ${t(system.name)} (${t(system.file)})`);
      for (const action of system.actions) lines.push(`    - ${t(action)}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
