// Every file the site offers for download or loads on demand, made from the
// register the site was built from: one function per file, each returning
// the response its route sends.
import { registerIndex } from '#core/views/register-columns.ts';
import { toCsv, toJsonExport, toXlsx } from '#core/views/exports.ts';
import { dcatCatalogue } from '#core/views/dcat.ts';
import { calendarFile } from '../calendar.ts';
import { siteData } from '../data.ts';
import { searchNames } from '../search-names.ts';

const respond = (body: BodyInit, type: string) => new Response(body, { headers: { 'Content-Type': type } });
const JSON_TYPE = 'application/json; charset=utf-8';

/** The contracts' and reviews' dates as a calendar to subscribe to. */
export const calendarDownload = () => respond(calendarFile(siteData().model, siteData().builtOn), 'text/calendar; charset=utf-8');

/** The compact data the register page's filter script loads on first use. */
export const registerIndexDownload = () => respond(JSON.stringify(registerIndex(siteData().rows, siteData().columns.table)), JSON_TYPE);

/** The names the search page compares a query with when Pagefind finds little. */
export const searchNamesDownload = () => respond(JSON.stringify(searchNames(siteData().model)), JSON_TYPE);

export const csvDownload = () => respond(toCsv(siteData().rows, siteData().model, siteData().columns.download), 'text/csv; charset=utf-8');

export const jsonDownload = () => respond(toJsonExport(siteData().model, siteData().builtOn), JSON_TYPE);

export const xlsxDownload = async () =>
  respond(
    Buffer.from(await toXlsx(siteData().rows, siteData().model, siteData().columns.download)),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );

/** The public register as open data (DCAT-AP-SE, RDF/XML): only the public site has it. */
export function dcatPaths() {
  return siteData().sections['oppna-data'] ? [{ params: { dcat: 'dcat' } }] : [];
}

export const dcatDownload = () => respond(dcatCatalogue(siteData().model, siteData().builtOn), 'application/rdf+xml; charset=utf-8');
