// The IT department's follow-up report (guideline §4: the IT department keeps
// the register current), made from what the validator found plus what only
// the model knows (who holds the most roles). It checks nothing itself, so it
// always agrees with npm run validate. One structure, with every Swedish
// sentence in it: the terminal, the job summary, the JSON and the site's
// report page all render this and word nothing of their own.
import { addTo } from '../collections.ts';
import { PERSON_LEFT_RULES, ruleInfo, type RuleGroup } from '../findings/rule-catalogue.ts';
import type { Finding, RuleId, Severity } from '../findings/findings.ts';
import type { Kind } from '../kinds.ts';
import { needsReview } from '../domain/lifecycle.ts';
import { mostDependedOn } from '../model/impact.ts';
import { systemsByAdministration, type VisibleModel } from '../model/model.ts';
import { roleTitle, type RoleKey } from '../domain/roles.ts';
import { bySwedish, joinSwedish } from '../text/text.ts';
import type { DataPath } from '../data-path.ts';
import { continuityCoverage, type ContinuityCoverage } from './continuity-coverage.ts';
import { concentration } from './suppliers.ts';

export interface ReportSubject {
  /** A register entry, or a supplier or hosting provider (its page leverantor/<id>/). */
  kind: Kind | 'provider';
  id: string;
  name: string;
  file: string;
}

export interface ReportLine {
  /** What the line is about: a system, a person, or a file that could not be read as an entry. */
  subject: ReportSubject;
  text: string;
  severity?: Severity;
  rule?: RuleId;
}

export type ReportSectionKey =
  'roller' | 'slutat' | 'granskning' | 'avtal' | 'kontinuitet' | 'ovrigt' | 'flest-roller' | 'beroenden' | 'koncentration';

export interface ReportSection {
  key: ReportSectionKey;
  title: string;
  /** Said when the section has no lines. */
  none: string;
  lines: ReportLine[];
}

/** How many systems followed up have every role named and are reviewed in time: the figure a council follows (guideline §3). */
export interface Coverage {
  total: number;
  complete: number;
  /** "24 av 30 system (80 %) har alla roller namngivna och är granskade i tid." */
  text: string;
  /** The same per förvaltning (or company), largest first. */
  units: { id: string; name: string; total: number; complete: number }[];
}

export interface Report {
  today: string;
  /** "3 fel och 12 varningar i 40 system." */
  summary: string;
  errors: number;
  warnings: number;
  coverage: Coverage;
  /** Per förvaltning, how many critical systems have each continuity fact the audience may see. */
  continuity: ContinuityCoverage;
  sections: ReportSection[];
}

/** The section a finding belongs to: by its rule's group, and roles by the field it is about. */
function sectionOf(finding: Finding): ReportSectionKey {
  const group: RuleGroup = ruleInfo(finding.rule).group;
  if (group === 'roller' || (finding.entry?.kind === 'system' && finding.path?.[0] === 'roles')) return 'roller';
  if (group === 'granskning') return 'granskning';
  if (group === 'avtal') return 'avtal';
  if (group === 'kontinuitet') return 'kontinuitet';
  return 'ovrigt';
}

export interface ReportInput {
  findings: readonly Finding[];
  model: VisibleModel;
  today: string;
  /** How many people to list as holding the most roles. */
  top?: number;
  /** Whether the audience may see a system's field; everything when not given (the CLI's own register). */
  sees?: (field: DataPath) => boolean;
}

