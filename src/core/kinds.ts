// The kinds of entry in the register and where their files live. Everything
// that walks the register (loader, validator, site, scaffolding) uses this
// table, so a new kind is added in one place.

export interface KindInfo {
  /** Folder under the register root; '' for the settings file. */
  dir: string;
  ext: '.yaml' | '.md';
  /** Name of the generated JSON Schema file in schemas/. */
  schemaFile: string;
  /** Swedish nouns for messages and pages. */
  singular: string;
  plural: string;
  /** "en enhet", "ett system": the indefinite form used in sentences. */
  indefinite: string;
  /** "enheten", "systemet". */
  definite: string;
}

export const KINDS = {
  system: {
    dir: 'systems',
    ext: '.yaml',
    schemaFile: 'system.schema.json',
    singular: 'system',
    plural: 'system',
    indefinite: 'ett system',
    definite: 'systemet',
  },
  person: {
    dir: 'people',
    ext: '.yaml',
    schemaFile: 'person.schema.json',
    singular: 'person',
    plural: 'personer',
    indefinite: 'en person',
    definite: 'personen',
  },
  unit: { dir: 'units', ext: '.yaml', schemaFile: 'unit.schema.json', singular: 'enhet', plural: 'enheter', indefinite: 'en enhet', definite: 'enheten' },
  equipment: {
    dir: 'equipment',
    ext: '.yaml',
    schemaFile: 'equipment.schema.json',
    singular: 'standardutrustning',
    plural: 'utrustningar',
    indefinite: 'en standardutrustning',
    definite: 'standardutrustningen',
  },
  guideline: {
    dir: 'guidelines',
    ext: '.md',
    schemaFile: 'guideline.schema.json',
    singular: 'riktlinje',
    plural: 'riktlinjer',
    indefinite: 'en riktlinje',
    definite: 'riktlinjen',
  },
  settings: {
    dir: '',
    ext: '.yaml',
    schemaFile: 'settings.schema.json',
    singular: 'inställningar',
    plural: 'inställningar',
    indefinite: 'inställningarna',
    definite: 'inställningarna',
  },
} as const satisfies Record<string, KindInfo>;

export type Kind = keyof typeof KINDS;
export const ENTITY_KINDS = ['system', 'person', 'unit', 'equipment', 'guideline'] as const satisfies readonly Kind[];
/** Kinds that other entries refer to by id. */
export type ReferableKind = Extract<Kind, 'system' | 'person' | 'unit'>;
export const SETTINGS_FILE = 'settings.yaml';
