// Rules about dates: contract periods and reviews.
import { formatSwedishDate } from '../../text/dates.ts';
import { contractEndsWithin, DEFAULT_CONTRACT_WARNING_DAYS, DEFAULT_REVIEW_MONTHS, isCurrent, isReviewOverdue } from '../../model/review.ts';
import { issue, type Rule } from './context.ts';

export const contractPeriodIsOrdered: Rule = ({ systems }) =>
  systems.flatMap((system) => {
    const { start, end } = system.data.contract ?? {};
    if (!start || !end || end >= start) return [];
    return [
      issue(system, ['contract', 'end'], 'contract-period', `Avtalet löper ut ${end}, före avtalsstarten ${start}. Kontrollera datumen.`),
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
      issue(
        system,
        ['reviewed'],
        'review-in-future',
        `reviewed är ${formatSwedishDate(reviewed)}, ett datum som inte har kommit än. Sätt den dag då uppgifterna granskades, senast i dag (${today}).`,
      ),
    ];
  });

/** `reviewed` is missing or older than the review interval in the settings. */
export const reviewOverdue: Rule = ({ systems, settings, today }) => {
  const months = settings?.data.reviewIntervalMonths ?? DEFAULT_REVIEW_MONTHS;
  return systems.flatMap((system) => {
    if (!isCurrent(system.data.status)) return [];
    const reviewed = system.data.reviewed;
    if (reviewed === undefined) {
      return [
        issue(
          system,
          ['reviewed'],
          'review-missing',
          `Systemet har aldrig granskats. Systemägaren går igenom uppgifterna och sätter reviewed till dagens datum (${today}).`,
          'warning',
          'key',
        ),
      ];
    }
    if (!isReviewOverdue(reviewed, months, today)) return [];
    return [
      issue(
        system,
        ['reviewed'],
        'review-overdue',
        `Uppgifterna granskades senast ${formatSwedishDate(reviewed)}, för mer än ${months} månader sedan. Systemägaren går igenom filen och sätter reviewed till dagens datum.`,
        'warning',
      ),
    ];
  });
};

export const contractEndingSoon: Rule = ({ systems, settings, today }) => {
  const days = settings?.data.contractWarningDays ?? DEFAULT_CONTRACT_WARNING_DAYS;
  return systems.flatMap((system) => {
    const end = system.data.contract?.end;
    if (!end || !isCurrent(system.data.status)) return [];
    const remaining = contractEndsWithin(end, days, today);
    if (remaining === undefined) return [];
    const when = remaining === 0 ? 'i dag' : `om ${remaining} ${remaining === 1 ? 'dag' : 'dagar'} (${formatSwedishDate(end)})`;
    return [
      issue(
        system,
        ['contract', 'end'],
        'contract-ending',
        `Avtalet löper ut ${when}. Systemägaren beslutar om förlängning, ny upphandling eller avveckling.`,
        'warning',
      ),
    ];
  });
};
