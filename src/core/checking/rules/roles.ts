// Rules about the management organisation of each system (guideline §4).
import { needsNamedPeople } from '../../domain/lifecycle.ts';
import type { RoleKey } from '../../domain/roles.ts';
import { fieldReference } from '../../schema/labels.ts';
import type { Finding } from '../../findings/findings.ts';
import { finding, type Rule, type RuleContext } from './context.ts';

function leftMessage(context: RuleContext, field: string, personId: string, fix: string): string {
  const person = context.people.get(personId);
  return `${field} är ${person?.data.name ?? personId}, som inte längre har kvar sin tjänst (active: false i ${person?.file ?? 'personens fil'}). ${fix}`;
}

const isLeft = (context: RuleContext, personId: string) => context.people.get(personId)?.data.active === false;

/** Single-person roles: the first three must be held by someone in post, the others should be. */
const SINGLE_ROLES: readonly { role: RoleKey; required: boolean }[] = [
  { role: 'owner', required: true },
  { role: 'manager', required: true },
  { role: 'operations', required: true },
  { role: 'informationOwner', required: false },
  { role: 'technicalManager', required: false },
];

/** Owner, manager and (when a person) operations are held by someone in post. */
export const roleHoldersInPost: Rule = (context) =>
  context.systems.flatMap((system) => {
    if (!needsNamedPeople(system.data.status)) return [];
    const roles = system.data.roles as Record<RoleKey, unknown>;
    const found: Finding[] = [];
    for (const { role, required } of SINGLE_ROLES) {
      const personId = roles[role];
      if (typeof personId !== 'string' || !isLeft(context, personId)) continue;
      found.push(
        finding({
          entry: system,
          path: ['roles', role],
          rule: required ? 'role-holder-left' : 'optional-role-holder-left',
          message: leftMessage(context, fieldReference('system', ['roles', role]), personId, 'Ange vem som har rollen nu.'),
          refs: [personId],
        }),
      );
    }
    (system.data.roles.superUsers ?? []).forEach((personId, index) => {
      if (!isLeft(context, personId)) return;
      const path = ['roles', 'superUsers', index];
      found.push(
        finding({
          entry: system,
          path,
          rule: 'optional-role-holder-left',
          message: leftMessage(context, fieldReference('system', path), personId, 'Ta bort personen ur listan.'),
          refs: [personId],
        }),
      );
    });
    return found;
  });

/**
 * At least one administrator is in post (error); an administrator who has
 * left while others remain is a warning to tidy the list.
 */
export const administratorInPost: Rule = (context) =>
  context.systems.flatMap((system) => {
    if (!needsNamedPeople(system.data.status)) return [];
    const administrators = system.data.roles.administrators;
    const left = administrators.map((personId, index) => ({ personId, index })).filter(({ personId }) => isLeft(context, personId));
    if (left.length === 0) return [];
    if (left.length === administrators.length) {
      return [
        finding({
          entry: system,
          path: ['roles', 'administrators'],
          rule: 'no-administrator-in-post',
          message:
            'Ingen av systemadministratörerna har kvar sin tjänst. Systemförvaltaren ska utse minst en ny systemadministratör (riktlinjerna §4).',
          target: 'key',
          refs: left.map(({ personId }) => personId),
        }),
      ];
    }
    return left.map(({ personId, index }) => {
      const path = ['roles', 'administrators', index];
      return finding({
        entry: system,
        path,
        rule: 'administrator-left',
        message: leftMessage(context, fieldReference('system', path), personId, 'Ta bort personen ur listan.'),
        refs: [personId],
      });
    });
  });

/** One person in every role leaves no one to check anyone: worth a warning. */
export const singlePersonHoldsEveryRole: Rule = (context) =>
  context.systems.flatMap((system) => {
    if (!needsNamedPeople(system.data.status)) return [];
    const { owner, manager, administrators, operations } = system.data.roles;
    const holders = new Set([owner, manager, ...administrators]);
    if (context.people.has(operations)) holders.add(operations);
    if (holders.size !== 1) return [];
    const person = context.people.get(owner);
    return [
      finding({
        entry: system,
        path: ['roles'],
        rule: 'single-person-roles',
        message: `${person?.data.name ?? owner} har alla roller för systemet. Riktlinjerna skiljer på systemägare, systemförvaltare och systemadministratör; överväg att fördela rollerna.`,
        target: 'key',
        refs: [owner],
      }),
    ];
  });
