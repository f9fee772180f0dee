// The IT department's follow-up report (guideline §4: the IT department keeps
// the register current). Works on any parsed register, also one that does not
// validate, since that is when it is needed most.
import { isCalendarDate } from '../text/dates.ts';
import { referencesOf } from '../model/references.ts';
import type { Entry } from '../reading/parse.ts';
import {
  contractEndsWithin,
  DEFAULT_CONTRACT_WARNING_DAYS,
  DEFAULT_REVIEW_MONTHS,
  isCurrent,
  isReviewOverdue,
  reviewDue,
} from '../model/review.ts';
import { REQUIRED_ROLES, type RoleKey } from '../model/roles.ts';
import { bySwedish } from '../text/text.ts';

export interface ReportSystem {
  id: string;
  name: string;
  file: string;
}

export interface ReportPerson {
  id: string;
  name: string;
  file: string;
}

export interface Report {
  today: string;
  reviewIntervalMonths: number;
  contractWarningDays: number;
  roleProblems: { system: ReportSystem; role: RoleKey; problem: 'saknas' | 'okänd' | 'har slutat'; holder?: string }[];
  overdueReviews: { system: ReportSystem; reviewed?: string; due?: string }[];
  endingContracts: { system: ReportSystem; end: string; daysLeft: number }[];
  leftWithRoles: { person: ReportPerson; roles: { system: ReportSystem; role: RoleKey }[] }[];
  mostRoles: { person: ReportPerson; count: number; systems: number }[];
}

/** Roles that may be held by a unit instead of a person. */
const UNIT_ROLES = new Set<RoleKey>(['operations', 'users', 'legalOwner']);

const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value : fallback);

/** O(systems + role references + people log people). */
export function buildReport(entries: readonly Entry[], today: string, topCount = 10): Report {
  const settings = entries.find((entry) => entry.kind === 'settings')?.data ?? {};
  const months = typeof settings.reviewIntervalMonths === 'number' ? settings.reviewIntervalMonths : DEFAULT_REVIEW_MONTHS;
  const warningDays = typeof settings.contractWarningDays === 'number' ? settings.contractWarningDays : DEFAULT_CONTRACT_WARNING_DAYS;
  const people = new Map<string, { person: ReportPerson; active: boolean }>();
  const units = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'person')
      people.set(entry.fileId, {
        person: { id: entry.fileId, name: text(entry.data.name, entry.fileId), file: entry.file },
        active: entry.data.active !== false,
      });
    if (entry.kind === 'unit') units.add(entry.fileId);
  }
  const report: Report = {
    today,
    reviewIntervalMonths: months,
    contractWarningDays: warningDays,
    roleProblems: [],
    overdueReviews: [],
    endingContracts: [],
    leftWithRoles: [],
    mostRoles: [],
  };
  const rolesByPerson = new Map<string, { system: ReportSystem; role: RoleKey }[]>();
  const systems = entries.filter((entry) => entry.kind === 'system').sort(bySwedish((entry) => text(entry.data.name, entry.fileId)));
  for (const entry of systems) {
    const { data } = entry;
    const system: ReportSystem = { id: entry.fileId, name: text(data.name, entry.fileId), file: entry.file };
    const status = text(data.status, 'i drift');
    const roles = (typeof data.roles === 'object' && data.roles !== null ? data.roles : {}) as Record<string, unknown>;
    const references = referencesOf('system', data).filter(({ path }) => path[0] === 'roles');
    for (const { path, id } of references) {
      const role = path[1] as RoleKey;
      if (role === 'users' || !people.has(id)) continue;
      const list = rolesByPerson.get(id);
      if (list) list.push({ system, role });
      else rolesByPerson.set(id, [{ system, role }]);
    }
    if (isCurrent(status)) {
      for (const role of REQUIRED_ROLES) {
        const value = roles[role];
        if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
          report.roleProblems.push({ system, role, problem: 'saknas' });
          continue;
        }
        for (const { id } of references.filter(({ path }) => path[1] === role)) {
          const holder = people.get(id);
          if (holder && !holder.active) report.roleProblems.push({ system, role, problem: 'har slutat', holder: holder.person.name });
          else if (!holder && !(UNIT_ROLES.has(role) && units.has(id)))
            report.roleProblems.push({ system, role, problem: 'okänd', holder: id });
        }
      }
      // A date that does not exist is the validator's finding; here it counts as no date.
      const reviewed = typeof data.reviewed === 'string' && isCalendarDate(data.reviewed) ? data.reviewed : undefined;
      if (isReviewOverdue(reviewed, months, today)) {
        const due = reviewDue(reviewed, months);
        report.overdueReviews.push({ system, ...(reviewed ? { reviewed } : {}), ...(due ? { due } : {}) });
      }
      const end = (data.contract as { end?: unknown } | undefined)?.end;
      const daysLeft = contractEndsWithin(typeof end === 'string' && isCalendarDate(end) ? end : undefined, warningDays, today);
      if (daysLeft !== undefined) report.endingContracts.push({ system, end: end as string, daysLeft });
    }
  }
  report.endingContracts.sort((a, b) => a.daysLeft - b.daysLeft);
  for (const [id, roles] of rolesByPerson) {
    const holder = people.get(id);
    if (holder && !holder.active) report.leftWithRoles.push({ person: holder.person, roles });
  }
  report.leftWithRoles.sort(bySwedish((item) => item.person.name));
  report.mostRoles = [...rolesByPerson]
    .filter(([id]) => people.get(id)?.active)
    .map(([id, roles]) => ({
      person: (people.get(id) as { person: ReportPerson }).person,
      count: roles.length,
      systems: new Set(roles.map((role) => role.system.id)).size,
    }))
    .sort((a, b) => b.count - a.count || b.systems - a.systems || a.person.name.localeCompare(b.person.name, 'sv'))
    .slice(0, topCount);
  return report;
}
