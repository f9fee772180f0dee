// An incident's first hour, from the register: which systems stop when a
// supplier, a hosting provider or a system fails, in the order to act, each
// with whom to call, how long it may be down, the fallback, the supplier's
// support and whether it supports samhällsviktig verksamhet; and the
// deadlines for reporting to the CSIRT that the cybersecurity law sets
// (cybersäkerhetslagen: early warning within 24 hours, notification within 72
// hours, final report within a month of the notification).
import type { Audience } from '../vocabulary.ts';
import type { Affected } from '../model/impact.ts';
import type { PersonRecord, UnitRecord, VisibleModel, VisibleSystem } from '../model/model.ts';
import { durationText } from '../domain/durations.ts';
import { addMonthsSwedishTime, formatSwedishTime } from '../text/dates.ts';
import { markdownText } from '../text/output.ts';
import { closestMatch } from '../text/text.ts';
import { failureOf, findProvider, providersOf } from './suppliers.ts';
import { supportText } from './support-text.ts';

export type IncidentTarget = { kind: 'supplier' | 'hosting' | 'system'; query: string };

export interface Contact {
  name: string;
  phone?: string;
  email?: string;
}

export interface IncidentRow {
  id: string;
  name: string;
  /** "direkt", or "genom <system>". */
  how: string;
  status: string;
  criticality?: string;
  rto?: string;
  fallback?: string;
  owner?: Contact;
  manager?: Contact;
  incidentContact?: Contact;
  supplier?: string;
  support?: string;
  /** Supports samhällsviktig verksamhet: yes, with the motivation, or not known. */
  essentialService?: { supports: boolean; motivation?: string };
}

export interface Deadline {
  what: string;
  by: string;
  note: string;
}

export interface Incident {
  /** "Lönepartner AB (556123-4567)", "Lönesystem". */
  target: string;
  /** How many systems fail first: the provider's, or the one system. */
  origins: number;
  rows: IncidentRow[];
  deadlines?: Deadline[];
  /** The audience the incident was made for (the command's --audience). */
  audience: Audience;
  /** Facts the audience does not see: said once, not shown as blanks. */
  hidden: string[];
}

/** The systems that fail first, or a Swedish explanation of why none were found. */
export function incidentOrigins(
  model: VisibleModel,
  target: IncidentTarget,
): { target: string; origins: VisibleSystem[] } | { error: string } {
  if (target.kind === 'system') {
    const system =
      model.systemById.get(target.query) ??
      model.systems.find((item) => item.name.toLocaleLowerCase('sv') === target.query.toLocaleLowerCase('sv'));
    if (system) return { target: system.name, origins: [system] };
    const suggestion = closestMatch(
      target.query,
      model.systems.map((item) => item.id),
    );
    return {
      error: `Systemet "${target.query}" finns inte i registret.${suggestion ? ` Menade du ${suggestion}?` : ''} Ange systemets id med --system.`,
    };
  }
  const provider = findProvider(model, target.query);
  const systems = provider ? (target.kind === 'supplier' ? provider.supplies : provider.hosts) : [];
  if (!provider || systems.length === 0) {
    const names = providersOf(model)
      .filter((item) => (target.kind === 'supplier' ? item.supplies : item.hosts).length > 0)
      .map((item) => item.name);
    const suggestion = closestMatch(target.query, names);
    const what = target.kind === 'supplier' ? 'leverantör' : 'driftleverantör';
    return {
      error: `Ingen ${what} i registret heter "${target.query}" eller har det organisationsnumret.${suggestion ? ` Menade du ${suggestion}?` : ''} Ange namnet eller organisationsnumret (NNNNNN-NNNN).`,
    };
  }
  const label = provider.orgNumber ? `${provider.name} (${provider.orgNumber})` : provider.name;
  return { target: label, origins: systems };
}

function contactOf(model: VisibleModel, id: string | undefined): Contact | undefined {
  if (!id) return undefined;
  const holder: PersonRecord | UnitRecord | undefined = model.personById.get(id) ?? model.unitById.get(id);
  if (!holder) return undefined;
  return { name: holder.name, ...(holder.phone ? { phone: holder.phone } : {}), ...(holder.email ? { email: holder.email } : {}) };
}

function rowOf(model: VisibleModel, { system, distance, via }: Affected): IncidentRow {
  const owner = contactOf(model, system.roles?.owner);
  const manager = contactOf(model, system.roles?.manager);
  const incidentContact = contactOf(model, system.security?.incidentContact);
  const support = supportText(system.supplier?.support);
  const essential = system.security?.essentialService;
  return {
    id: system.id,
    name: system.name,
    how: distance === 0 || !via ? 'direkt' : `genom ${via.name}`,
    status: system.status,
    ...(system.criticality ? { criticality: system.criticality } : {}),
    ...(system.continuity?.rto ? { rto: system.continuity.rto } : {}),
    ...(system.continuity?.fallback ? { fallback: system.continuity.fallback } : {}),
    ...(owner ? { owner } : {}),
    ...(manager ? { manager } : {}),
    ...(incidentContact ? { incidentContact } : {}),
    ...(system.supplier ? { supplier: system.supplier.name } : {}),
    ...(support ? { support } : {}),
    ...(essential
      ? { essentialService: { supports: essential.supports, ...(essential.motivation ? { motivation: essential.motivation } : {}) } }
      : {}),
  };
}

