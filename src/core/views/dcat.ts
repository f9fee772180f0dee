// The public register as open data: a DCAT-AP-SE catalogue in RDF/XML, the
// form Sveriges dataportal harvests. It describes the register as one dataset
// with its downloads (CSV, Excel, JSON) as distributions, with licence,
// publisher, contact point, update frequency and modification date. Written
// with rdflib, so that escaping and the XML are the library's, not ours.
import * as $rdf from 'rdflib';
import type { VisibleModel } from '../model/model.ts';
import type { UPDATE_FREQUENCIES } from '../vocabulary.ts';

const DCAT = $rdf.Namespace('http://www.w3.org/ns/dcat#');
const DCT = $rdf.Namespace('http://purl.org/dc/terms/');
const FOAF = $rdf.Namespace('http://xmlns.com/foaf/0.1/');
const VCARD = $rdf.Namespace('http://www.w3.org/2006/vcard/ns#');
const RDF = $rdf.Namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
const XSD = $rdf.Namespace('http://www.w3.org/2001/XMLSchema#');
const EU = 'http://publications.europa.eu/resource/authority';

const FREQUENCIES: Record<(typeof UPDATE_FREQUENCIES)[number], string> = {
  löpande: 'UPDATE_CONT',
  dagligen: 'DAILY',
  veckovis: 'WEEKLY',
  månadsvis: 'MONTHLY',
  kvartalsvis: 'QUARTERLY',
  årligen: 'ANNUAL',
};

/** The downloads the public site offers, as distributions. */
export const DCAT_DISTRIBUTIONS = [
  { key: 'csv', file: 'export/systemforteckning.csv', format: 'CSV', mediaType: 'text/csv', title: 'Systemförteckningen som CSV' },
  {
    key: 'xlsx',
    file: 'export/systemforteckning.xlsx',
    format: 'XLSX',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    title: 'Systemförteckningen som Excel-arbetsbok',
  },
  {
    key: 'json',
    file: 'export/systemforteckning.json',
    format: 'JSON',
    mediaType: 'application/json',
    title: 'Systemförteckningen som JSON',
  },
] as const;

/** The catalogue's address on the published site. */
export function dcatUrl(model: VisibleModel): string {
  return new URL('export/dcat.rdf', model.settings.siteUrl.replace(/\/?$/, '/')).href;
}

/** The DCAT-AP-SE catalogue of the public register, modified on `modified` (ÅÅÅÅ-MM-DD). */
export function dcatCatalogue(model: VisibleModel, modified: string): string {
  const { settings } = model;
  const site = settings.siteUrl.replace(/\/?$/, '/');
  const base = dcatUrl(model);
  const node = (name: string) => $rdf.sym(`${base}#${name}`);
  const sv = (text: string) => $rdf.lit(text, 'sv');
  const store = $rdf.graph();
  type Term = ReturnType<typeof DCAT> | $rdf.NamedNode;
  const add = (subject: Term, predicate: Term, object: Term | $rdf.Literal) => store.add(subject, predicate, object);

  const catalog = node('katalog');
  const dataset = node('systemforteckning');
  const publisher = node('utgivare');
  const contact = node('kontakt');
  const licence = $rdf.sym(settings.dataLicense);
  const title = `Systemförteckning för ${settings.municipality}`;
  const description = `${settings.municipality}s IT-system: vad de används till, vilken verksamhet som äger dem, deras status, leverantör och avtalets slutdatum. ${model.systems.length} system.`;

  add(catalog, RDF('type'), DCAT('Catalog'));
  add(catalog, DCT('title'), sv(`Öppna data från ${settings.municipality}s systemförteckning`));
  add(catalog, DCT('description'), sv(`Katalog med ${settings.municipality}s systemförteckning som öppna data.`));
  add(catalog, DCT('publisher'), publisher);
  add(catalog, DCT('license'), licence);
  add(catalog, DCT('language'), $rdf.sym(`${EU}/language/SWE`));
  add(catalog, FOAF('homepage'), $rdf.sym(site));
  add(catalog, DCT('modified'), $rdf.lit(modified, undefined, XSD('date')));
  add(catalog, DCAT('dataset'), dataset);

  add(publisher, RDF('type'), FOAF('Agent'));
  add(publisher, FOAF('name'), sv(settings.municipality));
  add(publisher, DCT('type'), $rdf.sym('http://purl.org/adms/publishertype/LocalAuthority'));
  if (settings.organisationNumber) add(publisher, DCT('identifier'), $rdf.lit(settings.organisationNumber));

  add(contact, RDF('type'), VCARD('Organization'));
  add(contact, VCARD('fn'), sv(settings.municipality));
  add(contact, VCARD('hasEmail'), $rdf.sym(`mailto:${settings.contactEmail}`));

  add(dataset, RDF('type'), DCAT('Dataset'));
  add(dataset, DCT('title'), sv(title));
  add(dataset, DCT('description'), sv(description));
  add(dataset, DCT('publisher'), publisher);
  add(dataset, DCAT('contactPoint'), contact);
  add(dataset, DCAT('landingPage'), $rdf.sym(`${site}system/`));
  add(dataset, DCAT('theme'), $rdf.sym(`${EU}/data-theme/GOVE`));
  for (const keyword of ['IT-system', 'systemförteckning', 'systemförvaltning']) add(dataset, DCAT('keyword'), sv(keyword));
  add(dataset, DCT('accrualPeriodicity'), $rdf.sym(`${EU}/frequency/${FREQUENCIES[settings.updateFrequency]}`));
  add(dataset, DCT('modified'), $rdf.lit(modified, undefined, XSD('date')));
  add(dataset, DCT('language'), $rdf.sym(`${EU}/language/SWE`));
  add(dataset, DCT('accessRights'), $rdf.sym(`${EU}/access-right/PUBLIC`));

  for (const distribution of DCAT_DISTRIBUTIONS) {
    const subject = node(distribution.key);
    const address = $rdf.sym(new URL(distribution.file, site).href);
    add(dataset, DCAT('distribution'), subject);
    add(subject, RDF('type'), DCAT('Distribution'));
    add(subject, DCT('title'), sv(distribution.title));
    add(subject, DCAT('accessURL'), address);
    add(subject, DCAT('downloadURL'), address);
    add(subject, DCT('format'), $rdf.sym(`${EU}/file-type/${distribution.format}`));
    add(subject, DCAT('mediaType'), $rdf.sym(`https://www.iana.org/assignments/media-types/${distribution.mediaType}`));
    add(subject, DCT('license'), licence);
  }
  // Without a base, every address is written out whole, as harvesters expect.
  return $rdf.serialize(null, store, undefined, 'application/rdf+xml') as string;
}
