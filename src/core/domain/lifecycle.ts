// A system's lifecycle: the statuses, in order, and what each means for the
// rest of the register. The rules, the report, the councils, the reminders
// and the site ask these predicates; nothing else decides what "in use" is.
// Free of zod, so that the site's client scripts may use it. The statuses
// themselves are in the vocabulary, where the schema reads them too.
import { SYSTEM_STATUSES, type SystemStatus } from '../vocabulary.ts';

export { SYSTEM_STATUSES, type SystemStatus };

interface Phase {
  /**
   * Owner, manager, operations and an administrator must be people in post.
   * A system switched off (avställd) still holds information that someone
   * answers for until it is decommissioned.
   */
  needsNamedPeople: boolean;
  /** Reviewed within the interval, and its contract followed up. */
  needsReview: boolean;
  /** Its manager sits on the council for system management (guideline §3). */
  countsForCouncils: boolean;
  /** The badge colour on the site: the text says the rest. */
  tone: 'ok' | 'info' | 'warn' | 'muted';
  /** What people write for it in spreadsheets, folded to lower case without diacritics. */
  synonyms: readonly string[];
}

export const LIFECYCLE: Record<SystemStatus, Phase> = {
  planerad: {
    needsNamedPeople: true,
    needsReview: true,
    countsForCouncils: true,
    tone: 'info',
    synonyms: ['planerat', 'planering', 'kommande', 'planned'],
  },
  'under upphandling': {
    needsNamedPeople: true,
    needsReview: true,
    countsForCouncils: true,
    tone: 'info',
    synonyms: ['upphandling', 'upphandlas', 'procurement'],
  },
  'under införande': {
    needsNamedPeople: true,
    needsReview: true,
    countsForCouncils: true,
    tone: 'info',
    synonyms: ['inforande', 'implementering', 'inforandeprojekt', 'pilot', 'implementation'],
  },
  'i drift': {
    needsNamedPeople: true,
    needsReview: true,
    countsForCouncils: true,
    tone: 'ok',
    synonyms: ['drift', 'aktiv', 'aktivt', 'i bruk', 'produktion', 'i produktion', 'anvands', 'ja', 'active', 'in use', 'production'],
  },
  'under avveckling': {
    needsNamedPeople: true,
    needsReview: true,
    countsForCouncils: true,
    tone: 'warn',
    synonyms: ['avveckling', 'avvecklas', 'ska avvecklas', 'phasing out'],
  },
  avställd: {
    needsNamedPeople: true,
    needsReview: false,
    countsForCouncils: false,
    tone: 'muted',
    synonyms: ['avstallt', 'vilande', 'avstangd', 'avstangt', 'inactive'],
  },
  avvecklad: {
    needsNamedPeople: false,
    needsReview: false,
    countsForCouncils: false,
    tone: 'muted',
    synonyms: ['avvecklat', 'avslutad', 'avslutat', 'ur drift', 'ej i bruk', 'nedlagd', 'nedlagt', 'retired', 'decommissioned'],
  },
};

function phase(status: string): Phase | undefined {
  return LIFECYCLE[status as SystemStatus];
}

/** An unknown status (a file that does not validate) is treated as needing everything. */
export const needsNamedPeople = (status: string): boolean => phase(status)?.needsNamedPeople ?? true;
export const needsReview = (status: string): boolean => phase(status)?.needsReview ?? true;
export const countsForCouncils = (status: string): boolean => phase(status)?.countsForCouncils ?? false;
export const statusTone = (status: string): Phase['tone'] => phase(status)?.tone ?? 'info';
