// A standard-equipment item: one file registry/equipment/<id>.yaml. Guideline
// §2: standard equipment is ordered through the IT department under framework
// agreements, and the list must be on the intranet.
import * as z from 'zod';
import { date, doc, entryVisibility, idField, prose, text, url } from './common.ts';
import { VISIBILITY } from './visibility.ts';
import { EQUIPMENT_CATEGORIES } from '../vocabulary.ts';

export const equipmentSchema = doc(
  z.strictObject({
    id: idField(VISIBILITY.equipment),
    name: text({
      title: 'Benämning',
      description: 'Vad utrustningen heter i förteckningen.',
      examples: ['Bärbar dator, standard'],
      visible: VISIBILITY.equipment,
    }),
    visibility: entryVisibility('utrustningen').optional(),
    category: doc(z.enum(EQUIPMENT_CATEGORIES), {
      title: 'Kategori',
      description: 'dator, bildskärm, tillbehör, standardprogramvara, skrivare, mobiltelefon, surfplatta eller övrigt.',
      examples: ['dator'],
      visible: VISIBILITY.equipment,
    }),
    description: prose({ title: 'Beskrivning', description: 'Vad som ingår och vem utrustningen passar.', visible: VISIBILITY.equipment }),
    frameworkAgreement: doc(
      z.strictObject({
        name: text({ title: 'Ramavtal', description: 'Ramavtalets namn.', examples: ['Adda Datorer och surfplattor 2024'] }),
        supplier: text({ title: 'Leverantör', description: 'Leverantör enligt ramavtalet.' }).optional(),
        reference: text({ title: 'Diarienummer', description: 'Ramavtalets diarienummer.' }).optional(),
        validUntil: date({ title: 'Gäller till', description: 'Sista dag ramavtalet gäller.' }).optional(),
      }),
      { title: 'Ramavtal', description: 'Ramavtalet som utrustningen köps under.', visible: VISIBILITY.equipment },
    ),
    ordering: prose({
      title: 'Så beställer du',
      description: 'Hur utrustningen beställs genom IT-avdelningen.',
      examples: ['Beställ i IT-avdelningens e-tjänst under "Ny utrustning".'],
      visible: VISIBILITY.equipment,
    }),
    price: doc(
      z.strictObject({
        amount: doc(z.number().min(0), { title: 'Belopp', description: 'Pris i kronor exklusive moms.', examples: [9800] }),
        note: prose({ title: 'Prisnotering', description: 'Till exempel "per år" eller "inklusive dockningsstation".' }).optional(),
      }),
      { title: 'Pris', description: 'Ungefärligt pris för verksamheten.', visible: VISIBILITY.equipment },
    ).optional(),
    replaces: text({ title: 'Ersätter', description: 'Vilken tidigare utrustning detta ersätter.', visible: VISIBILITY.equipment }).optional(),
    orderable: doc(z.boolean(), {
      title: 'Kan beställas',
      description: 'false när utrustningen är utgående och inte längre kan beställas.',
      visible: VISIBILITY.equipment,
    }).optional(),
    link: url({ title: 'Länk', description: 'Länk till produktblad eller beställningssida.', visible: VISIBILITY.equipment }).optional(),
  }),
  { title: 'Standardutrustning', description: 'Utrustning som beställs genom IT-avdelningen under ramavtal.' },
);

export type Equipment = z.output<typeof equipmentSchema>;
