// Rules about the management organisation of each system (guideline §4).
import { fieldReference } from '../../schema/labels.ts';
import { issue, type Rule, type RuleContext } from './context.ts';
import type { Issue } from '../findings.ts';

/** Decommissioned systems keep their history; their roles need no one in post. */
function isActiveSystem(status: string): boolean {
  return status !== 'avvecklad';
}

function leftMessage(context: RuleContext, field: string, personId: string, fix: string): string {
  const person = context.people.get(personId);
  return `${field} är ${person?.data.name ?? personId}, som inte längre har kvar sin tjänst (active: false i ${person?.file ?? 'personens fil'}). ${fix}`;
}

const isLeft = (context: RuleContext, personId: string) => context.people.get(personId)?.data.active === false;

/** Owner, manager and (when a person) operations are held by someone in post. */
export const roleHoldersInPost: Rule = (context) =>
  context.systems.flatMap((system) => {
    if (!isActiveSystem(system.data.status)) return [];
    const { roles } = system.data;
    const issues: Issue[] = [];
    const single = [
      ['owner', roles.owner],
      ['manager', roles.manager],
      ['operations', roles.operations],
      ['informationOwner', roles.informationOwner],
      ['technicalManager', roles.technicalManager],
    ] as const;
    for (const [key, personId] of single) {
      if (personId === undefined || !isLeft(context, personId)) continue;
      const required = key === 'owner' || key === 'manager' || key === 'operations';
      const field = fieldReference('system', ['roles', key]);
      issues.push(
        issue(
          system,
          ['roles', key],
          required ? 'role-holder-left' : 'optional-role-holder-left',
          leftMessage(context, field, personId, 'Ange vem som har rollen nu.'),
          required ? 'error' : 'warning',
        ),
      );
    }
    (roles.superUsers ?? []).forEach((personId, index) => {
      if (isLeft(context, personId)) {
        issues.push(
          issue(
            system,
            ['roles', 'superUsers', index],
            'optional-role-holder-left',
            leftMessage(context, fieldReference('system', ['roles', 'superUsers', index]), personId, 'Ta bort personen ur listan.'),
            'warning',
          ),
        );
      }
    });
    return issues;
  });

/**
 * At least one administrator is in post (error); an administrator who has
 * left while others remain is a warning to tidy the list.
 */
export const administratorInPost: Rule = (context) =>
  context.systems.flatMap((system) => {
    if (!isActiveSystem(system.data.status)) return [];
    const administrators = system.data.roles.administrators;
    const left = administrators.map((personId, index) => ({ personId, index })).filter(({ personId }) => isLeft(context, personId));
    if (left.length === 0) return [];
    if (left.length === administrators.length) {
      return [
        issue(
          system,
          ['roles', 'administrators'],
          'no-administrator-in-post',
          `Ingen av systemadministratörerna har kvar sin tjänst. Systemförvaltaren ska utse minst en ny systemadministratör (riktlinjerna §4).`,
          'error',
          'key',
        ),
      ];
    }
    return left.map(({ personId, index }) =>
      issue(
        system,
        ['roles', 'administrators', index],
        'administrator-left',
        leftMessage(context, fieldReference('system', ['roles', 'administrators', index]), personId, 'Ta bort personen ur listan.'),
        'warning',
      ),
    );
  });

/** One person in every role leaves no one to check anyone: worth a warning. */
export const singlePersonHoldsEveryRole: Rule = (context) =>
  context.systems.flatMap((system) => {
    if (!isActiveSystem(system.data.status)) return [];
    const { owner, manager, administrators, operations } = system.data.roles;
    const holders = new Set([owner, manager, ...administrators]);
    if (context.people.has(operations)) holders.add(operations);
    if (holders.size !== 1) return [];
    const person = context.people.get(owner);
    return [
      issue(
        system,
        ['roles'],
        'single-person-roles',
        `${person?.data.name ?? owner} har alla roller för systemet. Riktlinjerna skiljer på systemägare, systemförvaltare och systemadministratör; överväg att fördela rollerna.`,
        'warning',
        'key',
      ),
    ];
  });
