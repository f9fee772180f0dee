// Everything a supplier's or hosting provider's page shows (leverantor/<id>/):
// the systems it supplies and runs, how its support is reached, its
// contracts and data locations, and what stops working when it does, in the
// order it hurts. The same list npm run incident prints.
import { durationText } from '#core/domain/durations.ts';
import { isCritical } from '#core/domain/continuity.ts';
import { supportText } from '#core/views/support-text.ts';
import { failureOf, providerSystems, type Provider } from '#core/views/suppliers.ts';
import { holder } from '#core/views/holders.ts';
import { bySwedish } from '#core/text/text.ts';
import { siteData } from '../data.ts';
import { providerUrl, systemUrl } from '../urls.ts';
import { IMPACT_ROWS } from './system.ts';

/**
 * A supplier or hosting provider has a page of its own when it serves two
 * systems or more: what stops together is the question the page answers. For
 * one system, that system's page already says it (its supplier, support and
 * impact), and a page per one-off supplier made a fifth of a large site.
 */
export function hasOwnPage(provider: Provider): boolean {
  return providerSystems(provider).length >= 2;
}

export function providerPaths() {
  const { providers, sections } = siteData();
  return sections.leverantorer ? providers.filter(hasOwnPage).map((provider) => ({ params: { id: provider.id }, props: { provider } })) : [];
}

/** Where the list of suppliers links a provider: its page, or its one system's. */
export function providerLink(provider: Provider): { href: string; system?: string } {
  if (hasOwnPage(provider)) return { href: providerUrl(provider.id) };
  const [system] = providerSystems(provider);
  return system ? { href: systemUrl(system.id), system: system.name } : { href: providerUrl(provider.id) };
}

export function providerPage(provider: Provider) {
  const { model, sees } = siteData();
  const supplied = provider.supplies.map((system) => ({
    system,
    support: supportText(system.supplier?.support),
    contract: system.contract,
    dataLocation: system.security?.dataLocation,
  }));
  /** Each way of reaching support once, with the systems it is given for. */
  const supports = new Map<string, string[]>();
  for (const { system, support } of supplied) if (support) supports.set(support, [...(supports.get(support) ?? []), system.name]);
  const affected = failureOf(model, providerSystems(provider));
  const failure = affected.slice(0, IMPACT_ROWS).map(({ system, distance, via }) => ({
    system,
    how: distance === 0 || !via ? 'direkt' : `genom ${via.name}`,
    critical: isCritical(system),
    rto: system.continuity?.rto ? durationText(system.continuity.rto) : undefined,
    owner: system.roles ? holder(model, system.roles.owner) : undefined,
  }));
  return {
    provider,
    /** All that stop, the critical among them, and how many the table leaves out. */
    counts: {
      total: affected.length,
      critical: affected.filter(({ system }) => isCritical(system)).length,
      more: Math.max(0, affected.length - IMPACT_ROWS),
    },
    supplied,
    supports: [...supports].map(([text, systems]) => ({ text, systems: systems.sort(bySwedish((name) => name)) })),
    failure,
    shows: {
      rto: sees('system', ['continuity', 'rto']),
      owner: sees('system', ['roles', 'owner']),
      contract: sees('system', ['contract', 'reference']),
    },
  };
}
