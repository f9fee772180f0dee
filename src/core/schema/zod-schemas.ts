// Each kind's zod schema: the single definition from which the JSON Schemas
// in schemas/ and the TypeScript types are derived.
import type * as z from 'zod';
import type { Kind } from '../kinds.ts';
import { equipmentSchema } from './equipment.ts';
import { guidelineSchema } from './guideline.ts';
import { personSchema } from './person.ts';
import { settingsSchema } from './settings.ts';
import { systemSchema } from './system.ts';
import { unitSchema } from './unit.ts';

export const ZOD_SCHEMAS: Record<Kind, z.ZodType> = {
  system: systemSchema,
  person: personSchema,
  unit: unitSchema,
  equipment: equipmentSchema,
  guideline: guidelineSchema,
  settings: settingsSchema,
};
