// Writes schemas/*.schema.json from the zod definitions in src/core/schema.
// Run after changing a schema: npm run schemas
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedSchemaFiles } from '../src/core/schema/json-schema.ts';

const outDir = join(import.meta.dirname, '..', 'schemas');
mkdirSync(outDir, { recursive: true });
for (const { file, text } of generatedSchemaFiles()) {
  writeFileSync(join(outDir, file), text);
  console.log(`Skrev schemas/${file}`);
}
