// Dates as people write them in spreadsheets: ISO dates, Swedish and
// European forms, a month ("juni 2027", "2027-06": its last day), Excel day
// numbers, and the words for "no end date".
import { isCalendarDate } from '../text/dates.ts';
import { foldText } from '../text/text.ts';

/** Excel's serial day number as ÅÅÅÅ-MM-DD; the 1900 system unless the workbook uses 1904. */
export function excelSerialToIso(serial: number, date1904 = false): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const SHORT_MONTHS = MONTHS.map((month) => month.slice(0, 3));

/** "Tills vidare", "löpande", "ingen slutdag": a contract without an end date. */
export const NO_END_WORDS =
  /^(tills? ?vidare|tv|lopande|ingen slutdag|inget slutdatum|obestamd tid|pa obestamd tid|evigt|ongoing|indefinite)$/;

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${day}`;
}

/** ÅÅÅÅ-MM-DD, or undefined when the text is not a date. */
export function readDate(value: string): string | undefined {
  const text = value.trim();
  const folded = foldText(text);
  let iso: string | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(text)))
    iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  else if ((match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text)))
    iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) iso = `${match[1]}-${match[2]}-${match[3]}`;
  else if ((match = /^(\d{4})-(\d{1,2})$/.exec(text))) iso = lastDay(Number(match[1]), Number(match[2]));
  else if ((match = /^(?:(\d{1,2}) )?([a-z]{3,9})\.? (\d{4})$/.exec(folded))) {
    const month = [...MONTHS, ...SHORT_MONTHS].map((name) => foldText(name)).indexOf(match[2] as string) % 12;
    if (month >= 0)
      iso = match[1]
        ? `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1].padStart(2, '0')}`
        : lastDay(Number(match[3]), month + 1);
  } else if (/^\d{5}(\.\d+)?$/.test(text) && Number(text) > 20000 && Number(text) < 80000) iso = excelSerialToIso(Number(text));
  return iso !== undefined && isCalendarDate(iso) ? iso : undefined;
}
