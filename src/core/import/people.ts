// Reading the people a cell names: "Anna Andersson", "Svensson, Karin",
// "anna.andersson@kommun.se", "Bo Berg (systemägare)", several people in
// one cell, and the words that mean nobody ("Vakant", "?", "saknas").
import { capitalize, foldText } from '../text/text.ts';

export interface PersonMention {
  name?: string;
  email?: string;
  /** Text in parentheses after the name: reported, not stored. */
  note?: string;
}

export interface PeopleInCell {
  people: PersonMention[];
  /** The cell says that nobody holds the role: "Vakant", "?", "saknas". */
  vacant: boolean;
  /** Parts that are not a person: a title, a group, a first name only. */
  notPeople: string[];
}

/** Words that mean nobody holds the role. */
const NOBODY =
  /^(vakant|vakans|\?+|-+|–|saknas|ingen|inga|ej utsedd|inte utsedd|ej tillsatt|tbd|n\/a|na|x|okand|oklart|se ovan|se nedan|nobody|none|vacant)$/;

const EMAIL = /[^\s<>()"',;]+@[^\s<>()"',;]+\.[a-z]{2,}/i;
/** A word of a name: letters, with hyphens and apostrophes inside (Anna-Karin, O'Brien). */
const NAME_WORD = /^\p{L}[\p{L}'’-]*$/u;
const PARTICLES = new Set(['von', 'af', 'de', 'van', 'der', 'den', 'la', 'le', 'di']);

/**
 * "Anna Andersson": two to four words that each start with a capital, as
 * names are written. "ekonomichef", "it-avdelningen" and "MAS" are not names.
 */
function asName(text: string): string | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  const nameWords = words.filter((word) => !PARTICLES.has(word));
  if (nameWords.length < 2 || words.length > 5 || !words.every((word) => NAME_WORD.test(word))) return undefined;
  if (!nameWords.every((word) => /^\p{Lu}/u.test(word))) return undefined;
  // An acronym or a title written in capitals is not a name: "MAS", "IT-CHEF".
  if (nameWords.some((word) => word.length > 1 && word === word.toUpperCase())) return undefined;
  return words.join(' ');
}

/** "anna.andersson@kommun.se" → "Anna Andersson", when the address is built from the name. */
export function nameFromEmail(email: string): string | undefined {
  const parts = (email.split('@')[0] ?? '').split(/[._]/).filter(Boolean);
  if (parts.length < 2 || !parts.every((part) => /^\p{L}+(-\p{L}+)?$/u.test(part))) return undefined;
  return parts.map((part) => part.split('-').map(capitalize).join('-')).join(' ');
}

function readOne(part: string): PersonMention | undefined {
  const email = EMAIL.exec(part)?.[0];
  const rest = (email ? part.replace(email, '') : part).replace(/[<>]/g, ' ').trim();
  const noted = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(rest);
  const text = (noted ? noted[1] : rest)?.trim().replace(/[,:]$/, '') ?? '';
  const note = noted?.[2]?.trim();
  const name = text ? asName(text) : undefined;
  if (!name && !email) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email: email.toLowerCase() } : {}), ...(note ? { note } : {}) };
}

/** Splits a cell into the people it names. */
export function readPeople(cell: string): PeopleInCell {
  const result: PeopleInCell = { people: [], vacant: false, notPeople: [] };
  // "Svensson, Karin": one person, surname first.
  const inverted = /^\s*([\p{L}'’-]+),\s*([\p{L}'’-]+(?:\s[\p{L}'’-]+)?)\s*$/u.exec(cell);
  const parts = inverted
    ? [`${inverted[2]} ${inverted[1]}`]
    : cell
        .split(/\s*(?:[;\n]|,|\s+och\s+|\s+&\s+|\s+\/\s+|\/(?=\s*\p{Lu}))\s*/u)
        .map((part) => part.trim())
        .filter(Boolean);
  for (const part of parts) {
    if (NOBODY.test(foldText(part))) {
      result.vacant = true;
      continue;
    }
    const person = readOne(part);
    if (person) result.people.push(person);
    else result.notPeople.push(part);
  }
  return result;
}
