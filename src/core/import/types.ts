// The shapes the import's steps hand each other: the mapping file, what the
// register already holds, the files it plans and the notes on cells.
import type { ImportField } from './columns.ts';

export interface ImportConfig {
  /** Header → field, for headers the importer does not know or reads wrongly. */
  columns?: Record<string, ImportField>;
  /** Values for fields a sheet leaves empty. */
  defaults?: { status?: string; operations?: string };
  /** Gives new people an e-post address fornamn.efternamn@<domain>. */
  emailDomain?: string;
  /** Abbreviations and other names for units: "HVOF" → "halso-och-vardforvaltningen". */
  units?: Record<string, string>;
}

export interface KnownRegister {
  people: { id: string; name: string; email?: string }[];
  units: { id: string; name: string; parent?: string }[];
  systems: { id: string; name: string }[];
  /** Every id in use, of any kind. */
  ids: ReadonlySet<string>;
  itDepartment?: string;
}

export interface PlannedFile {
  kind: 'system' | 'person' | 'unit';
  id: string;
  data: Record<string, unknown>;
  /** Spreadsheet row (1-based) the entry came from; for people and units the first row naming them. */
  row: number;
  /** Required fields the sheet did not give, as "roles.manager (Systemförvaltare)". */
  missing: string[];
}

export interface CellNote {
  row: number;
  column: string;
  value: string;
  reason: string;
}
