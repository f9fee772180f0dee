// A file's history in Swedish: for each recent change (git/history.ts), what
// it did to the entry, said as the change summary of a pull request says it
// ("Lönesystem: systemförvaltare ändras från Bo Berg till Camilla Åhlberg"),
// told from the file's contents before and after, each cut to what the
// audience may see. A change to nothing the audience sees is left out: the
// page gives away neither the protected value nor that it changed.
import type { Kind } from '../kinds.ts';
import { parseRegister, type Entry } from '../reading/parse.ts';
import { describeChanges } from './changes.ts';

/** A change to a file as git/history.ts reads it: its commit, and the file's blobs before and after. */
export interface FileChange {
  hash: string;
  date: string;
  author: string;
  rank: number;
  approvers: string[];
  before?: string;
  after?: string;
}

export interface HistoryItem {
  /** ÅÅÅÅ-MM-DD. */
  date: string;
  /** When, to the second (ISO 8601), for a feed. */
  at: string;
  /** The commit's place in the log, newest 0: orders changes made in the same second. */
  rank: number;
  hash: string;
  /** Who wrote the change; left out for an audience that sees no names. */
  author?: string;
  /** Who approved it, from the commit's trailers. */
  approvers: string[];
  sentences: string[];
}

export interface FileHistoryOptions {
  /** The file's contents as the audience may see them (model/visible.ts entryCutter). */
  cut: (kind: Kind, data: Record<string, unknown>) => Record<string, unknown> | undefined;
  /** Names of the people, units and systems the change names, as the audience sees them. */
  names: (id: string) => string | undefined;
  /** Whether the audience sees who made and approved changes (staff's names are not public). */
  people: boolean;
}

/** O(changes × size of the file); each version of the file is parsed once. */
export function describeFileHistory(
  relPath: string,
  changes: readonly FileChange[],
  blobs: ReadonlyMap<string, string>,
  options: FileHistoryOptions,
): HistoryItem[] {
  // A change's contents before are the next older change's after: each version is read once.
  const read = new Map<string, Entry | undefined>();
  const entryOf = (blob: string | undefined): Entry | undefined => {
    if (blob === undefined) return undefined;
    if (read.has(blob)) return read.get(blob);
    const text = blobs.get(blob);
    const bytes = text === undefined ? undefined : Buffer.from(text, 'utf8');
    const entry = bytes && parseRegister([{ file: relPath, relPath, bytes, size: bytes.length }]).entries[0];
    const data = entry && options.cut(entry.kind, entry.data);
    const cut = entry && data ? { ...entry, data } : undefined;
    read.set(blob, cut);
    return cut;
  };
  const items: HistoryItem[] = [];
  for (const change of changes) {
    const before = entryOf(change.before);
    const after = entryOf(change.after);
    if (!before && !after) continue;
    const sentences = describeChanges(before ? [before] : [], after ? [after] : [], new Map(), options.names).map(
      (sentence) => sentence.text,
    );
    if (sentences.length === 0) continue;
    items.push({
      date: change.date.slice(0, 10),
      at: change.date,
      rank: change.rank,
      hash: change.hash,
      ...(options.people ? { author: change.author } : {}),
      approvers: options.people ? change.approvers : [],
      sentences,
    });
  }
  return items;
}