/** O(findings log findings + role assignments). */
export function buildReport({ findings, model, today, top = 10, sees = () => true }: ReportInput): Report {
  const subjects = subjectLookup(model);
  const lines = new Map<ReportSectionKey, ReportLine[]>();
  const add = (key: ReportSectionKey, line: ReportLine) => addTo(lines, key, line);
  const rolesLeft = new Map<string, { system: ReportSubject; role: string }[]>();
  for (const finding of findings) {
    const subject = subjects(finding);
    add(sectionOf(finding), { subject, text: finding.message, severity: finding.severity, rule: finding.rule });
    if (PERSON_LEFT_RULES.has(finding.rule)) {
      const role = roleTitle(finding.path?.[1] as RoleKey).toLocaleLowerCase('sv');
      for (const person of finding.refs ?? []) addTo(rolesLeft, person, { system: subject, role });
    }
  }
  for (const [personId, held] of rolesLeft) {
    const person = model.personById.get(personId);
    add('slutat', {
      subject: { kind: 'person', id: personId, name: person?.name ?? personId, file: person ? person.source : '' },
      text: `${joinSwedish(held.map(({ system, role }) => `${role} för ${system.name}`))}.`,
    });
  }
  for (const { person, count, systems } of mostRoles(model, top)) {
    add('flest-roller', {
      subject: { kind: 'person', id: person.id, name: person.name, file: person.source },
      text: `${count} ${count === 1 ? 'roll' : 'roller'} i ${systems} system.`,
    });
  }
  for (const { system, direct, total, critical } of mostDependedOn(model, top)) {
    add('beroenden', {
      subject: { kind: 'system', id: system.id, name: system.name, file: system.source },
      text: `påverkar ${total} system om det slutar fungera (${direct} direkt)${critical > 0 ? `, varav ${critical} med hög eller kritisk kritikalitet` : ''}.`,
    });
  }
  const concentrated = concentration(model, top);
  for (const item of [...concentrated.providers, ...concentrated.locations]) {
    add('koncentration', {
      subject: { kind: 'provider', id: item.providerId, name: item.name, file: '' },
      text: `om den slutar fungera påverkas ${item.critical} ${item.critical === 1 ? 'kritiskt system' : 'kritiska system'}, ${item.total} i allt.`,
    });
  }
  const byName = bySwedish<ReportLine>((line) => line.subject.name);
  const section = (key: ReportSectionKey, title: string, none: string): ReportSection => ({
    key,
    title,
    none,
    lines:
      key === 'flest-roller' || key === 'beroenden' || key === 'koncentration'
        ? (lines.get(key) ?? [])
        : (lines.get(key) ?? []).sort(byName),
  });
  const coverage = coverageOf(findings, model);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const { reviewIntervalMonths, contractWarningDays } = model.settings;
  return {
    today,
    errors,
    warnings,
    summary: `${errors} fel och ${warnings} ${warnings === 1 ? 'varning' : 'varningar'} i ${model.systems.length} system.`,
    coverage,
    continuity: continuityCoverage(model, { today, sees }),
    sections: [
      section(
        'roller',
        'System med saknade eller vakanta roller',
        'Alla system har systemägare, systemförvaltare, systemadministratör, driftansvarig och användare som finns och har kvar sin tjänst.',
      ),
      section('slutat', 'Personer som slutat men har kvar roller', 'Ingen som slutat har kvar en roll.'),
      section(
        'granskning',
        `Granskning försenad eller saknas (granskas var ${reviewIntervalMonths}:e månad)`,
        'Alla system är granskade i tid.',
      ),
      section('avtal', `Avtal som löper ut inom ${contractWarningDays} dagar`, 'Inga avtal löper ut snart.'),
      section(
        'kontinuitet',
        'Kontinuitet och säkerhet',
        'Alla kritiska system har de uppgifter som behövs när de slutar fungera, och inga beroenden bryter deras löften.',
      ),
      section('ovrigt', 'Övrigt att rätta i filerna', 'Inget annat att rätta.'),
      section('flest-roller', 'Personer med flest roller', 'Ingen har någon roll.'),
      section('beroenden', 'System som flest andra är beroende av', 'Inga system är beroende av andra.'),
      section('koncentration', 'Leverantörer och datacenter som bär flest kritiska system', 'Ingen leverantör bär något kritiskt system.'),
    ],
  };
}

/**
 * Systems followed up (their status needs review) whose file has no role
 * error and no review finding, in total and per förvaltning. O(findings + systems).
 */
function coverageOf(findings: readonly Finding[], model: VisibleModel): Coverage {
  const incomplete = new Set<string>();
  for (const finding of findings) {
    if (finding.entry?.kind !== 'system') continue;
    const section = sectionOf(finding);
    if ((section === 'roller' && finding.severity === 'error') || section === 'granskning') incomplete.add(finding.entry.id);
  }
  const units: { id: string; name: string; total: number; complete: number }[] = [];
  for (const unit of systemsByAdministration(model).values()) {
    const reviewed = unit.systems.filter((system) => needsReview(system.status));
    if (reviewed.length === 0) continue;
    units.push({
      id: unit.id,
      name: unit.name,
      total: reviewed.length,
      complete: reviewed.filter((system) => !incomplete.has(system.id)).length,
    });
  }
  const total = units.reduce((sum, unit) => sum + unit.total, 0);
  const complete = units.reduce((sum, unit) => sum + unit.complete, 0);
  const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((100 * part) / whole));
  return {
    total,
    complete,
    text: `${complete} av ${total} system (${percent(complete, total)} %) har alla roller namngivna och är granskade i tid.`,
    units: units.sort((a, b) => b.total - a.total || bySwedish((unit: { name: string }) => unit.name)(a, b)),
  };
}

/** Names for what findings are about, from every entry read (also those that do not validate). */
function subjectLookup(model: VisibleModel): (finding: Finding) => ReportSubject {
  const byFile = new Map(model.entries.map((entry) => [entry.file, entry]));
  return (finding) => {
    const entry = byFile.get(finding.file);
    return {
      kind: entry?.kind ?? finding.entry?.kind ?? 'settings',
      id: entry?.id ?? finding.entry?.id ?? '',
      name: entry?.name ?? entry?.id ?? finding.file,
      file: finding.file,
    };
  };
}

/** People in post with the most role assignments. O(assignments + people log people). */
function mostRoles(model: VisibleModel, top: number) {
  return model.people
    .filter((person) => person.active)
    .map((person) => {
      const held = (model.assignmentsByHolder.get(person.id) ?? []).filter(({ role }) => role !== 'users');
      return { person, count: held.length, systems: new Set(held.map(({ system }) => system.id)).size };
    })
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count || b.systems - a.systems || a.person.name.localeCompare(b.person.name, 'sv'))
    .slice(0, top);
}
