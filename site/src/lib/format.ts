// How values from the register are written on the pages.
import { formatSwedishDate } from '../../../src/core/text/dates.ts';
import { capitalize } from '../../../src/core/text/text.ts';

export { formatSwedishDate, capitalize };

const KLASSA = ['ingen eller försumbar skada', 'måttlig skada', 'betydande skada', 'allvarlig skada', 'synnerligen allvarlig skada'];

export function klassa(level: number): string {
  return `${level} – ${KLASSA[level] ?? ''}`;
}

export function yesNo(value: boolean | undefined): string {
  return value === undefined ? '–' : value ? 'Ja' : 'Nej';
}

export function price(amount: number): string {
  return `${new Intl.NumberFormat('sv-SE').format(amount)} kr`;
}
