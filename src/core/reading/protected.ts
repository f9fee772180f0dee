// The protected registry (settings.protectedRegistry): a second folder with
// the register's layout, whose files hold only an entry's protected fields and
// its id. Read here and laid over the main register's entries, so that every
// check sees each entry whole; each entry remembers the files laid over it,
// so that a finding about a field that came from one is located there.
import { KINDS } from '../kinds.ts';
import { findingAt } from '../findings/findings.ts';
import type { Entry, Overlay, ParsedRegister } from './parse.ts';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The key a list's objects name another entry by ({ system: … }), when its items have one. */
const ITEM_KEYS = ['system'];

function itemKey(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (!isPlainObject(item)) return undefined;
  const key = ITEM_KEYS.find((name) => typeof item[name] === 'string');
  return key ? (item[key] as string) : undefined;
}

/**
 * The overlay's data laid over the base: sections merged field by field; a
 * list of references merged item by item on the entry they name (a plain id
 * in the main file gains the protected type and note); anything else the
 * overlay has replaces the base's.
 */
export function layOver(base: unknown, overlay: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(overlay)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(overlay)) merged[key] = key in base ? layOver(base[key], value) : value;
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(overlay) && overlay.every((item) => isPlainObject(item) && itemKey(item) !== undefined)) {
    const byKey = new Map(overlay.map((item) => [itemKey(item), item as Record<string, unknown>]));
    return base.map((item) => {
      const extra = byKey.get(itemKey(item));
      if (!extra) return item;
      return typeof item === 'string' ? { ...extra } : layOver(item, extra);
    });
  }
  return overlay;
}

/** The main register with the protected registry's files laid over its entries. O(entries + size of the protected files). */
export function mergeProtected(main: ParsedRegister, extra: ParsedRegister): ParsedRegister {
  const byKey = new Map(main.entries.map((entry) => [`${entry.kind}/${entry.fileId}`, entry]));
  const overlays = new Map<Entry, Overlay[]>();
  const findings = [...main.findings, ...extra.findings];
  for (const partial of extra.entries) {
    const base = partial.kind === 'settings' ? undefined : byKey.get(`${partial.kind}/${partial.fileId}`);
    if (!base) {
      findings.push(
        findingAt(partial.file, {
          line: 1,
          column: 1,
          rule: 'protected-orphan',
          message:
            partial.kind === 'settings'
              ? 'Det skyddade registret har inga egna inställningar; de står i registrets settings.yaml. Ta bort filen.'
              : `Det finns inte ${KINDS[partial.kind].indefinite} med id "${partial.fileId}" i registret, så de skyddade uppgifterna hör inte till något. Rätta filnamnet, eller lägg till posten i registret först.`,
        }),
      );
      continue;
    }
    const list = overlays.get(base) ?? [];
    list.push({ file: partial.file, relPath: partial.relPath, text: partial.text, lineOffset: partial.lineOffset, data: partial.data });
    overlays.set(base, list);
  }
  const entries = main.entries.map((entry) => {
    const laid = overlays.get(entry);
    if (!laid) return entry;
    const data = laid.reduce<unknown>((merged, overlay) => layOver(merged, overlay.data), entry.data) as Record<string, unknown>;
    return { ...entry, data, overlays: laid };
  });
  return { ...main, entries, findings, unusable: [...main.unusable, ...extra.unusable] };
}
