// Rules about dates: contract periods and reviews.
import { needsReview } from '../../domain/lifecycle.ts';
import { contractEndsWithin, isReviewOverdue } from '../../domain/review.ts';
import { formatSwedishDate } from '../../text/dates.ts';
import { finding, type Rule } from './context.ts';

export const contractPeriodIsOrdered: Rule = ({ systems }) =>
  systems.flatMap((system) => {
    const { start, end } = system.data.contract ?? {};
    if (!start || !end || end >= start) return [];
    return [
      finding({
        entry: system,
        path: ['contract', 'end'],
        rule: 'contract-period',
        message: `Avtalet löper ut ${end}, före avtalsstarten ${start}. Kontrollera datumen.`,
      }),
    ];
  });

/**
 * A review date after today would silence the review warnings for years: it
 * is a typo or an attempt to skip reviews, and must be corrected.
 */
export const reviewNotInFuture: Rule = ({ systems, today }) =>
  systems.flatMap((system) => {
    const reviewed = system.data.reviewed;
    if (reviewed === undefined || reviewed <= today) return [];
    return [
      finding({
        entry: system,
        path: ['reviewed'],
        rule: 'review-in-future',
        message: `reviewed är ${formatSwedishDate(reviewed)}, ett datum som inte har kommit än. Sätt den dag då uppgifterna granskades, senast i dag (${today}).`,
      }),
    ];
  });

/** `reviewed` is missing or older than the review interval in the settings. */
export const reviewOverdue: Rule = ({ systems, policy, today }) =>
  systems.flatMap((system) => {
    if (!needsReview(system.data.status)) return [];
    const reviewed = system.data.reviewed;
    if (reviewed === undefined) {
      return [
        finding({
          entry: system,
          path: ['reviewed'],
          rule: 'review-missing',
          message: `Systemet har aldrig granskats. Systemägaren går igenom uppgifterna och sätter reviewed till dagens datum (${today}), till exempel med npm run attest -- ${system.fileId}.`,
          target: 'key',
        }),
      ];
    }
    if (!isReviewOverdue(reviewed, policy.reviewIntervalMonths, today)) return [];
    return [
      finding({
        entry: system,
        path: ['reviewed'],
        rule: 'review-overdue',
        message: `Uppgifterna granskades senast ${formatSwedishDate(reviewed)}, för mer än ${policy.reviewIntervalMonths} månader sedan. Systemägaren går igenom filen och sätter reviewed till dagens datum, till exempel med npm run attest -- ${system.fileId}.`,
      }),
    ];
  });

export const contractEndingSoon: Rule = ({ systems, policy, today }) =>
  systems.flatMap((system) => {
    const end = system.data.contract?.end;
    if (!end || !needsReview(system.data.status)) return [];
    const remaining = contractEndsWithin(end, policy.contractWarningDays, today);
    if (remaining === undefined) return [];
    const when = remaining === 0 ? 'i dag' : `om ${remaining} ${remaining === 1 ? 'dag' : 'dagar'} (${formatSwedishDate(end)})`;
    return [
      finding({
        entry: system,
        path: ['contract', 'end'],
        rule: 'contract-ending',
        message: `Avtalet löper ut ${when}. Systemägaren beslutar om förlängning, ny upphandling eller avveckling.`,
      }),
    ];
  });
