// Limits in front of the spreadsheet and CSV readers, so that a hostile or
// broken file gets a Swedish message instead of exhausting memory. The
// libraries trust the file; these checks do not.
import { Unzip, UnzipInflate } from 'fflate';
import { UserError } from '../errors.ts';

/** A municipality's list is a few hundred kilobytes; an export of 20 000 systems a few megabytes. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** What a workbook may unpack to (its XML), whatever its parts claim. */
export const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
export const MAX_ROWS = 50_000;
export const MAX_COLUMNS = 200;
/** Characters in one cell: a long description is a few thousand. */
export const MAX_CELL_CHARACTERS = 20_000;

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(0)} MiB`;

export function checkFileSize(size: number): void {
  if (size > MAX_FILE_BYTES) {
    throw new UserError(
      `Filen är ${mib(size)}, mer än gränsen ${mib(MAX_FILE_BYTES)}. Kontrollera att det är rätt fil, eller dela upp den i flera.`,
    );
  }
}

/**
 * Inflates every part of a zip (an .xlsx or .ods is one) just to count, and
 * stops at the limit: a part that unpacks to hundreds of megabytes is refused
 * before the spreadsheet library unpacks it for real.
 */
export function checkUnpackedSize(bytes: Uint8Array): void {
  let total = 0;
  let tooLarge = false;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error) return;
      total += chunk.length;
      if (total > MAX_UNPACKED_BYTES && !tooLarge) {
        tooLarge = true;
        file.terminate();
      }
    };
    if (!tooLarge) file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    // A damaged zip is the spreadsheet library's to report, with its own words translated.
  }
  if (tooLarge) {
    throw new UserError(
      `Arbetsboken packas upp till mer än ${mib(MAX_UNPACKED_BYTES)} och läses inte. Ett vanligt kalkylark är mycket mindre; spara om det i Excel eller LibreOffice, eller som CSV.`,
    );
  }
}
