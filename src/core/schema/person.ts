// A person: one file registry/people/<id>.yaml. People are referred to by id
// from the roles of systems, from units (head) and from councils.
import * as z from 'zod';
import { doc, email, entryVisibility, idField, reference, text } from './common.ts';
import { VISIBILITY } from './visibility.ts';
import { GIT_HANDLE_PATTERN, PHONE_PATTERN } from '../vocabulary.ts';

export const personSchema = doc(
  z.strictObject({
    id: idField(VISIBILITY.staff),
    visibility: entryVisibility('personen').optional(),
    name: text({ title: 'Namn', description: 'För- och efternamn.', examples: ['Anna Andersson'], visible: VISIBILITY.staff }),
    title: text({ title: 'Befattning', description: 'Befattning eller titel.', examples: ['Ekonomichef'], visible: VISIBILITY.staff }),
    unit: reference(['unit'], { title: 'Enhet', description: 'Enheten där personen arbetar.', visible: VISIBILITY.staff }),
    email: email({ title: 'E-post', description: 'Arbetsmejl.', examples: ['anna.andersson@exempelkommun.se'], visible: VISIBILITY.staff }),
    phone: doc(z.string().regex(PHONE_PATTERN), {
      title: 'Telefon',
      description: 'Arbetstelefon. Skriv numret inom citattecken, till exempel "010-123 45 67".',
      examples: ['010-123 45 67'],
      visible: VISIBILITY.staff,
    }).optional(),
    userName: text({
      title: 'Användarnamn i katalogen',
      description:
        'Personens användarnamn i kommunens katalog (Active Directory eller Entra ID). Används för att känna igen personen när personer synkas från katalogen (npm run people -- sync).',
      examples: ['annand'],
      visible: VISIBILITY.tooling,
    }).optional(),
    gitHandle: doc(z.string().regex(GIT_HANDLE_PATTERN), {
      title: 'Användarnamn på GitHub',
      description: 'Personens användarnamn på GitHub, utan @. Används för att be personen granska ändringar (CODEOWNERS).',
      examples: ['annaandersson'],
      visible: VISIBILITY.tooling,
    }).optional(),
    active: doc(z.boolean(), {
      title: 'Har kvar sin tjänst',
      description:
        'true så länge personen har kvar sin tjänst. Sätt false när personen slutat; roller som personen har måste då lämnas över.',
      examples: [true],
      visible: VISIBILITY.staff,
    }),
  }),
  { title: 'Person', description: 'En person som kan ha roller i systemförteckningen.' },
);

export type Person = z.output<typeof personSchema>;
