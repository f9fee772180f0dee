// All cross-file rules, in the order their findings are most useful to read.
// Each rule is one pass over the entries (or systems) with map lookups, so
// running them all is O(entries + references); tests/core/linear.test.ts checks it.
import type { Finding } from '../../findings/findings.ts';
import type { Rule, RuleContext } from './context.ts';
import { contractEndingSoon, contractPeriodIsOrdered, reviewNotInFuture, reviewOverdue } from './dates.ts';
import {
  continuityFactsPresent,
  contractLastsUntilRetirement,
  criticalRtoWithinMaximum,
  dependencyPromisesKept,
  factDatesNotInFuture,
  periodicChecksCurrent,
  retiringSystemsUnused,
} from './continuity.ts';
import { forgeKnown, idMatchesFileName, settingsPresent, uniqueIds } from './identity.ts';
import { noSelfDependency, referencesResolve, unitTreeIsAcyclic } from './references.ts';
import { administratorInPost, roleHoldersInPost, singlePersonHoldsEveryRole } from './roles.ts';
import { overridesNameFields, protectedFieldsPlaced, requiredReferencesVisible } from './visibility.ts';

const RULES: readonly Rule[] = [
  settingsPresent,
  forgeKnown,
  idMatchesFileName,
  uniqueIds,
  referencesResolve,
  noSelfDependency,
  unitTreeIsAcyclic,
  overridesNameFields,
  requiredReferencesVisible,
  protectedFieldsPlaced,
  roleHoldersInPost,
  administratorInPost,
  singlePersonHoldsEveryRole,
  contractPeriodIsOrdered,
  reviewNotInFuture,
  reviewOverdue,
  contractEndingSoon,
  contractLastsUntilRetirement,
  continuityFactsPresent,
  criticalRtoWithinMaximum,
  factDatesNotInFuture,
  periodicChecksCurrent,
  dependencyPromisesKept,
  retiringSystemsUnused,
];

export function runRules(context: RuleContext): Finding[] {
  return RULES.flatMap((rule) => rule(context));
}