/** The CSIRT deadlines counted from when the incident was discovered. */
export function reportingDeadlines(discovered: Date): Deadline[] {
  const hours = (count: number) => new Date(discovered.getTime() + count * 3_600_000);
  const notification = hours(72);
  return [
    { what: 'Tidig varning till CSIRT', by: formatSwedishTime(hours(24)), note: 'inom 24 timmar från att incidenten upptäcktes' },
    { what: 'Incidentanmälan', by: formatSwedishTime(notification), note: 'inom 72 timmar från att incidenten upptäcktes' },
    {
      what: 'Slutrapport',
      by: formatSwedishTime(addMonthsSwedishTime(notification, 1)),
      note: 'inom en månad från incidentanmälan; datumet gäller om den lämnas sista möjliga dag',
    },
  ];
}

/** The incident as the audience may see it. O(systems reached). */
export function buildIncident(
  model: VisibleModel,
  target: string,
  origins: readonly VisibleSystem[],
  options: { discovered?: Date; audience: Audience; sees: (path: readonly string[]) => boolean },
): Incident {
  const rows = failureOf(model, origins).map((affected) => rowOf(model, affected));
  const hidden = (
    [
      [['continuity', 'rto'], 'återställningstid'],
      [['continuity', 'fallback'], 'reservrutin'],
      [['security', 'essentialService'], 'samhällsviktig verksamhet'],
      [['security', 'incidentContact'], 'incidentkontakt'],
      [['supplier', 'support'], 'leverantörens support'],
      [['roles'], 'roller'],
    ] as const
  )
    .filter(([path]) => !options.sees(path))
    .map(([, what]) => what);
  return {
    target,
    origins: origins.length,
    rows,
    audience: options.audience,
    hidden,
    ...(options.discovered ? { deadlines: reportingDeadlines(options.discovered) } : {}),
  };
}

const contactText = (contact: Contact | undefined) =>
  contact ? [contact.name, contact.phone, contact.email].filter(Boolean).join(', ') : undefined;

function lines(row: IncidentRow): [string, string][] {
  const details: [string, string | undefined][] = [
    ['Påverkan', row.how],
    ['Kritikalitet', row.criticality],
    ['Återställningstid', row.rto && durationText(row.rto)],
    ['Reservrutin', row.fallback?.replace(/\s+/g, ' ').trim()],
    ['Systemägare', contactText(row.owner)],
    ['Systemförvaltare', contactText(row.manager)],
    ['Incidentkontakt', contactText(row.incidentContact)],
    ['Leverantör', row.supplier && (row.support ? `${row.supplier}: ${row.support}` : row.supplier)],
    [
      'Samhällsviktig verksamhet',
      row.essentialService &&
        (row.essentialService.supports
          ? `ja${row.essentialService.motivation ? `: ${row.essentialService.motivation.replace(/\s+/g, ' ').trim()}` : ''}`
          : 'nej'),
    ],
  ];
  return details.filter((detail): detail is [string, string] => Boolean(detail[1]));
}

function summary(incident: Incident): string {
  const { rows } = incident;
  const direct = rows.filter((row) => row.how === 'direkt').length;
  const essential = rows.filter((row) => row.essentialService?.supports).length;
  return `${rows.length} system påverkas: ${direct} direkt och ${rows.length - direct} genom andra system${essential > 0 ? `; ${essential} stöder samhällsviktig verksamhet` : ''}.`;
}

/** Plain text for the terminal; the caller makes it printable. */
export function incidentText(incident: Incident): string {
  const out = [`Om ${incident.target} slutar fungera`, '', summary(incident), ''];
  incident.rows.forEach((row, index) => {
    out.push(`${index + 1}. ${row.name} (${row.status})`);
    for (const [label, value] of lines(row)) out.push(`   ${label}: ${value}`);
  });
  if (incident.deadlines) {
    out.push('', 'Rapportering enligt cybersäkerhetslagen:');
    for (const deadline of incident.deadlines) out.push(`  ${deadline.what}: senast ${deadline.by} (${deadline.note})`);
  }
  if (incident.hidden.length > 0)
    out.push(
      '',
      `Publiken ${incident.audience} ser inte: ${incident.hidden.join(', ')}. Kör med --audience skyddad för hela bilden, om du får se den.`,
    );
  return out.join('\n');
}

/** Markdown for the incident log or the report to the CSIRT; register text is escaped. */
export function incidentMarkdown(incident: Incident): string {
  const out = [`## Om ${markdownText(incident.target)} slutar fungera`, '', summary(incident), ''];
  incident.rows.forEach((row, index) => {
    out.push(`${index + 1}. **${markdownText(row.name)}** (${row.status})`);
    for (const [label, value] of lines(row)) out.push(`   - ${label}: ${markdownText(value)}`);
  });
  if (incident.deadlines) {
    out.push('', '### Rapportering enligt cybersäkerhetslagen', '', '| Vad | Senast | När |', '| --- | --- | --- |');
    for (const deadline of incident.deadlines) out.push(`| ${deadline.what} | ${deadline.by} | ${deadline.note} |`);
  }
  if (incident.hidden.length > 0) out.push('', `_Publiken ${incident.audience} ser inte: ${incident.hidden.join(', ')}._`);
  return out.join('\n');
}
