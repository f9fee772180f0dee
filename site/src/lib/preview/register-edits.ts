// The live preview (npm run dev) and the pages meet here. The preview's file
// watcher counts saved changes to the register; the site's data is loaded
// again when the count has moved. A process-wide symbol, because the watcher
// runs in Vite's server and the pages in its module runner, in one process.
const EDITS = Symbol.for('systemforteckning.register-edits');

type WithEdits = typeof globalThis & { [EDITS]?: number };

/** How many saved changes to the register the preview has seen: always 0 in a build. */
export function registerEdits(): number {
  return (globalThis as WithEdits)[EDITS] ?? 0;
}

/** A file in the register was saved, added or removed. */
export function noteRegisterEdit(): void {
  (globalThis as WithEdits)[EDITS] = registerEdits() + 1;
}

const OPENED = Symbol.for('systemforteckning.opened-register');

type WithOpened = typeof globalThis & { [OPENED]?: { edits: number; key: string; register: unknown } };

/**
 * The register as the preview's watcher last opened it, to check it for
 * errors, so that the pages use the same reading instead of a second one
 * (half the wait after a save). Only when nothing has been saved since, and
 * for the same folder and day.
 */
export function openedInPreview<T>(key: string): T | undefined {
  const opened = (globalThis as WithOpened)[OPENED];
  return opened && opened.edits === registerEdits() && opened.key === key ? (opened.register as T) : undefined;
}

export function keepOpenedInPreview(key: string, register: unknown): void {
  (globalThis as WithOpened)[OPENED] = { edits: registerEdits(), key, register };
}
