// Rules about continuity and security (cybersäkerhetslagen): the facts a
// critical system should have, dates that cannot be in the future, periodic
// checks within the interval, and promises that the dependency graph cannot
// keep: a recovery time shorter than that of a system depended on, a higher
// availability class, information flowing to a system classed lower, a
// contract ending before the planned decommissioning, a platform being
// retired under systems in operation.
import { addTo } from '../../collections.ts';
import { dependenciesOf } from '../../domain/dependencies.ts';
import { durationMinutes, durationText } from '../../domain/durations.ts';
import { hasSupplierSupport, isCheckCurrent, isCritical, isInUse, PERIODIC_CHECKS } from '../../domain/continuity.ts';
import { formatSwedishDate } from '../../text/dates.ts';
import type { CheckedEntry } from '../check-files.ts';
import type { System } from '../../schema/types.ts';
import { finding, type Rule } from './context.ts';

type SystemEntry = CheckedEntry & { data: System };

/** A critical system in use without a recovery time, a fallback, or (when it has a supplier) the supplier's support. */
export const continuityFactsPresent: Rule = ({ systems, policy }) =>
  systems.flatMap((system) => {
    const { data } = system;
    if (!isCritical(data) || !isInUse(data)) return [];
    const severity = policy.missingContinuityFacts === 'fel' ? 'error' : 'warning';
    const why =
      data.criticality === 'hög' || data.criticality === 'kritisk'
        ? `kritikalitet ${data.criticality}`
        : `tillgänglighet ${data.classification?.availability}`;
    const missing: { path: string[]; what: string }[] = [];
    if (!data.continuity?.rto)
      missing.push({ path: ['continuity', 'rto'], what: 'hur länge det längst får vara borta (continuity.rto, till exempel 4h)' });
    if (!data.continuity?.fallback)
      missing.push({
        path: ['continuity', 'fallback'],
        what: 'en reservrutin (continuity.fallback): vad verksamheten gör medan systemet inte fungerar',
      });
    if (data.supplier && !hasSupplierSupport(data))
      missing.push({
        path: ['supplier', 'support'],
        what: `hur leverantören ${data.supplier.name} nås (supplier.support: phone, email eller portal)`,
      });
    // A missing fact is shown where the system is said to be critical, or on the supplier.
    const reason = data.criticality === 'hög' || data.criticality === 'kritisk' ? ['criticality'] : ['classification', 'availability'];
    return missing.map(({ path, what }) => {
      return finding({
        entry: system,
        path: path[0] === 'supplier' ? ['supplier'] : reason,
        about: path,
        target: 'key',
        rule: 'continuity-missing',
        severity,
        message: `Systemet är kritiskt (${why}) men saknar ${what}. Det behövs den dag systemet slutar fungera.`,
      });
    });
  });

/** A critical system whose recovery time is longer than the settings allow (maxCriticalRto). */
export const criticalRtoWithinMaximum: Rule = ({ systems, policy }) => {
  const maximum = durationMinutes(policy.maxCriticalRto);
  if (maximum === undefined || !policy.maxCriticalRto) return [];
  const limit = policy.maxCriticalRto;
  return systems.flatMap((system) => {
    const rto = system.data.continuity?.rto;
    const minutes = durationMinutes(rto);
    if (!rto || minutes === undefined || minutes <= maximum || !isCritical(system.data)) return [];
    return [
      finding({
        entry: system,
        path: ['continuity', 'rto'],
        rule: 'rto-too-long',
        message: `Systemet är kritiskt men får vara borta i ${durationText(rto)}, längre än kommunens gräns för kritiska system, ${durationText(limit)} (maxCriticalRto i settings.yaml). Korta återställningstiden med leverantören, eller pröva om systemet verkligen är kritiskt.`,
      }),
    ];
  });
};

const FACT_DATES = [
  { path: ['continuity', 'restoreTested'], what: 'återläsningen testades', read: (data: System) => data.continuity?.restoreTested },
  { path: ['security', 'accessReviewed'], what: 'behörigheterna granskades', read: (data: System) => data.security?.accessReviewed },
  { path: ['security', 'riskAnalysis'], what: 'riskanalysen gjordes', read: (data: System) => data.security?.riskAnalysis },
] as const;

/** A test, review or analysis dated after today would silence its reminder: a typo, to be corrected. */
export const factDatesNotInFuture: Rule = ({ systems, today }) =>
  systems.flatMap((system) =>
    FACT_DATES.flatMap(({ path, what, read }) => {
      const date = read(system.data);
      if (date === undefined || date <= today) return [];
      return [
        finding({
          entry: system,
          path: [...path],
          rule: 'fact-in-future',
          message: `${path.join('.')} är ${formatSwedishDate(date)}, ett datum som inte har kommit än. Sätt den dag då ${what}, senast i dag (${today}).`,
        }),
      ];
    }),
  );

/** A restore test or access review older than the interval (securityCheckIntervalMonths). */
export const periodicChecksCurrent: Rule = ({ systems, policy, today }) =>
  systems.flatMap((system) => {
    if (!isInUse(system.data)) return [];
    return PERIODIC_CHECKS.flatMap((check) => {
      const date = check.read(system.data);
      if (date === undefined || date > today || isCheckCurrent(date, policy.securityCheckIntervalMonths, today)) return [];
      return [
        finding({
          entry: system,
          path: [...check.path],
          rule: check.rule,
          message: `Senaste ${check.title} var ${formatSwedishDate(date)}, för mer än ${policy.securityCheckIntervalMonths} månader sedan. ${check.again} och sätt dagens datum, till exempel med npm run attest -- ${system.fileId} --fakta ${check.fact}.`,
        }),
      ];
    });
  });

