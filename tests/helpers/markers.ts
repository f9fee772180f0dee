// A register for the audiences' leak test: every text field of every kind
// holds a marker of its own, made from the committed JSON Schemas, so that a
// field added later is marked without anyone remembering to. Each marker is
// recorded with the narrowest audience that may see it: the field's, or the
// entry's when the entry is narrower (visibility: skyddad), and skyddad for
// what the protected registry holds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dump } from 'js-yaml';
import { audienceOf, narrower, splitByAudience } from '../../src/core/domain/visibility.ts';
import { KINDS, type Kind } from '../../src/core/kinds.ts';
import { COMMITTED_SCHEMAS, type JsonSchemaNode } from '../../src/core/schema/committed.ts';
import {
  GIT_HANDLE_PATTERN,
  ID_PATTERN,
  NOT_EMPTY_PATTERN,
  ONE_LINE_PATTERN,
  ORG_NUMBER_PATTERN,
  PHONE_PATTERN,
  REFERENCES_KEYWORD,
  TEAM_PATTERN,
  type Audience,
} from '../../src/core/vocabulary.ts';

export interface Marker {
  text: string;
  audience: Audience;
  where: string;
}

/** Ids the generated entries point at, by the kind a reference field asks for. */
export interface Targets {
  system: string;
  person: string;
  unit: string;
}

let counter = 0;

const PATTERN_EXAMPLES: Record<string, string> = {
  [PHONE_PATTERN.source]: '010-123 45 67',
  [ORG_NUMBER_PATTERN.source]: '556123-4567',
  [GIT_HANDLE_PATTERN.source]: 'markerad',
  [TEAM_PATTERN.source]: '@testkommun/it',
};

/** Lower-case letters only: Pagefind and every format keep such a word as it is. */
function markerWord(): string {
  counter++;
  let word = '';
  for (let n = counter; n > 0; n = Math.floor(n / 26)) word = String.fromCharCode(97 + (n % 26)) + word;
  return `zqmark${word}zq`;
}

function textLike(node: JsonSchemaNode): boolean {
  return node.type === 'string' && !node.enum && !node.format && (node.pattern === undefined || node.pattern === ONE_LINE_PATTERN.source || node.pattern === NOT_EMPTY_PATTERN.source);
}

/**
 * An entry of `kind` with every field the schema has, text fields marked.
 * `entryAudience` narrows every marker (an entry only skyddad may see).
 */
export function markedEntry(kind: Kind, id: string, targets: Targets, markers: Marker[], entryAudience: Audience = 'offentlig'): Record<string, unknown> {
  const value = (node: JsonSchemaNode, path: (string | number)[]): unknown => {
    const where = `${kind}.${path.filter((segment) => typeof segment === 'string').join('.')}`;
    const mark = () => {
      const text = markerWord();
      markers.push({ text, where, audience: narrower(entryAudience, audienceOf(kind, path)) });
      return text;
    };
    const references = node[REFERENCES_KEYWORD] as (keyof Targets)[] | undefined;
    if (references) return targets[references[0] as keyof Targets];
    if (node.anyOf && node.type !== 'object') {
      const object = node.anyOf.find((branch) => branch.type === 'object');
      return value(object ?? (node.anyOf[0] as JsonSchemaNode), path);
    }
    if (node.type === 'object') {
      const result: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (key === 'visibility' && path.length === 0) continue;
        if (key === 'id' && path.length === 0) result.id = id;
        else result[key] = value(child, [...path, key]);
      }
      return result;
    }
    if (node.type === 'array') return [value(node.items as JsonSchemaNode, [...path, 0])];
    if (node.enum) return node.enum[0];
    if (node.type === 'boolean') return true;
    if (node.type === 'integer' || node.type === 'number') return node.minimum ?? 1;
    if (node.format === 'date') return '2026-01-15';
    if (node.format === 'email') return `${mark()}@testkommun.se`;
    if (node.format === 'uri') return `https://testkommun.se/${mark()}`;
    if (node.pattern === ID_PATTERN.source) return id;
    if (textLike(node)) return mark();
    // Phone numbers, organisation numbers, handles, teams: a valid value, not a marker.
    return node.examples?.[0] ?? PATTERN_EXAMPLES[node.pattern ?? ''] ?? 'x';
  };
  return value(COMMITTED_SCHEMAS[kind], []) as Record<string, unknown>;
}

/** Writes an entry (and its protected part) where the register and the protected registry keep it. */
export function writeEntry(root: string, protectedRoot: string, kind: Kind, data: Record<string, unknown>): void {
  const { main, protectedPart } = splitByAudience(kind, data);
  const write = (folder: string, body: Record<string, unknown>) => {
    const path = join(folder, KINDS[kind].dir, `${String(data.id)}${KINDS[kind].ext}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, dump(body, { lineWidth: -1 }));
  };
  write(root, main);
  if (protectedPart) write(protectedRoot, protectedPart);
}
