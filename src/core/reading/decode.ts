// Turning a file's bytes into text: size limit, UTF-8 check, BOM and CRLF.
import type { Problem } from '../findings/findings.ts';

/** Register files are a few kilobytes; a guideline document perhaps 100 KB. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSource(bytes: Uint8Array, size = bytes.length): DecodeResult {
  if (size > MAX_FILE_BYTES) {
    return {
      ok: false,
      problem: {
        line: 1,
        column: 1,
        rule: 'file-too-large',
        message: `Filen är ${formatBytes(size)}, mer än gränsen ${formatBytes(MAX_FILE_BYTES)}. En post i registret ska vara en kort fil; kontrollera att rätt fil har hamnat här.`,
      },
    };
  }
  let text: string;
  try {
    // The decoder drops a leading UTF-8 byte order mark.
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      problem: {
        ...at,
        rule: 'not-utf8',
        message:
          'Filen är inte sparad som UTF-8 (den är troligen sparad som Windows-1252/ANSI). Spara om den som UTF-8 i din editor; å, ä och ö blir då rätt.',
      },
    };
  }
  // CRLF is accepted; normalising keeps columns and later diffs consistent.
  return { ok: true, text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Line and column (in characters) of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    const length =
      byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return { line, column };
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] as number) & 0xc0) !== 0x80) return { line, column };
    }
    if (byte === 0x0a) {
      line++;
      column = 1;
    } else {
      column++;
    }
    i += length;
  }
  return { line, column };
}
