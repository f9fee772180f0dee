// What every cross-file rule receives, built once per validation run, and the
// one helper rules use to say what they found.
import type { Kind } from '../../kinds.ts';
import type { CheckedEntry } from '../check-files.ts';
import type { Settings } from '../../schema/settings.ts';
import { settingsWithDefaults } from '../../schema/settings-read.ts';
import type { Person, System, Unit } from '../../schema/types.ts';
import { findingOn, type Finding, type FindingOptions } from '../../findings/findings.ts';

export interface RuleContext {
  /** Every entry whose file could be parsed, valid or not. */
  entries: readonly CheckedEntry[];
  systems: readonly (CheckedEntry & { data: System })[];
  people: ReadonlyMap<string, CheckedEntry & { data: Person }>;
  units: ReadonlyMap<string, CheckedEntry & { data: Unit }>;
  /** The settings file's entry, with the schema's defaults filled in. */
  settings: (CheckedEntry & { data: Settings }) | undefined;
  /** Review interval and contract warning, from the settings or their defaults. */
  policy: Pick<
    Settings,
    'reviewIntervalMonths' | 'contractWarningDays' | 'securityCheckIntervalMonths' | 'missingContinuityFacts' | 'maxCriticalRto'
  >;
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

export type Rule = (context: RuleContext) => Finding[];

/** Builds the context in one pass over the entries. O(entries). */
export function buildContext(
  entries: readonly CheckedEntry[],
  options: { today: string; root: string; sourcePaths: ReadonlySet<string>; fileIds: ReadonlyMap<Kind, ReadonlySet<string>> },
): RuleContext {
  const systems: (CheckedEntry & { data: System })[] = [];
  const people = new Map<string, CheckedEntry & { data: Person }>();
  const units = new Map<string, CheckedEntry & { data: Unit }>();
  let settings: (CheckedEntry & { data: Settings }) | undefined;
  for (const entry of entries) {
    if (!entry.schemaValid) continue;
    if (entry.kind === 'system') systems.push(entry as CheckedEntry & { data: System });
    else if (entry.kind === 'person') people.set(entry.fileId, entry as CheckedEntry & { data: Person });
    else if (entry.kind === 'unit') units.set(entry.fileId, entry as CheckedEntry & { data: Unit });
    else if (entry.kind === 'settings') settings = { ...entry, data: settingsWithDefaults(entry.data as Settings) };
  }
  const { fileIds, ...rest } = options;
  const policy = settings?.data ?? settingsWithDefaults({} as Settings);
  return {
    entries,
    systems,
    people,
    units,
    settings,
    policy: {
      reviewIntervalMonths: policy.reviewIntervalMonths,
      contractWarningDays: policy.contractWarningDays,
      securityCheckIntervalMonths: policy.securityCheckIntervalMonths,
      missingContinuityFacts: policy.missingContinuityFacts,
      maxCriticalRto: policy.maxCriticalRto,
    },
    ids: fileIds,
    ...rest,
  };
}

/** A finding about a field of an entry, which also names the entry. */
export function finding(options: Omit<FindingOptions, 'file' | 'entry'> & { entry: CheckedEntry }): Finding {
  const { entry, ...rest } = options;
  return findingOn({ file: entry.file, entry: { kind: entry.kind, id: entry.fileId }, ...rest });
}
