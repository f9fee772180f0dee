// The closed value lists of the register, in their natural order. Kept free
// of zod so that the validator and the site can use them without loading it.

/** Ids: lower-case a–z, digits and single hyphens; also the file name. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Long enough for any real name, short enough for every file system and path. */
export const MAX_ID_LENGTH = 80;
/**
 * One line of text that is not empty: names, titles, references. A line
 * break in a name reaches logs and issue titles, where a line of its own
 * can be read as a command (::error:: in a GitHub workflow). The two
 * character classes around \\S do not overlap, so the pattern runs in
 * linear time, whatever the value.
 */
export const ONE_LINE_PATTERN = /^[^\S\r\n\u2028\u2029]*\S[^\r\n\u2028\u2029]*$/;
/** Text of one or more lines that is not empty: descriptions and notes. */
export const NOT_EMPTY_PATTERN = /\S/;
/** Swedish organisation numbers, NNNNNN-NNNN. */
export const ORG_NUMBER_PATTERN = /^\d{6}-\d{4}$/;
/** Phone numbers as people write them: digits, spaces and hyphens, optionally +46. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,}[0-9]$/;
/** A GitHub user name, without the @. */
export const GIT_HANDLE_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/**
 * Web addresses: http or https with a host, and no characters that a URL
 * must escape (quotes, angle brackets, spaces). Any other scheme
 * (javascript:, data:, file:, ms-msdt: …) could run or open something when a
 * member of staff clicks the link on the intranet.
 */
export const WEB_URL_PATTERN = /^https?:\/\/[^\s/?#"<>\\^`{|}]+[^\s"<>\\^`{|}]*$/;
/**
 * The JSON Schema keyword that says which kinds of entry a field names by id.
 * It is the one declaration of every reference: the reference rules, the
 * model, npm run new, the import and the change summary read it
 * (model/references.ts). Editors ignore it; ajv knows it as an annotation.
 */
export const REFERENCES_KEYWORD = 'x-references';
/**
 * The JSON Schema keyword that says who may see a field: its audience, why,
 * and on what grounds it is withheld from a wider one (domain/visibility.ts).
 */
export const VISIBILITY_KEYWORD = 'x-visibility';

/**
 * Who a build of the site, and everything in it, is for, from the widest:
 * anyone (the public site and open data), the municipality's staff (the
 * intranet), and the security function that needs the full picture.
 */
export const AUDIENCES = ['offentlig', 'intern', 'skyddad'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** How often the register is updated, as its open data says (DCAT-AP-SE accrualPeriodicity). */
export const UPDATE_FREQUENCIES = ['löpande', 'dagligen', 'veckovis', 'månadsvis', 'kvartalsvis', 'årligen'] as const;

/** A GitHub team, @organisation/team. */
export const TEAM_PATTERN = /^@[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

/** Planerad → Under upphandling → Under införande → I drift → Under avveckling → Avställd → Avvecklad. What each means: domain/lifecycle.ts. */
export const SYSTEM_STATUSES = [
  'planerad',
  'under upphandling',
  'under införande',
  'i drift',
  'under avveckling',
  'avställd',
  'avvecklad',
] as const;

export type SystemStatus = (typeof SYSTEM_STATUSES)[number];

/** How one system depends on another (the set the municipality of Sundsvall uses in its register). */
export const DEPENDENCY_TYPES = ['dataflöde', 'inloggning', 'integration', 'filöverföring', 'databas'] as const;

/** Where the register's repository lives; links and CODEOWNERS follow it. */
export const FORGES = ['github', 'gitlab'] as const;

/** How staff report a change from the site: an issue form, or e-mail only. */
export const CHANGE_REPORT_CHANNELS = ['ärende', 'e-post'] as const;

export const HOSTING_FORMS = ['egen drift', 'extern drift', 'molntjänst'] as const;
export const CRITICALITY_LEVELS = ['låg', 'medel', 'hög', 'kritisk'] as const;

/**
 * What people write for each hosting form, in lower case without diacritics:
 * the validator suggests from it ("SaaS" → molntjänst) and the import reads it.
 */
export const HOSTING_SYNONYMS: Record<(typeof HOSTING_FORMS)[number], readonly string[]> = {
  'egen drift': [
    'egen drift',
    'intern drift',
    'internt',
    'on-prem',
    'on-premise',
    'on premise',
    'onprem',
    'lokalt',
    'egen server',
    'egna servrar',
    'it-avdelningen',
    'egen datahall',
    'kommunens datahall',
    'self-hosted',
  ],
  'extern drift': [
    'extern drift',
    'externt',
    'extern',
    'hos leverantoren',
    'hos leverantor',
    'leverantorsdrift',
    'driftas av leverantoren',
    'driftas av leverantor',
    'hostad',
    'hostat',
    'hosting',
    'hosted',
    'outsourcad',
    'outsourcat',
  ],
  molntjänst: ['molntjanst', 'saas', 'moln', 'molnet', 'cloud', 'molnbaserad', 'cloud service', 'paas', 'iaas'],
};

/** What people write for each level of criticality, folded like HOSTING_SYNONYMS. */
export const CRITICALITY_SYNONYMS: Record<(typeof CRITICALITY_LEVELS)[number], readonly string[]> = {
  låg: ['lag', '1', 'low'],
  medel: ['medel', '2', 'medium', 'mellan', 'normal'],
  hög: ['hog', '3', 'high'],
  kritisk: ['kritisk', '4', 'mycket hog', 'verksamhetskritisk', 'samhallskritisk', 'critical'],
};
export const PROCESSOR_AGREEMENT_STATES = ['finns', 'saknas', 'ej aktuellt'] as const;

/**
 * A length of time as continuity plans write it: a whole number and a unit,
 * min (minutes), h (hours), d (days) or w (weeks): "30min", "4h", "2d", "1w".
 * Recovery time and acceptable data loss (rto, rpo) are written so.
 */
export const DURATION_PATTERN = /^[1-9][0-9]{0,3} ?(?:min|h|d|w)$/;
/** Whether users must log in with more than a password (multi-factor authentication). */
export const MFA_STATES = ['ja', 'delvis', 'nej'] as const;
/** Where a system's information is stored, as the cybersecurity law and GDPR ask. */
export const DATA_LOCATIONS = ['Sverige', 'EU/EES', 'utanför EU/EES'] as const;
/** How a finding about a missing continuity fact counts: a warning, or an error that stops a merge. */
export const FINDING_SEVERITIES = ['varning', 'fel'] as const;
export const RETENTION_CHOICES = ['bevaras', 'gallras', 'delvis bevaras'] as const;

export const UNIT_TYPES = [
  'kommun',
  'förvaltning',
  'avdelning',
  'enhet',
  'kommunalt bolag',
  'nämnd',
  'styrelse',
  'utskott',
  'råd',
] as const;

export const EQUIPMENT_CATEGORIES = [
  'dator',
  'bildskärm',
  'tillbehör',
  'standardprogramvara',
  'skrivare',
  'mobiltelefon',
  'surfplatta',
  'övrigt',
] as const;

export type HostingForm = (typeof HOSTING_FORMS)[number];
export type UnitType = (typeof UNIT_TYPES)[number];
export type EquipmentCategory = (typeof EQUIPMENT_CATEGORIES)[number];
