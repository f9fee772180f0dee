// Rules about references between entries.
import type { Finding, RuleId } from '../../findings/findings.ts';
import { KINDS, type ReferableKind } from '../../kinds.ts';
import { fieldReference } from '../../schema/labels.ts';
import { dependenciesOf } from '../../domain/dependencies.ts';
import { forEachReference, referencePath } from '../../domain/references.ts';
import type { DataPath } from '../../data-path.ts';
import type { CheckedEntry } from '../check-files.ts';
import { ID_PATTERN } from '../../vocabulary.ts';
import { didYouMean, joinSwedish } from '../../text/text.ts';
import { finding, type Rule, type RuleContext } from './context.ts';

const UNKNOWN_RULES = { system: 'unknown-system', person: 'unknown-person', unit: 'unknown-unit' } as const satisfies Record<
  ReferableKind,
  RuleId
>;

const WHERE: Record<ReferableKind, string> = {
  system: 'systemet i registry/systems/',
  person: 'personen i registry/people/',
  unit: 'enheten i registry/units/',
};

/** Every id an entry names exists, and is of a kind the field accepts. O(references). */
export const referencesResolve: Rule = ({ entries, ids }) => {
  const found: Finding[] = [];
  for (const entry of entries)
    forEachReference(entry.kind, entry.data, (field, id, index) => {
      const { targets } = field;
      for (const kind of targets) if (ids.get(kind)?.has(id)) return;
      // A value that is not written as an id at all is the schema's finding, said once.
      if (ID_PATTERN.test(id)) found.push(unresolved(entry, referencePath(field, index), id, targets, ids));
    });
  return found;
};

function unresolved(entry: CheckedEntry, path: DataPath, id: string, targets: readonly ReferableKind[], ids: RuleContext['ids']): Finding {
  const field = fieldReference(entry.kind, path);
  const otherKind = (Object.keys(WHERE) as ReferableKind[]).find((kind) => !targets.includes(kind) && ids.get(kind)?.has(id));
  if (otherKind) {
    const wanted = joinSwedish(targets.map((kind) => KINDS[kind].indefinite)).replace(/ och /, ' eller ');
    return finding({
      entry,
      path,
      rule: 'wrong-reference-kind',
      message: `${field} pekar på "${id}", som är ${KINDS[otherKind].indefinite}. Här ska det stå id för ${wanted}.`,
      refs: [id],
    });
  }
  const candidates = targets.flatMap((kind) => [...(ids.get(kind) ?? [])]);
  const where = targets.map((kind) => WHERE[kind]).join(' eller ');
  const rule = targets.length === 1 ? UNKNOWN_RULES[targets[0] as ReferableKind] : 'unknown-reference';
  return finding({
    entry,
    path,
    rule,
    message: `${field} pekar på "${id}", men det finns ingen sådan post (${where}).${didYouMean(id, candidates)} Rätta id:t eller lägg till posten (npm run new).`,
    refs: [id],
  });
}

/** A system cannot depend on itself. */
export const noSelfDependency: Rule = ({ systems }) =>
  systems.flatMap((system) =>
    dependenciesOf(system.data).flatMap((dependency, index) =>
      dependency.id === system.fileId
        ? [
            finding({
              entry: system,
              path: ['dependencies', index],
              rule: 'self-dependency',
              message: `Systemet står som beroende av sig självt. Ta bort "${dependency.id}" ur dependencies.`,
            }),
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
  const found: Finding[] = [];
  for (const start of units.keys()) {
    const trail: string[] = [];
    const onTrail = new Set<string>();
    let current: string | undefined = start;
    while (current !== undefined && !finished.has(current)) {
      if (onTrail.has(current)) {
        const cycle = trail.slice(trail.indexOf(current));
        const entry = units.get(current);
        if (entry) {
          found.push(
            finding({
              entry,
              path: ['parent'],
              rule: 'unit-cycle',
              message: `Enheterna ${cycle.map((id) => `"${id}"`).join(' → ')} → "${current}" är varandras överordnade i en ring. Ändra parent så att kedjan slutar vid den översta enheten.`,
              refs: cycle,
            }),
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
  return found;
};
