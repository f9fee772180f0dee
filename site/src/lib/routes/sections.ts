// The pages that not every audience's site has (people, councils, the IT
// department's report, the maps, open data): a route with an optional rest
// parameter builds its page only when the audience has the section.
import { siteData, type SiteData } from '../data.ts';

/** getStaticPaths for the one page of a section: the page, or nothing. */
export function sectionPaths(section: keyof SiteData['sections']) {
  return () => (siteData().sections[section] ? [{ params: { index: undefined } }] : []);
}
