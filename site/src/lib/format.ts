// How values from the register are written on the pages.
import { formatSwedishDate } from '#core/text/dates.ts';
import { capitalize } from '#core/text/text.ts';

export { formatSwedishDate, capitalize };
