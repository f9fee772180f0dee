// Which column of a spreadsheet holds what: common Swedish and English
// headers, the headings of the register's own downloads (so that an export
// imports again), and the mapping file's columns first.
import { foldText } from '../text/text.ts';
import { REGISTER_COLUMNS } from '../views/register-columns.ts';

export const IMPORT_FIELDS = [
  'name',
  'id',
  'description',
  'product',
  'aliases',
  'unit',
  'owner',
  'ownerEmail',
  'manager',
  'managerEmail',
  'administrators',
  'operations',
  'users',
  'supplier',
  'hosting',
  'status',
  'criticality',
  'orgNumber',
  'contractEnd',
  'contractStart',
  'contractReference',
  'noticePeriod',
  'personalData',
  'confidentiality',
  'integrity',
  'availability',
  'dependencies',
  'link',
  'notes',
  'reviewed',
  'loginMethod',
  'rto',
  'rpo',
  'fallback',
  'backup',
  'restoreTested',
  'mfa',
  'accessReviewed',
  'dataLocation',
  'supplierSupport',
  'hostingProvider',
  'dataCenter',
  'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** A column that holds both the supplier and how the system is run: "Lönepartner (SaaS)". */
export type ColumnField = ImportField | 'supplierAndHosting';

/** Headers people write, folded by `foldHeader`, per field. */
const HEADERS: Record<Exclude<ImportField, 'ignore'>, string[]> = {
  name: [
    'system',
    'systemnamn',
    'systemetsnamn',
    'namn',
    'itsystem',
    'benamning',
    'applikation',
    'program',
    'name',
    'systemname',
    'application',
    'app',
  ],
  id: ['id', 'kortnamn', 'systemid'],
  description: ['beskrivning', 'syfte', 'anvandningsomrade', 'kortbeskrivning', 'funktion', 'description', 'purpose'],
  product: ['produkt', 'produktnamn', 'programvara', 'version', 'product'],
  aliases: ['andranamn', 'alias', 'aliases', 'forkortning', 'forkortningar', 'kallasaven', 'tidigarenamn', 'othernames'],
  unit: [
    'forvaltning',
    'verksamhet',
    'agandeforvaltning',
    'agandeverksamhet',
    'avdelning',
    'enhet',
    'organisation',
    'namnd',
    'department',
    'unit',
    'organisationunit',
    'businessunit',
  ],
  owner: ['systemagare', 'agare', 'ansvarigchef', 'owner', 'systemowner', 'businessowner'],
  ownerEmail: ['systemagareepost', 'systemagaremejl', 'agareepost', 'owneremail'],
  manager: ['systemforvaltare', 'forvaltare', 'systemansvarig', 'kontaktperson', 'manager', 'systemmanager', 'contact'],
  managerEmail: ['systemforvaltareepost', 'systemforvaltaremejl', 'forvaltareepost', 'manageremail'],
  administrators: [
    'systemadministrator',
    'systemadministratorer',
    'administrator',
    'administratorer',
    'sysadmin',
    'behorighetsadministrator',
    'administrators',
    'admin',
    'admins',
  ],
  operations: ['driftansvarig', 'driftsansvarig', 'operations', 'operator'],
  users: ['anvandare', 'anvandargrupp', 'anvandargrupper', 'malgrupp', 'users', 'usergroups'],
  supplier: ['leverantor', 'leverantorer', 'supplier', 'vendor', 'leverantorensnamn'],
  hosting: ['driftform', 'driftsform', 'drift', 'hosting', 'placering', 'driftmiljo', 'driftsmiljo', 'hostedat', 'deployment'],
  status: ['status', 'livscykel', 'fas', 'livscykelstatus', 'lifecycle', 'state'],
  criticality: ['kritikalitet', 'kritisk', 'verksamhetskritisk', 'kritiskt', 'criticality'],
  orgNumber: ['orgnr', 'organisationsnummer', 'leverantorensorgnr', 'leverantorsorgnr'],
  contractEnd: [
    'avtalsslut',
    'avtaletloperut',
    'avtaltom',
    'avtalstidslut',
    'slutdatum',
    'avtalslut',
    'avtalgallertill',
    'contractend',
    'enddate',
  ],
  contractStart: ['avtalsstart', 'avtalfrom', 'startdatum', 'contractstart'],
  contractReference: ['avtal', 'diarienummer', 'dnr', 'avtalsnummer', 'avtalsdiarienummer', 'contract'],
  noticePeriod: ['uppsagningstid', 'noticeperiod'],
  personalData: ['personuppgifter', 'behandlarpersonuppgifter', 'pu', 'pub', 'personaldata', 'gdpr'],
  confidentiality: ['konfidentialitet'],
  integrity: ['riktighet'],
  availability: ['tillganglighet'],
  dependencies: ['beroenden', 'integrationer', 'dependencies', 'integrations'],
  link: ['lank', 'dokumentation', 'webbadress', 'url', 'link', 'documentation'],
  notes: ['kommentar', 'kommentarer', 'anteckningar', 'ovrigt', 'noteringar', 'notering', 'notes', 'comments'],
  reviewed: ['senastgranskad', 'granskad', 'senastuppdaterad', 'uppdaterad', 'reviewed', 'lastreviewed'],
  loginMethod: ['inloggning', 'inloggningsmetod', 'autentisering', 'login', 'loginmethod', 'authentication'],
  rto: ['rto', 'aterstallningstid', 'maxavbrott', 'langstaavbrott', 'acceptabeltavbrott', 'maxavbrottstid', 'recoverytime'],
  rpo: ['rpo', 'dataforlust', 'maxdataforlust', 'acceptabeldataforlust', 'recoverypoint'],
  fallback: ['reservrutin', 'reservrutiner', 'kontinuitetsrutin', 'manuellrutin', 'fallback', 'workaround'],
  backup: ['backup', 'sakerhetskopiering', 'sakerhetskopia', 'backuprutin'],
  restoreTested: ['aterlasningtestad', 'aterlasningstest', 'testadaterlasning', 'restoretested', 'restoretest'],
  mfa: ['mfa', 'flerfaktor', 'flerfaktorsinloggning', 'tvafaktor', 'tvafaktorsinloggning', '2fa', 'multifactor'],
  accessReviewed: ['behorighetergranskade', 'behorighetsgranskning', 'behorighetsoversyn', 'accessreview', 'accessreviewed'],
  dataLocation: ['datalagring', 'lagringsplats', 'dataplacering', 'datalokalisering', 'datalocation', 'datacountry'],
  supplierSupport: ['support', 'leverantorenssupport', 'leverantorssupport', 'supporttelefon', 'supportkontakt', 'vendorsupport'],
  hostingProvider: ['driftleverantor', 'driftsleverantor', 'driftpartner', 'hostingprovider', 'hostedby'],
  dataCenter: ['datacenter', 'datahall', 'region', 'molnregion', 'datacentre', 'cloudregion'],
};

/** "Leverantör / Drift" → "leverantordrift": lower case, no diacritics, no punctuation. */
export function foldHeader(header: string): string {
  return foldText(header).replace(/[^a-z0-9]/g, '');
}

const KNOWN = new Map<string, ImportField>([
  ...(Object.entries(HEADERS) as [ImportField, string[]][]).flatMap(([field, headers]) =>
    headers.map((header) => [header, field] as const),
  ),
  // The register's own download imports again: its headings name the fields they came from.
  ...REGISTER_COLUMNS.filter((column) => (IMPORT_FIELDS as readonly string[]).includes(column.key)).map(
    (column) => [foldHeader(column.heading), column.key as ImportField] as const,
  ),
]);
// The download's other columns are skipped on import, unless their heading is one people also write for a field.
for (const column of REGISTER_COLUMNS) {
  const heading = foldHeader(column.heading);
  if (!(IMPORT_FIELDS as readonly string[]).includes(column.key) && !KNOWN.has(heading)) KNOWN.set(heading, 'ignore');
}

/** The field a header names, using the mapping file's columns first. */
export function fieldForHeader(header: string, overrides: Readonly<Record<string, ImportField>>): ColumnField | undefined {
  const folded = foldHeader(header);
  if (!folded) return undefined;
  for (const [name, field] of Object.entries(overrides)) if (foldHeader(name) === folded) return field;
  const known = KNOWN.get(folded);
  if (known) return known;
  if (folded.includes('leverantor') && folded.includes('drift')) return 'supplierAndHosting';
  return undefined;
}
