// The names the search page compares a query with when Pagefind finds little:
// systems, units and people, with aliases (src/core/views/search-names.ts).
import { siteData } from '../../lib/data.ts';
import { searchNames } from '../../lib/search-names.ts';

export function GET() {
  return new Response(JSON.stringify(searchNames(siteData().model)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
