// The optional mapping file for npm run people -- sync: which unit each
// department in the directory is, for departments named unlike any unit.
import { UserError } from '../errors.ts';
import { parseYaml } from '../reading/yaml.ts';

export function readDepartmentMapping(text: string, file: string): Record<string, string> {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new UserError(`${file}:${parsed.problem.line}:${parsed.problem.column}: ${parsed.problem.message}`);
  const departments = (parsed.value as { departments?: unknown } | null)?.departments;
  if (
    departments === null ||
    typeof departments !== 'object' ||
    Array.isArray(departments) ||
    Object.values(departments).some((id) => typeof id !== 'string')
  ) {
    throw new UserError(`${file}: mappningsfilen ska ha fältet departments med avdelning: enhetens-id på varje rad.`);
  }
  return departments as Record<string, string>;
}
