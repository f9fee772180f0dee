// Who may see each field, and why: the grounds a field's audience rests on,
// named once and given to the fields in the schemas (common.ts doc()). The
// reasons and the legal grounds for withholding a field from a wider audience
// go into the generated table in docs/synlighet.md, so that a request for the
// register as a public document can be answered from it.
import type { Audience } from '../vocabulary.ts';

export interface Visibility {
  audience: Audience;
  /** Why the field has this audience, in one Swedish sentence. */
  reason: string;
  /** For a field withheld from the public: the legal ground, and what it means for a request to see it. */
  basis?: string;
}

const SECURITY_BASIS = 'OSL 18 kap. 8 § (säkerhets- eller bevakningsåtgärd): sekretess kan gälla även vid en begäran.';
const REVIEW_ON_REQUEST = 'Publiceras inte; vid en begäran prövas sekretess enligt OSL 18 kap. 8 §.';
const NOT_PUBLISHED = 'Publiceras inte (dataskyddsförordningen art. 5.1 c, uppgiftsminimering); lämnas normalt ut på begäran.';

export const VISIBILITY = {
  register: { audience: 'offentlig', reason: 'Vilka system kommunen har, vad de används till och vem som levererar dem är allmänna uppgifter.' },
  organisation: { audience: 'offentlig', reason: 'Kommunens organisation är offentlig.' },
  document: { audience: 'offentlig', reason: 'Beslutade styrdokument är offentliga.' },
  equipment: { audience: 'offentlig', reason: 'Standardutrustning och ramavtal är offentliga.' },
  site: { audience: 'offentlig', reason: 'Webbplatsens namn, adress och kontakt.' },
  staff: { audience: 'intern', reason: 'Namn och kontaktuppgifter till anställda behövs inom kommunen.', basis: NOT_PUBLISHED },
  followUp: { audience: 'intern', reason: 'Kommunens interna uppföljning av förvaltningen.', basis: 'Publiceras inte; ingen sekretess, lämnas ut på begäran.' },
  operations: {
    audience: 'intern',
    reason: 'Hur och var systemen drivs, hur de nås och hur de hänger ihop ger en bild av möjliga sårbarheter.',
    basis: REVIEW_ON_REQUEST,
  },
  contractTerms: {
    audience: 'intern',
    reason: 'Avtalsvillkor behövs för kommunens uppföljning av avtalen.',
    basis: 'Publiceras inte; vid en begäran prövas sekretess enligt OSL 19 kap. 1 § och 31 kap. 16 §.',
  },
  tooling: { audience: 'intern', reason: 'Inställningar för verktyget och förrådet.', basis: 'Publiceras inte; ingen sekretess.' },
  security: { audience: 'skyddad', reason: 'Uppgifter om skyddsbehov, säkerhetsåtgärder och sårbarheter.', basis: SECURITY_BASIS },
  freeText: { audience: 'skyddad', reason: 'Fri text kan innehålla vad som helst, även uppgifter om säkerhetsåtgärder.', basis: SECURITY_BASIS },
} as const satisfies Record<string, Visibility>;

/** How an audience is named in descriptions, on the site and in the docs. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  offentlig: 'offentlig (alla)',
  intern: 'intern (kommunens personal)',
  skyddad: 'skyddad (säkerhetsfunktionen)',
};
