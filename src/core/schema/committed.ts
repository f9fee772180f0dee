// The committed JSON Schemas, as the validator, the site's labels and the
// editors use them. They are generated from the zod definitions (npm run
// schemas); tests/schemas.test.ts fails when they drift apart.
import equipment from '../../../schemas/equipment.schema.json' with { type: 'json' };
import guideline from '../../../schemas/guideline.schema.json' with { type: 'json' };
import person from '../../../schemas/person.schema.json' with { type: 'json' };
import settings from '../../../schemas/settings.schema.json' with { type: 'json' };
import system from '../../../schemas/system.schema.json' with { type: 'json' };
import unit from '../../../schemas/unit.schema.json' with { type: 'json' };
import type { Kind } from '../kinds.ts';

export interface JsonSchemaNode {
  type?: string | string[];
  title?: string;
  description?: string;
  examples?: unknown[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  [keyword: string]: unknown;
}

export const COMMITTED_SCHEMAS: Record<Kind, JsonSchemaNode> = { system, person, unit, equipment, guideline, settings };
