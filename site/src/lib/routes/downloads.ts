// Every file the site offers for download or loads on demand, made from the
// register the site was built from: one function per file, each returning
// the response its route sends.
import { registerIndex } from '#core/views/register-columns.ts';
import { toCsv, toJsonExport, toXlsx } from '#core/views/exports.ts';
import { dcatCatalogue } from '#core/views/dcat.ts';
import { calendarFile } from '../calendar.ts';
import { administrations, changesFeed } from '../feeds.ts';
import type { VisibleSystem } from '#core/model/model.ts';
import { addTo } from '#core/collections.ts';
import { siteData } from '../data.ts';
import { searchNames } from '../search-names.ts';

const respond = (body: BodyInit, type: string) => new Response(body, { headers: { 'Content-Type': type } });
const JSON_TYPE = 'application/json; charset=utf-8';

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/** The contracts' and reviews' dates as a calendar to subscribe to. */
export const calendarDownload = () => respond(calendarFile(siteData().model, siteData().builtOn), CALENDAR_TYPE);

/** One calendar per förvaltning, for an audience that follows contracts. */
export function unitCalendarPaths() {
  return siteData().sections.avtal ? administrations().map((unit) => ({ params: { unit: unit.id }, props: unit })) : [];
}

export function unitCalendarDownload({ props }: { props: { name: string; systems: VisibleSystem[] } }) {
  const { model, builtOn } = siteData();
  return respond(calendarFile(model, builtOn, { systems: props.systems, name: props.name }), CALENDAR_TYPE);
}

/** One calendar per system owner with systems followed up: what is theirs to do. */
export function ownerCalendarPaths() {
  const { model, sections } = siteData();
  if (!sections.avtal || !sections.personer) return [];
  const systemsByOwner = new Map<string, VisibleSystem[]>();
  for (const system of model.systems) if (system.roles) addTo(systemsByOwner, system.roles.owner, system);
  return model.people
    .filter((person) => systemsByOwner.has(person.id))
    .map((person) => ({
      params: { person: person.id },
      props: { name: person.name, systems: systemsByOwner.get(person.id) ?? [] },
    }));
}

/** A calendar of these systems' follow-ups, whether a förvaltning's or an owner's. */
export const ownerCalendarDownload = unitCalendarDownload;

/** The latest changes to the whole register, as an Atom feed. */
export const changesFeedDownload = () =>
  respond(
    changesFeed(
      siteData().model.systems,
      `Ändringar i systemförteckningen – ${siteData().model.settings.municipality}`,
      'export/andringar.atom',
    ),
    ATOM_TYPE,
  );

/** The latest changes to a förvaltning's systems. */
export function unitFeedPaths() {
  return administrations().map((unit) => ({ params: { unit: unit.id }, props: unit }));
}

export function unitFeedDownload({ props }: { props: { id: string; name: string; systems: VisibleSystem[] } }) {
  return respond(changesFeed(props.systems, `Ändringar i ${props.name}s system`, `export/andringar/${props.id}.atom`), ATOM_TYPE);
}

/** The compact data the register page's filter script loads on first use. */
export const registerIndexDownload = () => respond(JSON.stringify(registerIndex(siteData().rows, siteData().columns.table)), JSON_TYPE);

/** The names the search page compares a query with when Pagefind finds little. */
export const searchNamesDownload = () => respond(JSON.stringify(searchNames(siteData().model)), JSON_TYPE);

export const csvDownload = () => respond(toCsv(siteData().rows, siteData().model, siteData().columns.download), 'text/csv; charset=utf-8');

export const jsonDownload = () => respond(toJsonExport(siteData().model, siteData().builtOn), JSON_TYPE);

export const xlsxDownload = async () =>
  respond(
    Buffer.from(await toXlsx(siteData().rows, siteData().model, siteData().columns.download, siteData().build.moment)),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );

/** The public register as open data (DCAT-AP-SE, RDF/XML): only the public site has it. */
export function dcatPaths() {
  return siteData().sections['oppna-data'] ? [{ params: { dcat: 'dcat' } }] : [];
}

export const dcatDownload = () => respond(dcatCatalogue(siteData().model, siteData().builtOn), 'application/rdf+xml; charset=utf-8');