/**
 * Promises the dependency graph cannot keep, each found at the dependency
 * that breaks it: a system must be back within its rto, but the system it
 * uses may take longer; it is classed more available than what it needs;
 * its information flows (dataflöde, filöverföring) to a system classed lower
 * for confidentiality. O(dependencies).
 */
export const dependencyPromisesKept: Rule = ({ systems }) => {
  const byId = new Map<string, SystemEntry>(systems.map((system) => [system.fileId, system]));
  return systems.flatMap((system) => {
    if (!isInUse(system.data)) return [];
    return dependenciesOf(system.data).flatMap((dependency, index) => {
      const used = byId.get(dependency.id);
      if (!used || used === system || !isInUse(used.data)) return [];
      const path = ['dependencies', index];
      const found = [];
      const own = system.data.continuity?.rto;
      const theirs = used.data.continuity?.rto;
      const ownMinutes = durationMinutes(own);
      const theirMinutes = durationMinutes(theirs);
      if (own && theirs && ownMinutes !== undefined && theirMinutes !== undefined && ownMinutes < theirMinutes)
        found.push(
          finding({
            entry: system,
            path,
            rule: 'rto-chain',
            about: ['continuity', 'rto'],
            refs: [used.fileId],
            message: `${system.data.name} ska vara igång igen inom ${durationText(own)}, men använder ${used.data.name}, som får vara borta i ${durationText(theirs)}. Korta återställningstiden för ${used.data.name}, ha en reservrutin för när det saknas, eller ange en längre återställningstid för ${system.data.name}.`,
          }),
        );
      const ownAvailability = system.data.classification?.availability;
      const theirAvailability = used.data.classification?.availability;
      if (ownAvailability !== undefined && theirAvailability !== undefined && ownAvailability > theirAvailability)
        found.push(
          finding({
            entry: system,
            path,
            rule: 'availability-chain',
            about: ['classification', 'availability'],
            refs: [used.fileId],
            message: `${system.data.name} har tillgänglighet ${ownAvailability} men använder ${used.data.name}, som har tillgänglighet ${theirAvailability}. Ett system kan inte vara mer tillgängligt än det det behöver; klassa om det ena eller ha en reservrutin.`,
          }),
        );
      const flows = dependency.type === 'dataflöde' || dependency.type === 'filöverföring';
      const ownConfidentiality = system.data.classification?.confidentiality;
      const theirConfidentiality = used.data.classification?.confidentiality;
      if (flows && ownConfidentiality !== undefined && theirConfidentiality !== undefined && ownConfidentiality > theirConfidentiality)
        found.push(
          finding({
            entry: system,
            path,
            rule: 'confidentiality-flow',
            about: ['classification', 'confidentiality'],
            refs: [used.fileId],
            message: `Information går från ${system.data.name} (konfidentialitet ${ownConfidentiality}) till ${used.data.name} (konfidentialitet ${theirConfidentiality}) genom ${dependency.type}. Skydda informationen lika väl där, eller skicka bara det som tål den lägre nivån.`,
          }),
        );
      return found;
    });
  });
};

/** A contract that ends before the system is planned to be decommissioned leaves it without a contract. */
export const contractLastsUntilRetirement: Rule = ({ systems }) =>
  systems.flatMap((system) => {
    const { retirement, contract, status } = system.data;
    if (!retirement || !contract?.end || contract.end >= retirement || status === 'avvecklad') return [];
    return [
      finding({
        entry: system,
        path: ['contract', 'end'],
        rule: 'contract-before-retirement',
        about: ['retirement'],
        message: `Avtalet löper ut ${formatSwedishDate(contract.end)}, men systemet ska avvecklas först ${formatSwedishDate(retirement)}. Förläng avtalet, upphandla för tiden emellan eller tidigarelägg avvecklingen.`,
      }),
    ];
  });

/** A system being retired (or switched off) that systems in operation still use. */
export const retiringSystemsUnused: Rule = ({ systems }) => {
  const users = new Map<string, SystemEntry[]>();
  for (const system of systems) {
    if (system.data.status !== 'i drift') continue;
    for (const { id } of dependenciesOf(system.data)) addTo(users, id, system);
  }
  return systems.flatMap((system) => {
    const { status } = system.data;
    if (status !== 'under avveckling' && status !== 'avställd' && status !== 'avvecklad') return [];
    const dependants = users.get(system.fileId)?.filter((user) => user !== system) ?? [];
    if (dependants.length === 0) return [];
    const names = dependants.map((user) => user.data.name);
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` och ${names.length - 5} till` : '');
    return [
      finding({
        entry: system,
        path: ['status'],
        rule: 'retiring-in-use',
        about: ['dependencies'],
        // The systems named: a reader who may not see one of them does not get the finding.
        refs: dependants.map((user) => user.fileId),
        message: `Systemet har status ${status}, men ${dependants.length} system i drift använder det: ${shown}. Planera vad de ska använda i stället innan det stängs.`,
      }),
    ];
  });
};
