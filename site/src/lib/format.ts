// How values from the register are written on the pages.
import { formatSwedishDate } from '../../../src/core/text/dates.ts';
import { capitalize } from '../../../src/core/text/text.ts';

export { formatSwedishDate, capitalize };
