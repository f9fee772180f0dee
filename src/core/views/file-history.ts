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
  /** Changes told before (a build's cache), and what `cut` depends on besides the data (model/visible.ts cutterIdentity). */
  memory?: { told: ToldMemory; cutter: string };
}

/** A change as told before: its sentences, and the names they were told with. */
export interface ToldChange {
  sentences: string[];
  /** Each id whose name the telling asked for, and the name it got (null for none): pairs, as an id from an old version is any text. */
  names: [string, string | null][];
}

/**
 * Changes told in an earlier build, by an identity that holds everything the
 * telling read besides the names: the file, its blobs before and after, and
 * the cut. A kept telling is used only if every name it asked for is still
 * the same.
 */
export interface ToldMemory {
  get(identity: string): ToldChange | undefined;
  keep(identity: string, told: ToldChange): void;
}

function identityOf(relPath: string, change: FileChange, cutter: string): string {
  return JSON.stringify([relPath, change.before ?? null, change.after ?? null, cutter]);
}

/** The change as told before, if the names it was told with are still the same. */
function recalled(relPath: string, change: FileChange, options: FileHistoryOptions): ToldChange | undefined {
  if (!options.memory) return undefined;
  const told = options.memory.told.get(identityOf(relPath, change, options.memory.cutter));
  if (!told) return undefined;
  for (const [id, name] of told.names) if ((options.names(id) ?? null) !== name) return undefined;
  return told;
}

/**
 * Several files' histories, told at once: the changes told before are
 * recalled, the versions of the rest are read with one call of `read` (one
 * `git cat-file` for them all), and each file is told. O(changes × size of a
 * file); each version is parsed once, and none for a change recalled.
 */
export function describeFileHistories(
  files: readonly (readonly [relPath: string, changes: readonly FileChange[]])[],
  read: (blobs: string[]) => ReadonlyMap<string, string>,
  options: FileHistoryOptions,
): Map<string, HistoryItem[]> {
  const recalledOf = files.map(([relPath, changes]) => changes.map((change) => recalled(relPath, change, options)));
  const blobs = read(
    files.flatMap(([, changes], file) =>
      changes.flatMap((change, index) =>
        recalledOf[file]?.[index] ? [] : [change.before, change.after].filter((blob): blob is string => blob !== undefined),
      ),
    ),
  );
  return new Map(files.map(([relPath, changes], file) => [relPath, tellFile(relPath, changes, recalledOf[file] ?? [], blobs, options)]));
}

/** One file's history, from its versions' texts by blob id. */
export function describeFileHistory(
  relPath: string,
  changes: readonly FileChange[],
  blobs: ReadonlyMap<string, string>,
  options: FileHistoryOptions,
): HistoryItem[] {
  return describeFileHistories([[relPath, changes]], () => blobs, options).get(relPath) ?? [];
}

function tellFile(
  relPath: string,
  changes: readonly FileChange[],
  recalledChanges: readonly (ToldChange | undefined)[],
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
  const tell = (change: FileChange): ToldChange => {
    const before = entryOf(change.before);
    const after = entryOf(change.after);
    const names = new Map<string, string | null>();
    const named = (id: string) => {
      const name = options.names(id);
      names.set(id, name ?? null);
      return name;
    };
    const sentences =
      before || after
        ? describeChanges(before ? [before] : [], after ? [after] : [], new Map(), named).map((sentence) => sentence.text)
        : [];
    return { sentences, names: [...names] };
  };
  const readable = (blob: string | undefined) => blob === undefined || blobs.has(blob);
  for (const [index, change] of changes.entries()) {
    let told = recalledChanges[index];
    if (!told) {
      told = tell(change);
      // A version Git could not give (a shallow clone) is told as missing: not kept for a build that has it.
      if (options.memory && readable(change.before) && readable(change.after))
        options.memory.told.keep(identityOf(relPath, change, options.memory.cutter), told);
    }
    const { sentences } = told;
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
