// A deterministic generator of synthetic registers for benchmarks and scale
// tests: N systems with proportional people, units, equipment and
// dependencies, realistic Swedish text, valid by construction. It can
// sprinkle a known number of errors of each kind.
import { dump } from 'js-yaml';
import { toId } from '../../src/core/text/text.ts';

export const ERROR_KINDS = [
  'unknown-person',
  'unknown-unit',
  'unknown-system',
  'missing-field',
  'unknown-field',
  'not-allowed-value',
  'invalid-format',
  'yaml-syntax',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface SyntheticOptions {
  systems: number;
  seed?: number;
  errors?: Partial<Record<ErrorKind, number>>;
  /**
   * Continuity and security facts (rto, fallback, hosting providers, support),
   * on by default. Off for a register that code from before those fields
   * must also read (npm run bench against an older commit).
   */
  facts?: boolean;
}

/** mulberry32: small, fast and good enough to make the same register from the same seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Anna',
  'Bo',
  'Cecilia',
  'David',
  'Elin',
  'Fredrik',
  'Gunilla',
  'Hassan',
  'Ingrid',
  'Johan',
  'Karin',
  'Lars',
  'Maria',
  'Nils',
  'Olle',
  'Petra',
  'Rasmus',
  'Sara',
  'Tove',
  'Ulf',
  'Vera',
  'Åsa',
  'Örjan',
  'Amira',
  'Mehmet',
  'Leila',
  'Ivan',
  'Zara',
  'Yusuf',
  'Ebba',
];
const LAST = [
  'Andersson',
  'Berg',
  'Ceder',
  'Dahl',
  'Ek',
  'Falk',
  'Gran',
  'Holm',
  'Isaksson',
  'Jonsson',
  'Karlsson',
  'Lund',
  'Nyberg',
  'Östlund',
  'Palm',
  'Ström',
  'Sjöberg',
  'Wallin',
  'Åberg',
  'Yilmaz',
  'Khalil',
  'Petrović',
  'Hassan',
  'Lindqvist',
  'Björk',
];
const AREAS = [
  'Ekonomi',
  'Lön',
  'Personal',
  'Diarium',
  'Arkiv',
  'Bygglov',
  'Miljö',
  'Skola',
  'Förskola',
  'Elevhälsa',
  'Socialtjänst',
  'Hemtjänst',
  'Hälso- och sjukvård',
  'GIS',
  'Gata',
  'Park',
  'Vatten',
  'Avfall',
  'Bibliotek',
  'Kultur',
  'Fritid',
  'Telefoni',
  'E-tjänster',
  'Webb',
  'Fastighet',
  'Upphandling',
  'Kontaktcenter',
  'Säkerhet',
  'Nämnd',
  'Integration',
];
const KINDS_OF_SYSTEM = [
  'verksamhetssystem',
  'ärendehantering',
  'planering',
  'rapportering',
  'e-tjänst',
  'register',
  'bokning',
  'journal',
  'portal',
  'statistik',
];
const UNIT_WORDS = [
  'Ekonomi',
  'HR',
  'IT',
  'Kansli',
  'Kommunikation',
  'Skola',
  'Förskola',
  'Omsorg',
  'Individ och familj',
  'Bygg',
  'Miljö',
  'Gata',
  'Park',
  'Kultur',
  'Fritid',
  'Fastighet',
  'Vatten',
  'Räddning',
];
const STATUSES = ['i drift', 'i drift', 'i drift', 'i drift', 'i drift', 'under införande', 'planerad', 'under avveckling'];
const HOSTING = ['egen drift', 'extern drift', 'molntjänst'];
/** Criticality as a municipality spreads it: most systems low or medium, one in twenty critical. */
const CRITICALITY = ['låg', 'låg', 'låg', 'låg', 'medel', 'medel', 'medel', 'hög', 'hög', 'kritisk'];
/** The availability class that goes with each criticality, before a step up for some. */
const AVAILABILITY: Record<string, number> = { låg: 1, medel: 2, hög: 2, kritisk: 3 };
const CATEGORIES = ['dator', 'bildskärm', 'tillbehör', 'standardprogramvara', 'skrivare', 'mobiltelefon', 'surfplatta'];

export interface SyntheticRegister {
  /** File contents by path relative to the register root. */
  files: Map<string, string>;
  /** How many errors of each kind were sprinkled in. */
  sprinkled: Partial<Record<ErrorKind, number>>;
  counts: { systems: number; people: number; units: number; equipment: number };
}

const DEPENDENCY_KINDS = ['dataflöde', 'integration', 'filöverföring', 'databas'] as const;

/**
 * Dependencies as municipalities have them: a few platform systems that
 * almost everything uses (the first one is the login, SSO), and a couple of
 * links to other, earlier systems, about half of them typed.
 */
/** A critical system's continuity: mostly known, as in a municipality that has started the work. */
function continuityFacts(criticality: string, rand: () => number): Record<string, unknown> {
  if ((criticality !== 'hög' && criticality !== 'kritisk') || rand() < 0.1) return {};
  const rto = ['1h', '4h', '8h', '1d', '2d'][Math.floor(rand() * 5)] as string;
  return {
    continuity: {
      rto,
      rpo: ['15min', '1h', '4h', '1d'][Math.floor(rand() * 4)],
      ...(rand() < 0.9 ? { fallback: 'Manuell rutin på papper enligt verksamhetens kontinuitetsplan.' } : {}),
      ...(rand() < 0.7 ? { restoreTested: `2026-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}` } : {}),
    },
    security: {
      mfa: rand() < 0.7 ? 'ja' : 'delvis',
      ...(rand() < 0.6 ? { accessReviewed: `2026-0${1 + Math.floor(rand() * 9)}-2${Math.floor(rand() * 9)}` } : {}),
    },
  };
}

function syntheticDependencies(
  earlier: readonly string[],
  rand: () => number,
): (string | { system: string; type: string; note?: string })[] {
  if (earlier.length === 0) return [];
  const platforms = earlier.slice(0, Math.max(3, Math.ceil(earlier.length / 100)));
  const chosen = new Map<string, string | undefined>();
  if (rand() < 0.6) chosen.set(platforms[0] as string, 'inloggning');
  if (rand() < 0.3) chosen.set(platforms[1 + Math.floor(rand() * (platforms.length - 1))] as string, 'integration');
  for (let count = Math.floor(rand() * 3); count > 0; count--) {
    const other = earlier[Math.floor(rand() * earlier.length)] as string;
    if (!chosen.has(other)) chosen.set(other, rand() < 0.5 ? DEPENDENCY_KINDS[Math.floor(rand() * DEPENDENCY_KINDS.length)] : undefined);
  }
  return [...chosen].map(([system, type]) =>
    type ? { system, type, ...(rand() < 0.3 ? { note: 'Överföring varje natt' } : {}) } : system,
  );
}

export function generateRegister(options: SyntheticOptions): SyntheticRegister {
  const rand = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const files = new Map<string, string>();
  const write = (path: string, schema: string, data: object) => {
    const depth = path.includes('/') ? '../../' : '../';
    files.set(path, `# yaml-language-server: $schema=${depth}schemas/${schema}.schema.json\n${dump(data, { lineWidth: -1 })}`);
  };
  const systemCount = options.systems;
  const unitCount = Math.max(10, Math.round(systemCount / 8));
  const peopleCount = Math.max(40, Math.round(systemCount * 1.2));
  const equipmentCount = Math.max(20, 20 + Math.round(systemCount / 100));

  const units: string[] = ['kommunen', 'it-avdelningen'];
  write('units/kommunen.yaml', 'unit', { id: 'kommunen', name: 'Syntetkommun', type: 'kommun' });
  write('units/it-avdelningen.yaml', 'unit', { id: 'it-avdelningen', name: 'IT-avdelningen', type: 'avdelning', parent: 'kommunen' });
  for (let i = units.length; i < unitCount; i++) {
    const isAdministration = i < 2 + Math.ceil(unitCount / 6);
    const name = `${pick(UNIT_WORDS)} ${isAdministration ? 'förvaltning' : 'avdelning'} ${i}`;
    const id = toId(name);
    const parent = isAdministration
      ? 'kommunen'
      : (units[1 + Math.floor(rand() * Math.min(units.length - 1, Math.ceil(unitCount / 6)))] as string);
    units.push(id);
    write(`units/${id}.yaml`, 'unit', {
      id,
      name,
      type: isAdministration ? 'förvaltning' : 'avdelning',
      parent,
      description: `${name} i Syntetkommun.`,
    });
  }

  const people: string[] = [];
  for (let i = 0; i < peopleCount; i++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const id = `${toId(name)}-${i}`;
    people.push(id);
    write(`people/${id}.yaml`, 'person', {
      id,
      name,
      title: pick(['Systemförvaltare', 'Avdelningschef', 'Handläggare', 'Systemadministratör', 'Förvaltningschef', 'IT-tekniker']),
      unit: pick(units),
      email: `${id}@syntetkommun.se`,
      phone: `010-${100 + (i % 900)} ${10 + (i % 90)} ${10 + ((i * 7) % 90)}`,
      gitHandle: `user${i}`,
      active: true,
    });
  }

  // Suppliers as a municipality has them: one for every dozen systems, a few of them carrying many.
  // Drawn from a stream of their own, so that the rest of the register is the same as before.
  const factsRand = random((options.seed ?? 1) + 7919);
  const supplierCount = Math.max(5, Math.round(systemCount / 12));
  const suppliers = Array.from({ length: supplierCount }, (_, k) => ({
    name: `${LAST[k % LAST.length]} ${['Systemhus', 'Data', 'IT', 'Software', 'Digital'][Math.floor(k / LAST.length) % 5]}${k >= LAST.length * 5 ? ` ${Math.floor(k / (LAST.length * 5)) + 1}` : ''} AB`,
    orgNumber: `556${String(100 + (k % 900)).padStart(3, '0')}-${String(1000 + k).slice(-4)}`,
  }));
  const HOSTS = [
    { provider: 'Norrdata Drift AB', orgNumber: '556710-2233', locations: ['Sundsvall', 'Härnösand'] },
    { provider: 'Molnhallen Sverige AB', orgNumber: '556820-4411', locations: ['Stockholm (Kista)', 'Göteborg'] },
    { provider: 'Europamoln AB', orgNumber: '556930-7788', locations: ['Sweden Central', 'North Europe'] },
  ];
  const facts = options.facts !== false;

  const systems: string[] = [];
  const availabilityOf = new Map<string, number>();
  for (let i = 0; i < systemCount; i++) {
    const name = `${pick(AREAS)} ${pick(KINDS_OF_SYSTEM)} ${i + 1}`;
    const id = toId(name);
    const dependencies = syntheticDependencies(systems, rand);
    systems.push(id);
    const start = 2018 + Math.floor(rand() * 7);
    // Drawn in the order the fields are written, so that a seed gives the same register as before.
    const description = `${name} används av verksamheten för ${pick(AREAS).toLowerCase()} och ${pick(KINDS_OF_SYSTEM)}.`;
    const unit = pick(units);
    const status = pick(STATUSES);
    const roles = {
      // As in a real municipality: a few heads own many systems, and a
      // system manager usually manages several.
      owner: people[Math.floor(rand() * Math.ceil(peopleCount / 20))],
      manager: people[Math.ceil(peopleCount / 20) + Math.floor(rand() * Math.ceil(peopleCount / 4))],
      administrators: [...new Set([pick(people), pick(people)])],
      operations: rand() < 0.8 ? 'it-avdelningen' : pick(people),
      users: [pick(units), { name: 'Alla medarbetare' }],
    };
    const hosting = pick(HOSTING);
    const criticality = pick(CRITICALITY);
    // One draw of the main stream chooses the supplier, squared to favour the first ones.
    const supplierDraw = rand();
    const company = suppliers[Math.floor(supplierDraw * supplierDraw * supplierCount)] as (typeof suppliers)[number];
    const supplier = {
      ...company,
      ...(facts && factsRand() < 0.8
        ? { support: { phone: `010-${200 + (supplierCount % 700)} ${10 + (i % 90)} 00`, email: `support@${toId(company.name)}.example` } }
        : {}),
    };
    // Classed as its criticality says, but no higher than what it uses, as a register kept in order is; one draw, as before.
    const lowestUsed = Math.min(4, ...dependencies.map((item) => availabilityOf.get(typeof item === 'string' ? item : item.system) ?? 4));
    const availability = Math.min(lowestUsed, (AVAILABILITY[criticality] as number) + (rand() < 0.2 ? 1 : 0));
    availabilityOf.set(id, availability);
    const host = facts && hosting !== 'egen drift' ? (HOSTS[Math.floor(factsRand() * HOSTS.length)] as (typeof HOSTS)[number]) : undefined;
    write(`systems/${id}.yaml`, 'system', {
      id,
      name,
      description,
      unit,
      status,
      roles,
      hosting,
      criticality,
      supplier,
      contract: { reference: `KS ${start}/${i + 1}`, start: `${start}-01-01`, end: `${start + 6 + Math.floor(rand() * 4)}-12-31` },
      personalData: { processed: rand() < 0.8, processorAgreement: 'finns' },
      classification: {
        confidentiality: Math.floor(rand() * 5),
        integrity: Math.floor(rand() * 5),
        availability,
      },
      ...(facts ? continuityFacts(criticality, factsRand) : {}),
      ...(host
        ? {
            hostedAt: {
              provider: host.provider,
              orgNumber: host.orgNumber,
              location: host.locations[Math.floor(factsRand() * host.locations.length)],
            },
          }
        : {}),
      ...(dependencies.length ? { dependencies } : {}),
      reviewed: `2026-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    });
  }

  for (let i = 0; i < equipmentCount; i++) {
    const category = pick(CATEGORIES);
    const id = `${toId(category)}-${i + 1}`;
    write(`equipment/${id}.yaml`, 'equipment', {
      id,
      name: `${category.charAt(0).toUpperCase()}${category.slice(1)} modell ${i + 1}`,
      category,
      description: 'Standardutrustning enligt ramavtal.',
      frameworkAgreement: { name: `Ramavtal ${category} 2024` },
      ordering: 'Beställ i IT-avdelningens e-tjänst.',
      price: { amount: 500 + Math.floor(rand() * 20000) },
    });
  }

  write('settings.yaml', 'settings', {
    municipality: 'Syntetkommun',
    siteUrl: 'https://intranat.syntetkommun.se/systemforteckning/',
    repositoryUrl: 'https://github.com/syntetkommun/systemforteckning',
    defaultBranch: 'main',
    itDepartment: 'it-avdelningen',
    itTeam: '@syntetkommun/it',
    reviewIntervalMonths: 12,
    contractWarningDays: 90,
    contactEmail: 'it@syntetkommun.se',
  });
  files.set(
    'guidelines/riktlinjer.md',
    '---\ntitle: Riktlinjer för systemförvaltning\nadoptedBy: Kommunstyrelsen\nadopted: 2019-05-14\nversion: "1.0"\n---\n\nFör varje system ska det finnas en förvaltningsorganisation.\n',
  );

  const sprinkled = sprinkleErrors(files, systems, options.errors ?? {}, rand);
  return { files, sprinkled, counts: { systems: systemCount, people: peopleCount, units: unitCount, equipment: equipmentCount } };
}

/** Breaks distinct system files, one error each, so every error is found exactly once. */
function sprinkleErrors(
  files: Map<string, string>,
  systems: readonly string[],
  errors: Partial<Record<ErrorKind, number>>,
  rand: () => number,
): Partial<Record<ErrorKind, number>> {
  const victims = [...systems].sort(() => rand() - 0.5);
  const breakers: Record<ErrorKind, (text: string) => string> = {
    'unknown-person': (text) => text.replace(/^( {2}manager: ).*$/m, '$1ingen-sadan-person'),
    'unknown-unit': (text) => text.replace(/^unit: .*$/m, 'unit: ingen-sadan-enhet'),
    'unknown-system': (text) =>
      text
        .replace(/^dependencies:\n(?: {2}- .*\n(?: {4}.*\n)*)+/m, '')
        .replace(/^(description: .*)$/m, '$1\ndependencies:\n  - inget-sadant-system'),
    'missing-field': (text) => text.replace(/^description: .*\n/m, ''),
    'unknown-field': (text) => text.replace(/^hosting: /m, 'hostng: '),
    'not-allowed-value': (text) => text.replace(/^criticality: .*$/m, 'criticality: jättehög'),
    'invalid-format': (text) => text.replace(/^reviewed: .*$/m, 'reviewed: 2026-02-30'),
    'yaml-syntax': (text) => text.replace(/^( {4}- )(.*)$/m, '$1[$2'),
  };
  const sprinkled: Partial<Record<ErrorKind, number>> = {};
  for (const kind of ERROR_KINDS) {
    const count = errors[kind] ?? 0;
    for (let i = 0; i < count; i++) {
      const id = victims.pop();
      if (!id) throw new Error('För få system för så många fel.');
      const path = `systems/${id}.yaml`;
      files.set(path, breakers[kind](files.get(path) as string));
    }
    if (count) sprinkled[kind] = count;
  }
  return sprinkled;
}
