// Rules about references between entries.
import { KINDS, type ReferableKind } from '../../kinds.ts';
import { fieldReference } from '../../schema/labels.ts';
import { referencesOf } from '../../model/references.ts';
import { didYouMean, joinSwedish } from '../../text/text.ts';
import { issue, type Rule } from './context.ts';

const WHERE: Record<ReferableKind, string> = {
  system: 'systemet i registry/systems/',
  person: 'personen i registry/people/',
  unit: 'enheten i registry/units/',
};

/** Every id an entry names exists, and is of a kind the field accepts. O(references). */
export const referencesResolve: Rule = ({ entries, ids }) =>
  entries.flatMap((entry) =>
    referencesOf(entry.kind, entry.data).flatMap(({ path, id, targets }) => {
      if (targets.some((kind) => ids.get(kind)?.has(id))) return [];
      const field = fieldReference(entry.kind, path);
      const otherKind = (Object.keys(WHERE) as ReferableKind[]).find((kind) => !targets.includes(kind) && ids.get(kind)?.has(id));
      if (otherKind) {
        const wanted = joinSwedish(targets.map((kind) => KINDS[kind].indefinite)).replace(/ och /, ' eller ');
        return [
          issue(
            entry,
            path,
            'wrong-reference-kind',
            `${field} pekar på "${id}", som är ${KINDS[otherKind].indefinite}. Här ska det stå id för ${wanted}.`,
          ),
        ];
      }
      const candidates = targets.flatMap((kind) => [...(ids.get(kind) ?? [])]);
      const where = targets.map((kind) => WHERE[kind]).join(' eller ');
      const rule = targets.length === 1 ? `unknown-${targets[0]}` : 'unknown-reference';
      return [
        issue(
          entry,
          path,
          rule,
          `${field} pekar på "${id}", men det finns ingen sådan post (${where}).${didYouMean(id, candidates)} Rätta id:t eller lägg till posten (npm run new).`,
        ),
      ];
    }),
  );

/** A system cannot depend on itself. */
export const noSelfDependency: Rule = ({ systems }) =>
  systems.flatMap((system) =>
    (system.data.dependencies ?? []).flatMap((dependency, index) =>
      dependency === system.fileId
        ? [
            issue(
              system,
              ['dependencies', index],
              'self-dependency',
              `Systemet står som beroende av sig självt. Ta bort "${dependency}" ur dependencies.`,
            ),
          ]
        : [],
    ),
  );

/**
 * Following `parent` from any unit must end at a top unit. Each unit is
 * walked at most once thanks to the finished set: O(units).
 */
export const unitTreeIsAcyclic: Rule = ({ units }) => {
  const finished = new Set<string>();
  const issues = [];
  for (const start of units.keys()) {
    const trail: string[] = [];
    const onTrail = new Set<string>();
    let current: string | undefined = start;
    while (current !== undefined && !finished.has(current)) {
      if (onTrail.has(current)) {
        const cycle = trail.slice(trail.indexOf(current));
        const entry = units.get(current);
        if (entry) {
          issues.push(
            issue(
              entry,
              ['parent'],
              'unit-cycle',
              `Enheterna ${cycle.map((id) => `"${id}"`).join(' → ')} → "${current}" är varandras överordnade i en ring. Ändra parent så att kedjan slutar vid den översta enheten.`,
            ),
          );
        }
        break;
      }
      trail.push(current);
      onTrail.add(current);
      current = units.get(current)?.data.parent;
    }
    for (const id of trail) finished.add(id);
  }
  return issues;
};
