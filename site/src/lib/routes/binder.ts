// The crisis binder (krispärm): for the day the network is down, every
// critical system on paper, per förvaltning, with whom to call and what to
// do. Built from the model the audience sees: the protected build carries the
// recovery times and fallbacks, the intranet's the people and the supplier.
import { byDuration, durationText } from '#core/domain/durations.ts';
import { isCritical, isInUse } from '#core/domain/continuity.ts';
import { roleTitle, type RoleKey } from '#core/domain/roles.ts';
import { systemsByAdministration, type VisibleSystem } from '#core/model/model.ts';
import { supportText } from '#core/views/support-text.ts';
import { bySwedish } from '#core/text/text.ts';
import { siteData } from '../data.ts';

export interface BinderContact {
  role: string;
  name: string;
  title?: string;
  phone?: string;
  email?: string;
}

export interface BinderSystem {
  system: VisibleSystem;
  facts: { label: string; text: string }[];
  contacts: BinderContact[];
  supplier?: { name: string; support?: string };
}

const ROLES: RoleKey[] = ['owner', 'manager', 'administrators', 'technicalManager', 'operations'];

function contactsOf(system: VisibleSystem): BinderContact[] {
  const { model } = siteData();
  const roles = system.roles;
  const contacts: BinderContact[] = [];
  const add = (role: string, id: string) => {
    const person = model.personById.get(id);
    const unit = person ? undefined : model.unitById.get(id);
    const holder = person ?? unit;
    if (!holder) return;
    contacts.push({
      role,
      name: holder.name,
      ...(person?.title ? { title: person.title } : {}),
      ...(holder.phone ? { phone: holder.phone } : {}),
      ...(holder.email ? { email: holder.email } : {}),
    });
  };
  if (roles) {
    for (const role of ROLES) {
      const value = roles[role as keyof typeof roles];
      for (const id of Array.isArray(value) ? value : value ? [value] : []) if (typeof id === 'string') add(roleTitle(role), id);
    }
  }
  if (system.security?.incidentContact) add('Incidentkontakt', system.security.incidentContact);
  return contacts;
}

function factsOf(system: VisibleSystem): BinderSystem['facts'] {
  const { continuity } = system;
  const facts: [string, string | undefined][] = [
    ['Kritikalitet', system.criticality],
    ['Tillgänglighet (KLASSA)', system.classification?.availability?.toString()],
    ['Längsta avbrott (RTO)', continuity?.rto && durationText(continuity.rto)],
    ['Största dataförlust (RPO)', continuity?.rpo && durationText(continuity.rpo)],
    ['Reservrutin', continuity?.fallback],
    ['Säkerhetskopiering', continuity?.backup],
    ['Kontinuitetsplan', continuity?.plan],
    ['Driftas av', system.hostedAt && [system.hostedAt.provider, system.hostedAt.location].filter(Boolean).join(', ')],
    [
      'Samhällsviktig verksamhet',
      system.security?.essentialService &&
        (system.security.essentialService.supports
          ? `Ja${system.security.essentialService.motivation ? `: ${system.security.essentialService.motivation}` : ''}`
          : 'Nej'),
    ],
  ];
  return facts.filter((fact): fact is [string, string] => Boolean(fact[1])).map(([label, text]) => ({ label, text }));
}

/** A förvaltning's part of the binder. */
export type BinderUnit = { id: string; name: string; systems: BinderSystem[] };

/**
 * More critical systems than this, and the binder is a page per förvaltning:
 * one page of them all was 2.3 MiB at 5 000 systems and 9.1 MiB at 20 000,
 * more than a browser prints comfortably.
 */
export const BINDER_PAGE_LIMIT = 100;

let built: { data: ReturnType<typeof siteData>; page: ReturnType<typeof makeBinder> } | undefined;

/** The binder's sections, one per förvaltning by name, each with its critical systems in the order to act. Made once per build. */
export function binderPage() {
  const data = siteData();
  if (built?.data !== data) built = { data, page: makeBinder() };
  return built.page;
}

/** The förvaltningar's own pages, when the binder is split. */
export function binderPartPaths() {
  const { sections } = siteData();
  const { split, units } = binderPage();
  return sections.krisparm && split ? units.map((unit) => ({ params: { unit: unit.id }, props: { unit } })) : [];
}

function makeBinder() {
  const { model, build } = siteData();
  const units = [...systemsByAdministration(model).values()]
    .map((unit) => ({ ...unit, systems: unit.systems.filter((system) => isCritical(system) && isInUse(system)) }))
    .filter((unit) => unit.systems.length > 0);
  const itDepartment = model.unitById.get(model.settings.itDepartment);
  const count = units.reduce((sum, unit) => sum + unit.systems.length, 0);
  return {
    built: build.time,
    municipality: model.settings.municipality,
    itDepartment,
    count,
    split: count > BINDER_PAGE_LIMIT,
    units: units.map((unit): BinderUnit => ({
      ...unit,
      systems: unit.systems
        .sort((a, b) => byDuration(a.continuity?.rto, b.continuity?.rto) || bySwedish((system: VisibleSystem) => system.name)(a, b))
        .map((system): BinderSystem => ({
          system,
          facts: factsOf(system),
          contacts: contactsOf(system),
          ...(system.supplier
            ? {
                supplier: {
                  name: system.supplier.name,
                  ...(supportText(system.supplier.support) ? { support: supportText(system.supplier.support) as string } : {}),
                },
              }
            : {}),
        })),
    })),
  };
}
