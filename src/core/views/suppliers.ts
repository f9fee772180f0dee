// The register's suppliers and hosting providers, each once: keyed by
// organisation number when a file gives one, otherwise by name, so that
// "Lönepartner AB" written with and without its number is one supplier. For
// each: the systems it supplies or runs, and what stops working when it
// does (directly, or through the systems that depend on those), in the order
// it hurts. The supplier pages, the report's concentration section and
// npm run incident read this.
import { addTo } from '../collections.ts';
import { byDuration } from '../domain/durations.ts';
import { isCritical } from '../domain/continuity.ts';
import { impactOfMany, type Affected } from '../model/impact.ts';
import type { VisibleModel, VisibleSystem } from '../model/model.ts';
import { CRITICALITY_LEVELS } from '../vocabulary.ts';
import { bySwedish, foldText, toId } from '../text/text.ts';

export interface Provider {
  /** The page's address segment: the organisation number, or the name as an id. */
  id: string;
  name: string;
  orgNumber?: string;
  /** Systems it delivers (supplier), by name. */
  supplies: VisibleSystem[];
  /** Systems it runs (hostedAt), by name. */
  hosts: VisibleSystem[];
  /** Where it runs them: data centres or cloud regions, each once. */
  locations: string[];
}

interface Named {
  name: string;
  orgNumber?: string | undefined;
}

/** Every supplier and hosting provider the audience may see, by name. O(systems). */
export function providersOf(model: VisibleModel): Provider[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const byKey = new Map<string, Provider>();
  /** Names with an organisation number: the same name without one is the same company. */
  const keyByName = new Map<string, string>();
  const sources: { system: VisibleSystem; named: Named; role: 'supplies' | 'hosts'; location?: string | undefined }[] = [];
  for (const system of model.systems) {
    if (system.supplier) sources.push({ system, named: system.supplier, role: 'supplies' });
    if (system.hostedAt)
      sources.push({
        system,
        named: { name: system.hostedAt.provider, orgNumber: system.hostedAt.orgNumber },
        role: 'hosts',
        location: system.hostedAt.location,
      });
  }
  for (const { named } of sources) if (named.orgNumber) keyByName.set(foldText(named.name), named.orgNumber);
  for (const { system, named, role, location } of sources) {
    const key = named.orgNumber ?? keyByName.get(foldText(named.name)) ?? `namn:${foldText(named.name)}`;
    let provider = byKey.get(key);
    if (!provider) {
      const orgNumber = named.orgNumber ?? keyByName.get(foldText(named.name));
      provider = {
        id: orgNumber ?? (toId(named.name) || 'leverantor'),
        name: named.name,
        ...(orgNumber ? { orgNumber } : {}),
        supplies: [],
        hosts: [],
        locations: [],
      };
      byKey.set(key, provider);
    }
    if (!provider[role].includes(system)) provider[role].push(system);
    if (location && !provider.locations.includes(location)) provider.locations.push(location);
  }
  const providers = [...byKey.values()].sort(bySwedish((provider) => provider.name));
  // Two names that make the same id (ACME AB, Acme AB) get a number each, in name order.
  const taken = new Map<string, number>();
  for (const provider of providers) {
    const count = (taken.get(provider.id) ?? 0) + 1;
    taken.set(provider.id, count);
    if (count > 1) provider.id = `${provider.id}-${count}`;
    provider.supplies.sort(bySwedish((system) => system.name));
    provider.hosts.sort(bySwedish((system) => system.name));
  }
  cache.set(model, providers);
  return providers;
}

const cache = new WeakMap<VisibleModel, Provider[]>();

/** The provider a person names: by organisation number, id or name (any case, å ä ö or not). */
export function findProvider(model: VisibleModel, query: string): Provider | undefined {
  const wanted = foldText(query);
  const digits = query.replace(/\D/g, '');
  const providers = providersOf(model);
  const exact = providers.find(
    (provider) =>
      provider.id === query ||
      foldText(provider.name) === wanted ||
      (digits.length === 10 && provider.orgNumber?.replace(/\D/g, '') === digits),
  );
  if (exact || wanted.length < 3) return exact;
  // The start of a name is enough when only one provider's name starts so ("Lönepartner").
  const starting = providers.filter((provider) => foldText(provider.name).startsWith(wanted));
  return starting.length === 1 ? starting[0] : undefined;
}

const criticalityRank = (system: VisibleSystem) => (system.criticality ? CRITICALITY_LEVELS.indexOf(system.criticality) : -1);

/**
 * In the order it hurts: the shortest recovery time first (systems without
 * one after those with), then the most critical, then the nearest, by name.
 */
export function byHurt(a: Affected, b: Affected): number {
  return (
    byDuration(a.system.continuity?.rto, b.system.continuity?.rto) ||
    criticalityRank(b.system) - criticalityRank(a.system) ||
    a.distance - b.distance ||
    bySwedish((item: Affected) => item.system.name)(a, b)
  );
}

/** What stops working when these systems fail at once, in the order it hurts. */
export function failureOf(model: VisibleModel, origins: readonly VisibleSystem[]): Affected[] {
  return impactOfMany(model, origins).sort(byHurt);
}

/** The systems a provider's failure takes down: those it supplies and those it runs. */
export function providerSystems(provider: Provider): VisibleSystem[] {
  return [...new Set([...provider.supplies, ...provider.hosts])];
}

export interface Concentration {
  /** A provider, or one of its data centres. */
  name: string;
  providerId: string;
  /** Critical systems that stop, directly or through others. */
  critical: number;
  /** All systems that stop. */
  total: number;
}

/**
 * The providers and data centres that carry the most critical systems,
 * counting what stops through dependencies too. O(providers × reach).
 */
export function concentration(model: VisibleModel, count = 10): { providers: Concentration[]; locations: Concentration[] } {
  const measure = (name: string, providerId: string, origins: VisibleSystem[]): Concentration => {
    const affected = impactOfMany(model, origins);
    return { name, providerId, critical: affected.filter((item) => isCritical(item.system)).length, total: affected.length };
  };
  const providers: Concentration[] = [];
  const locations: Concentration[] = [];
  for (const provider of providersOf(model)) {
    providers.push(measure(provider.name, provider.id, providerSystems(provider)));
    const byLocation = new Map<string, VisibleSystem[]>();
    for (const system of provider.hosts) if (system.hostedAt?.location) addTo(byLocation, system.hostedAt.location, system);
    for (const [location, systems] of byLocation) locations.push(measure(`${provider.name}, ${location}`, provider.id, systems));
  }
  const top = (items: Concentration[]) =>
    items
      .filter((item) => item.critical > 0)
      .sort((a, b) => b.critical - a.critical || b.total - a.total || bySwedish((item: Concentration) => item.name)(a, b))
      .slice(0, count);
  return { providers: top(providers), locations: top(locations) };
}
