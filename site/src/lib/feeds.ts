// The register's changes as Atom feeds to follow in Outlook or a feed
// reader: one for the whole register, one per förvaltning. Each entry is one
// change to one system, told in the same Swedish sentences as the system's
// page (views/file-history.ts), so a feed shows nothing its build's audience
// may not see. Written with the feed library.
import { Feed } from 'feed';
import { systemsByAdministration, type VisibleSystem } from '#core/model/model.ts';
import { systemPageUrl } from '#core/views/register-columns.ts';
import { escapeMarkup } from '#core/text/output.ts';
import { siteData } from './data.ts';

/** More entries than this are not read in a feed; the system pages keep each file's history. */
const FEED_ENTRIES = 100;

/** The förvaltningar (and companies) that own systems: one feed and one calendar each. */
export function administrations(): { id: string; name: string; systems: VisibleSystem[] }[] {
  return [...systemsByAdministration(siteData().model).values()];
}

/** An Atom feed of the latest changes to these systems, newest first. */
export function changesFeed(systems: readonly VisibleSystem[], title: string, path: string): string {
  const { model, systemHistory, builtOn } = siteData();
  const site = model.settings.siteUrl.replace(/\/?$/, '/');
  const entries = systems
    .flatMap((system) => systemHistory(system).map((change) => ({ system, change })))
    .sort(
      (a, b) => b.change.at.localeCompare(a.change.at) || a.change.rank - b.change.rank || a.system.name.localeCompare(b.system.name, 'sv'),
    )
    .slice(0, FEED_ENTRIES);
  const feed = new Feed({
    id: new URL(path, site).href,
    title,
    description: `Ändringar i systemförteckningen för ${model.settings.municipality}.`,
    link: site,
    language: 'sv',
    updated: entries[0] ? new Date(entries[0].change.at) : new Date(`${builtOn}T00:00:00Z`),
    generator: false,
    feedLinks: { atom: new URL(path, site).href },
    copyright: model.settings.municipality,
  });
  for (const { system, change } of entries) {
    const link = systemPageUrl(model, system.id);
    const first = change.sentences[0] ?? 'ändrad';
    const more = change.sentences.length > 1 ? ` (och ${change.sentences.length - 1} ändringar till)` : '';
    // The library marks title and summary as HTML: register text is escaped, so a reader shows it as text.
    feed.addItem({
      id: `${link}#${change.hash || change.at}`,
      title: escapeMarkup(`${first.includes(system.name) ? first : `${system.name}: ${first}`}${more}`),
      link,
      date: new Date(change.at),
      description: escapeMarkup(change.sentences.join(' ')),
      ...(change.author ? { author: [{ name: change.author }] } : {}),
    });
  }
  return feed.atom1();
}
