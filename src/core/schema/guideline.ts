// The front matter of a guideline document: registry/guidelines/<id>.md.
import * as z from 'zod';
import { date, entryVisibility, prose, text } from './common.ts';
import { VISIBILITY } from './visibility.ts';

const visible = VISIBILITY.document;

export const guidelineSchema = z
  .strictObject({
    title: text({ title: 'Rubrik', description: 'Dokumentets rubrik.' , visible }),
    adoptedBy: text({ title: 'Beslutad av', description: 'Vem som antog dokumentet.', examples: ['Kommunstyrelsen'] , visible }),
    adopted: date({ title: 'Beslutsdatum', description: 'Dag då dokumentet antogs.' , visible }),
    reference: text({ title: 'Diarienummer', description: 'Beslutets diarienummer.', examples: ['KS 2019/214'] , visible }).optional(),
    version: text({ title: 'Version', description: 'Dokumentets version.', examples: ['1.0'] , visible }).optional(),
    validUntil: date({ title: 'Gäller till', description: 'Dag då dokumentet ska vara omprövat.' , visible }).optional(),
    visibility: entryVisibility('riktlinjen').optional(),
    summary: prose({ title: 'Sammanfattning', description: 'En mening om vad dokumentet reglerar.' , visible }).optional(),
  })
  .meta({
    title: 'Riktlinje',
    description: 'Framsidesdata (front matter) för ett styrdokument. Ange diarienummer, version eller båda.',
    // A guideline is identified by its reference number or its version;
    // expressed in the JSON Schema so that editors and ajv both enforce it.
    anyOf: [{ required: ['reference'] }, { required: ['version'] }],
  });

export type Guideline = z.output<typeof guidelineSchema>;
