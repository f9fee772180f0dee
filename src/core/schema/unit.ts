// An organisation unit: one file registry/units/<id>.yaml. Units form a tree
// through `parent`: kommun, förvaltningar, avdelningar, enheter, bolag,
// nämnder and the councils of guideline §3.
import * as z from 'zod';
import { aliases, doc, email, idField, reference, prose, text, url } from './common.ts';
import { ORG_NUMBER_PATTERN, PHONE_PATTERN, UNIT_TYPES } from '../vocabulary.ts';

export const unitSchema = doc(
  z.strictObject({
    id: idField,
    name: text({ title: 'Namn', description: 'Enhetens namn.', examples: ['IT-avdelningen'] }),
    aliases: aliases(['BUF', 'Barn och skola']).optional(),
    type: doc(z.enum(UNIT_TYPES), {
      title: 'Typ',
      description: 'Vilken sorts enhet: kommun, förvaltning, avdelning, enhet, kommunalt bolag, nämnd, styrelse, utskott eller råd.',
      examples: ['avdelning'],
    }),
    parent: reference(['unit'], {
      title: 'Överordnad enhet',
      description: 'Enheten som denna enhet hör till. Utelämnas bara för den översta enheten.',
    }).optional(),
    head: reference(['person'], { title: 'Chef', description: 'Enhetens chef eller ordförande.' }).optional(),
    description: prose({ title: 'Beskrivning', description: 'Vad enheten ansvarar för.' }).optional(),
    email: email({ title: 'E-post', description: 'Enhetens funktionsbrevlåda.' }).optional(),
    phone: doc(z.string().regex(PHONE_PATTERN), {
      title: 'Telefon',
      description: 'Enhetens telefonnummer, inom citattecken.',
    }).optional(),
    orgNumber: doc(z.string().regex(ORG_NUMBER_PATTERN), {
      title: 'Organisationsnummer',
      description: 'Organisationsnummer för kommunala bolag, skrivet NNNNNN-NNNN.',
    }).optional(),
    website: url({ title: 'Webbplats', description: 'Enhetens webbplats eller intranätsida.' }).optional(),
  }),
  { title: 'Enhet', description: 'En organisationsenhet: förvaltning, avdelning, kommunalt bolag, nämnd eller råd.' },
);

export type Unit = z.output<typeof unitSchema>;
