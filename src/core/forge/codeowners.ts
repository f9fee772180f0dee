// CODEOWNERS from the register (ownership as data): each system's file is
// reviewed by its owner and manager and by the IT department's team;
// everything else by the IT department. GitHub reads .github/CODEOWNERS;
// GitLab reads .gitlab/CODEOWNERS, here with a section per förvaltning, so
// that its approval rules show whose systems a merge request touches.
import { addTo } from '../collections.ts';
import { administrationOf, type PersonRecord, type RegisterModel, type SystemRecord } from '../model/model.ts';
import { bySwedish, joinSwedish } from '../text/text.ts';
import type { Forge } from './repository-links.ts';

export const CODEOWNERS_PATH: Record<Forge, string> = { github: '.github/CODEOWNERS', gitlab: '.gitlab/CODEOWNERS' };

export interface Codeowners {
  text: string;
  /** People who should review but have no gitHandle, in Swedish. */
  warnings: string[];
}

/** O(systems + people). */
export function codeownersFile(model: RegisterModel, registryPath: string, forge: Forge = 'github'): Codeowners {
  const team = model.settings.itTeam;
  const prefix = `/${registryPath ? `${registryPath}/` : ''}`;
  const forgeName = forge === 'gitlab' ? 'GitLab' : 'GitHub';
  const lines = [
    '# Skapas av npm run codeowners från registret. Ändra inte här: ändra personernas gitHandle',
    '# och systemens roller i registret och kör kommandot igen. CI kontrollerar att filen är aktuell.',
    '',
    '# IT-avdelningen granskar alla ändringar.',
    `* ${team}`,
    '',
    '# Varje systems fil granskas också av systemets systemägare och systemförvaltare.',
  ];
  const missing = new Map<string, { person: PersonRecord; systems: string[] }>();
  const line = (system: SystemRecord) => {
    const handles: string[] = [];
    for (const id of [system.roles.owner, system.roles.manager]) {
      const person = model.personById.get(id);
      if (!person) continue;
      if (person.gitHandle) {
        const handle = `@${person.gitHandle}`;
        if (!handles.includes(handle)) handles.push(handle);
      } else {
        const entry = missing.get(person.id) ?? { person, systems: [] };
        if (!entry.systems.includes(system.name)) entry.systems.push(system.name);
        missing.set(person.id, entry);
      }
    }
    return `${prefix}${system.source} ${[...handles, team].join(' ')}`;
  };
  const bySource = [...model.systems].sort((a, b) => (a.source < b.source ? -1 : 1));
  if (forge === 'github') lines.push(...bySource.map(line));
  else {
    const sections = new Map<string, SystemRecord[]>();
    for (const system of bySource) {
      const name = sectionName(administrationOf(model, system.unit).name);
      addTo(sections, name, system);
    }
    for (const name of [...sections.keys()].sort(bySwedish((key) => key))) {
      lines.push('', `[${name}]`, ...(sections.get(name) ?? []).map(line));
    }
  }
  const warnings = [...missing.values()].map(
    ({ person, systems }) =>
      `${person.name} (${prefix.slice(1)}${person.source}) saknar gitHandle och kan inte bli ombedd att granska ändringar i ${joinSwedish(systems)}. Lägg till personens användarnamn på ${forgeName}.`,
  );
  return { text: `${lines.join('\n')}\n`, warnings };
}

/** A unit's name as a GitLab section header: no brackets or line breaks, which would end it. */
function sectionName(name: string): string {
  return name.replace(/[[\]\r\n^]/g, ' ').replace(/\s+/g, ' ').trim() || 'Övriga';
}
