// The optional mapping file for npm run import, checked with Swedish messages.
import { UserError } from '../errors.ts';
import { parseYaml } from '../reading/yaml.ts';
import { IMPORT_FIELDS, type ImportField } from './columns.ts';
import type { ImportConfig } from './types.ts';

const KEYS = ['columns', 'defaults', 'emailDomain', 'units'];

export function readImportConfig(text: string, file: string): ImportConfig {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new UserError(`${file}:${parsed.problem.line}:${parsed.problem.column}: ${parsed.problem.message}`);
  const value = parsed.value as Record<string, unknown>;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UserError(`${file}: mappningsfilen ska ha fälten ${KEYS.join(', ')}.`);
  const unknown = Object.keys(value).filter((key) => !KEYS.includes(key));
  if (unknown.length > 0)
    throw new UserError(`${file}: okänt fält ${unknown.map((key) => `"${key}"`).join(', ')}. Tillåtna fält: ${KEYS.join(', ')}.`);
  const columns = (value.columns ?? {}) as Record<string, unknown>;
  for (const [header, field] of Object.entries(columns)) {
    if (!IMPORT_FIELDS.includes(field as ImportField)) {
      throw new UserError(
        `${file}: kolumnen "${header}" mappas till "${String(field)}", som inte finns. Välj ett av: ${IMPORT_FIELDS.join(', ')}.`,
      );
    }
  }
  const defaults = (value.defaults ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(defaults)) {
    if (key !== 'status' && key !== 'operations')
      throw new UserError(`${file}: defaults kan bara ange status och operations, inte "${key}".`);
  }
  return value as ImportConfig;
}
