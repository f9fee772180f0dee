// Everything npm run docs writes, in one list: sections of Markdown files
// (between markers) and whole files, each from the code it documents. The
// docs tests compare every one with what is committed.
import { commonErrorTable, ruleTable } from '../src/core/findings/rule-docs.ts';
import { REPORT_TEMPLATES } from '../src/core/forge/change-report.ts';
import type { Kind } from '../src/core/kinds.ts';
import { visibilityTable } from '../src/core/views/field-reference.ts';
import { ARCHITECTURE_FILES, ARCHITECTURE_SECTION } from './architecture.ts';

export interface GeneratedSection {
  file: string;
  marker: string;
  content: () => string;
}

const VISIBILITY_KINDS: Kind[] = ['system', 'person', 'unit', 'equipment', 'guideline', 'settings'];

export const GENERATED_SECTIONS: readonly GeneratedSection[] = [
  { file: 'docs/datamodell.md', marker: 'regler', content: ruleTable },
  { file: 'CONTRIBUTING.md', marker: 'vanliga-fel', content: commonErrorTable },
  ARCHITECTURE_SECTION,
  ...VISIBILITY_KINDS.map((kind) => ({ file: 'docs/synlighet.md', marker: `synlighet-${kind}`, content: () => visibilityTable(kind) })),
];

export const GENERATED_FILES: readonly { file: string; content: () => string }[] = [...REPORT_TEMPLATES, ...ARCHITECTURE_FILES];
