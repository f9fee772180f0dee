// .github/CODEOWNERS from the register (ownership as data): each system's
// file is reviewed by its owner and manager and by the IT department's team;
// everything else by the IT department.
import type { PersonRecord, RegisterModel } from '../model/model.ts';
import { joinSwedish } from '../text/text.ts';

export interface Codeowners {
  text: string;
  /** People who should review but have no gitHandle, in Swedish. */
  warnings: string[];
}

/** O(systems + people). */
export function codeownersFile(model: RegisterModel, registryPath: string): Codeowners {
  const team = model.settings.itTeam;
  const prefix = `/${registryPath ? `${registryPath}/` : ''}`;
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
  for (const system of [...model.systems].sort((a, b) => (a.source < b.source ? -1 : 1))) {
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
    lines.push(`${prefix}${system.source} ${[...handles, team].join(' ')}`);
  }
  const warnings = [...missing.values()].map(
    ({ person, systems }) =>
      `${person.name} (${prefix.slice(1)}${person.source}) saknar gitHandle och kan inte bli ombedd att granska ändringar i ${joinSwedish(systems)}. Lägg till personens användarnamn på GitHub.`,
  );
  return { text: `${lines.join('\n')}\n`, warnings };
}
