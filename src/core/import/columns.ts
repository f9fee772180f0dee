// Which column of a municipality's spreadsheet holds what: common Swedish
// headers, overridable by a mapping file.
import { foldText } from '../text/text.ts';

export const IMPORT_FIELDS = [
  'name',
  'id',
  'description',
  'product',
  'unit',
  'owner',
  'manager',
  'administrators',
  'operations',
  'users',
  'supplier',
  'hosting',
  'status',
  'criticality',
  'orgNumber',
  'contractEnd',
  'contractReference',
  'personalData',
  'notes',
  'reviewed',
  'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Headers folded by `foldHeader`, per field. */
const HEADERS: Record<Exclude<ImportField, 'ignore'>, string[]> = {
  name: ['system', 'systemnamn', 'systemetsnamn', 'namn', 'itsystem', 'benamning', 'applikation', 'program'],
  id: ['id', 'kortnamn', 'systemid'],
  description: ['beskrivning', 'syfte', 'anvandningsomrade', 'kortbeskrivning', 'funktion'],
  product: ['produkt', 'produktnamn', 'programvara', 'version'],
  unit: ['forvaltning', 'verksamhet', 'agandeforvaltning', 'agandeverksamhet', 'avdelning', 'enhet', 'organisation', 'nämnd', 'namnd'],
  owner: ['systemagare', 'agare', 'ansvarigchef'],
  manager: ['systemforvaltare', 'forvaltare', 'systemansvarig', 'kontaktperson'],
  administrators: [
    'systemadministrator',
    'systemadministratorer',
    'administrator',
    'administratorer',
    'sysadmin',
    'behorighetsadministrator',
  ],
  operations: ['driftansvarig', 'driftsansvarig'],
  users: ['anvandare', 'anvandargrupp', 'anvandargrupper', 'malgrupp'],
  supplier: ['leverantor', 'leverantorer', 'leverantordrift', 'leverantorochdrift', 'leverantordriftform'],
  hosting: ['driftform', 'driftsform', 'drift', 'hosting', 'placering', 'driftmiljo', 'driftsmiljo'],
  status: ['status', 'livscykel', 'fas', 'livscykelstatus'],
  criticality: ['kritikalitet', 'kritisk', 'verksamhetskritisk', 'kritiskt'],
  orgNumber: ['orgnr', 'organisationsnummer', 'leverantorensorgnr', 'leverantorsorgnr'],
  contractEnd: ['avtalsslut', 'avtaletloperut', 'avtaltom', 'avtalstidslut', 'slutdatum', 'avtalslut', 'avtalgallertill'],
  contractReference: ['avtal', 'diarienummer', 'dnr', 'avtalsnummer', 'avtalsdiarienummer'],
  personalData: ['personuppgifter', 'behandlarpersonuppgifter', 'pu', 'pub'],
  notes: ['kommentar', 'kommentarer', 'anteckningar', 'ovrigt', 'noteringar', 'notering'],
  reviewed: ['senastgranskad', 'granskad', 'senastuppdaterad', 'uppdaterad'],
};

/** "Leverantör / Drift" → "leverantordrift": lower case, no diacritics, no punctuation. */
function foldHeader(header: string): string {
  return foldText(header).replace(/[^a-z0-9]/g, '');
}

const KNOWN = new Map<string, ImportField>(
  (Object.entries(HEADERS) as [ImportField, string[]][]).flatMap(([field, headers]) => headers.map((header) => [header, field] as const)),
);

/** The field a header names, using the mapping file's columns first. */
export function fieldForHeader(header: string, overrides: Readonly<Record<string, ImportField>>): ImportField | undefined {
  const folded = foldHeader(header);
  for (const [name, field] of Object.entries(overrides)) if (foldHeader(name) === folded) return field;
  return KNOWN.get(folded);
}

/** "Leverantör/Drift" holds both supplier and hosting. */
export function isMixedSupplierHosting(header: string): boolean {
  const folded = foldHeader(header);
  return folded.includes('leverantor') && folded.includes('drift');
}
