// An organisation unit: one file registry/units/<id>.yaml. Units form a tree
// through `parent`: kommun, förvaltningar, avdelningar, enheter, bolag,
// nämnder and the councils of guideline §3.
import * as z from 'zod';
import { aliases, doc, email, entryVisibility, idField, reference, prose, text, url } from './common.ts';
import { VISIBILITY } from './visibility.ts';
import { ORG_NUMBER_PATTERN, PHONE_PATTERN, UNIT_TYPES } from '../vocabulary.ts';

export const unitSchema = doc(
  z.strictObject({
    id: idField(VISIBILITY.organisation),
    name: text({ title: 'Namn', description: 'Enhetens namn.', examples: ['IT-avdelningen'], visible: VISIBILITY.organisation }),
    aliases: aliases(['BUF', 'Barn och skola'], VISIBILITY.organisation).optional(),
    visibility: entryVisibility('enheten').optional(),
    type: doc(z.enum(UNIT_TYPES), {
      title: 'Typ',
      description: 'Vilken sorts enhet: kommun, förvaltning, avdelning, enhet, kommunalt bolag, nämnd, styrelse, utskott eller råd.',
      examples: ['avdelning'],
      visible: VISIBILITY.organisation,
    }),
    parent: reference(['unit'], {
      title: 'Överordnad enhet',
      description: 'Enheten som denna enhet hör till. Utelämnas bara för den översta enheten.',
      visible: VISIBILITY.organisation,
    }).optional(),
    head: reference(['person'], { title: 'Chef', description: 'Enhetens chef eller ordförande.', visible: VISIBILITY.staff }).optional(),
    description: prose({ title: 'Beskrivning', description: 'Vad enheten ansvarar för.', visible: VISIBILITY.organisation }).optional(),
    email: email({ title: 'E-post', description: 'Enhetens funktionsbrevlåda.', visible: VISIBILITY.organisation }).optional(),
    phone: doc(z.string().regex(PHONE_PATTERN), {
      title: 'Telefon',
      description: 'Enhetens telefonnummer, inom citattecken.',
      visible: VISIBILITY.organisation,
    }).optional(),
    orgNumber: doc(z.string().regex(ORG_NUMBER_PATTERN), {
      title: 'Organisationsnummer',
      description: 'Organisationsnummer för kommunala bolag, skrivet NNNNNN-NNNN.',
      visible: VISIBILITY.organisation,
    }).optional(),
    website: url({ title: 'Webbplats', description: 'Enhetens webbplats eller intranätsida.', visible: VISIBILITY.organisation }).optional(),
  }),
  { title: 'Enhet', description: 'En organisationsenhet: förvaltning, avdelning, kommunalt bolag, nämnd eller råd.' },
);

export type Unit = z.output<typeof unitSchema>;
