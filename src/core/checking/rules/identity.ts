// Rules about identity: file names, ids and the settings file.
import { KINDS, SETTINGS_FILE } from '../../kinds.ts';
import { ID_PATTERN } from '../../vocabulary.ts';
import { toId } from '../../text/text.ts';
import { knownForge } from '../../domain/forges.ts';
import { findingOn, type Finding } from '../../findings/findings.ts';
import { finding, type Rule } from './context.ts';

/** The id inside a file equals its file name, so links and references agree. */
export const idMatchesFileName: Rule = ({ entries }) =>
  entries.flatMap((entry) => {
    if (entry.kind === 'settings' || entry.kind === 'guideline') {
      if (entry.kind === 'guideline' && !ID_PATTERN.test(entry.fileId)) {
        return [
          finding({
            entry,
            path: [],
            rule: 'file-name',
            message: `Filnamnet "${entry.fileId}.md" får bara innehålla små bokstäver a–z, siffror och bindestreck. Byt namn till "${toId(entry.fileId) || 'riktlinje'}.md".`,
            target: 'key',
          }),
        ];
      }
      return [];
    }
    const id = entry.data.id;
    const { ext } = KINDS[entry.kind];
    // When the id itself breaks the pattern the schema already says so, once.
    if (!ID_PATTERN.test(entry.fileId) && id !== entry.fileId) {
      const suggestion = toId(entry.fileId);
      return [
        finding({
          entry,
          path: ['id'],
          rule: 'file-name',
          message: `Filnamnet "${entry.fileId}${ext}" får bara innehålla små bokstäver a–z, siffror och bindestreck. Byt namn till "${suggestion}${ext}" och sätt id: ${suggestion}.`,
          target: 'key',
        }),
      ];
    }
    if (typeof id === 'string' && id !== entry.fileId) {
      return [
        finding({
          entry,
          path: ['id'],
          rule: 'id-matches-file-name',
          message: `id är "${id}" men filen heter "${entry.fileId}${ext}". Id och filnamn ska vara lika: ändra id till "${entry.fileId}" eller byt namn på filen till "${id}${ext}".`,
        }),
      ];
    }
    return [];
  });

/**
 * Ids are unique across systems, people and units: a role such as
 * driftansvarig may name either a unit or a person, so the id alone must say which.
 */
export const uniqueIds: Rule = ({ entries }) => {
  const firstByid = new Map<string, (typeof entries)[number]>();
  const found: Finding[] = [];
  for (const entry of entries) {
    if (entry.kind === 'settings' || entry.kind === 'guideline' || entry.kind === 'equipment') continue;
    const existing = firstByid.get(entry.fileId);
    if (existing) {
      found.push(
        finding({
          entry,
          path: ['id'],
          rule: 'unique-id',
          message: `Id "${entry.fileId}" används redan av ${KINDS[existing.kind].indefinite} (${existing.file}). Id måste vara unikt bland system, personer och enheter: välj ett annat id och byt filnamn.`,
        }),
      );
    } else firstByid.set(entry.fileId, entry);
  }
  return found;
};

export const settingsPresent: Rule = ({ sourcePaths, root }) => {
  if (sourcePaths.has(SETTINGS_FILE)) return [];
  return [
    findingOn({
      file: `${root}/${SETTINGS_FILE}`,
      path: [],
      target: 'key',
      rule: 'settings-missing',
      message: `Registret saknar ${SETTINGS_FILE} med kommunens namn, webbplatsens adress och IT-avdelningen. Kopiera filen från exempelregistret och ändra värdena.`,
    }),
  ];
};

/**
 * A repository on a host other than github.com or gitlab.com (a municipality's
 * own GitLab) must say which forge it is: nothing is guessed from a name.
 */
export const forgeKnown: Rule = ({ settings }) => {
  if (!settings || settings.data.forge || !URL.canParse(settings.data.repositoryUrl) || knownForge(settings.data.repositoryUrl)) return [];
  const host = new URL(settings.data.repositoryUrl).hostname;
  return [
    finding({
      entry: settings,
      path: ['repositoryUrl'],
      rule: 'forge-unknown',
      message: `Förrådet ligger på ${host}, som inte är github.com eller gitlab.com, och då går det inte att veta vilken sorts plattform det är. Skriv forge: gitlab (eller forge: github) i settings.yaml, så att länkarna till redigering och ärenden och CODEOWNERS blir rätt.`,
    }),
  ];
};
