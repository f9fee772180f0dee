// Generates the JSON Schemas in schemas/ from the zod definitions. The zod
// schemas are the single source; scripts/generate-schemas.ts writes the files
// and a test fails when the committed files differ from this output.
import * as z from 'zod';
import { KINDS, type Kind } from '../kinds.ts';
import { ZOD_SCHEMAS } from './zod-schemas.ts';

function jsonSchemaFor(kind: Kind): Record<string, unknown> {
  const generated = z.toJSONSchema(ZOD_SCHEMAS[kind], { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  return generated as Record<string, unknown>;
}

/** The file name and text of every generated schema, formatted as committed. */
export function generatedSchemaFiles(): { file: string; text: string }[] {
  return (Object.keys(KINDS) as Kind[]).map((kind) => ({
    file: KINDS[kind].schemaFile,
    text: `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`,
  }));
}
