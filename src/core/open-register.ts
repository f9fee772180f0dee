// A register folder read, checked and resolved in one call: where every
// command and the site start. The only step with I/O is reading the files.
import { summarize, type Finding } from './checking/findings.ts';
import { validateSources } from './checking/validate.ts';
import { ENTITY_KINDS, KINDS } from './kinds.ts';
import { resolveRegister, type RegisterModel } from './model/model.ts';
import { displayPathOf, readRegisterSources } from './reading/load.ts';
import type { ParsedRegister } from './reading/parse.ts';

export interface OpenRegister {
  findings: Finding[];
  parsed: ParsedRegister;
  model: RegisterModel;
}

export function openRegister(dir: string, options: { today: string; cwd: string }): OpenRegister {
  const { findings, parsed } = validateSources(readRegisterSources(dir, options.cwd), {
    today: options.today,
    root: displayPathOf(dir, options.cwd),
  });
  return { findings, parsed, model: resolveRegister(parsed) };
}

/** "✓ 38 system, 55 personer, …: 0 fel, 2 varningar." */
export function validationSummary(findings: readonly Finding[], parsed: ParsedRegister): string {
  const { errors, warnings } = summarize(findings);
  const count = (kind: (typeof ENTITY_KINDS)[number]) => parsed.entries.filter((entry) => entry.kind === kind).length;
  const counts = ENTITY_KINDS.map((kind) => `${count(kind)} ${count(kind) === 1 ? KINDS[kind].singular : KINDS[kind].plural}`).join(', ');
  return `${errors === 0 ? '✓' : '✗'} ${counts}: ${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}.`;
}
