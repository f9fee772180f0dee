// What every cross-file rule receives, built once per validation run.
import type { Issue } from '../findings.ts';
import type { Kind } from '../../kinds.ts';
import type { Entry } from '../../reading/parse.ts';
import type { Person, Settings, System, Unit } from '../../schema/types.ts';

export interface RuleContext {
  /** Every entry whose file could be parsed, valid or not. */
  entries: readonly Entry[];
  systems: readonly (Entry & { data: System })[];
  people: ReadonlyMap<string, Entry & { data: Person }>;
  units: ReadonlyMap<string, Entry & { data: Unit }>;
  settings: (Entry & { data: Settings }) | undefined;
  /**
   * Ids by kind, from the names of all files, parsed or not. A reference to a
   * file that is broken for another reason still resolves, so one broken
   * person file does not also produce an "unknown person" error in every system.
   */
  ids: ReadonlyMap<Kind, ReadonlySet<string>>;
  today: string;
  /** The register root as shown to the user, e.g. "registry". */
  root: string;
  /** Paths, relative to the root, of every file found, readable or not. */
  sourcePaths: ReadonlySet<string>;
}

export type Rule = (context: RuleContext) => Issue[];

/** Builds the context in one pass over the entries. O(entries). */
export function buildContext(
  entries: readonly Entry[],
  options: { today: string; root: string; sourcePaths: ReadonlySet<string>; fileIds: ReadonlyMap<Kind, ReadonlySet<string>> },
): RuleContext {
  const systems: (Entry & { data: System })[] = [];
  const people = new Map<string, Entry & { data: Person }>();
  const units = new Map<string, Entry & { data: Unit }>();
  let settings: (Entry & { data: Settings }) | undefined;
  for (const entry of entries) {
    if (!entry.schemaValid) continue;
    if (entry.kind === 'system') systems.push(entry as Entry & { data: System });
    else if (entry.kind === 'person') people.set(entry.fileId, entry as Entry & { data: Person });
    else if (entry.kind === 'unit') units.set(entry.fileId, entry as Entry & { data: Unit });
    else if (entry.kind === 'settings') settings = entry as Entry & { data: Settings };
  }
  const { fileIds, ...rest } = options;
  return { entries, systems, people, units, settings, ids: fileIds, ...rest };
}

export function issue(
  entry: Entry,
  path: Issue['path'],
  rule: string,
  message: string,
  severity: Issue['severity'] = 'error',
  target: Issue['target'] = 'value',
): Issue {
  return { file: entry.file, path, target, severity, rule, message };
}
