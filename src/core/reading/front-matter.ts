// A guideline is YAML front matter and a Markdown body. gray-matter only
// splits the file; our own YAML parser reads the front matter, so that its
// errors are located and worded like everywhere else.
import matter from 'gray-matter';
import type { Problem } from '../findings/findings.ts';

export type FrontMatter =
  | {
      yaml: string;
      /** Lines before the YAML (the opening ---). */
      lineOffset: number;
      body: string;
      /** Lines before the body. */
      bodyLineOffset: number;
    }
  | { problem: Problem };

const FIELDS = 'fälten title, adoptedBy, adopted och reference eller version';

export function splitFrontMatter(text: string): FrontMatter {
  const problem = (line: number, message: string): FrontMatter => ({ problem: { line, column: 1, rule: 'missing-front-matter', message } });
  if (!/^---[ \t]*\n/.test(text)) {
    return problem(1, `Riktlinjen saknar framsidesdata. Börja filen med en rad "---", ${FIELDS}, och en rad "---".`);
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    return problem(1, 'Framsidesdatan avslutas aldrig. Lägg till en rad "---" efter fälten, före texten.');
  }
  const file = matter(text, { engines: { yaml: () => ({}) } });
  const yaml = file.matter.replace(/^\n/, '');
  if (!yaml.trim()) return problem(2, `Framsidesdatan mellan raderna "---" är tom. Fyll i ${FIELDS}.`);
  const body = file.content;
  const bodyLineOffset = text.endsWith(body) ? text.slice(0, text.length - body.length).split('\n').length - 1 : 0;
  return { yaml, lineOffset: 1, body, bodyLineOffset };
}
