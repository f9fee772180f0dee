// Swedish labels for fields, read from the schemas' titles so that the editor
// hover help, the validator's messages and the site's labels say the same.
import type { Kind } from '../kinds.ts';
import { COMMITTED_SCHEMAS, type JsonSchemaNode } from './committed.ts';
import type { DataPath } from '../data-path.ts';

export function schemaAt(kind: Kind, path: DataPath): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = COMMITTED_SCHEMAS[kind];
  for (const segment of path) {
    if (!node) return undefined;
    node =
      typeof segment === 'number'
        ? node.items
        : (node.properties?.[segment] ?? node.anyOf?.find((branch) => branch.properties?.[segment])?.properties?.[segment]);
  }
  return node;
}

/** The field's Swedish title, e.g. fieldTitle('system', ['roles', 'owner']) → "Systemägare". */
export function fieldTitle(kind: Kind, path: DataPath): string {
  return schemaAt(kind, path)?.title ?? String(path[path.length - 1] ?? '');
}

/** `roles.administrators, punkt 2`: the way a person reading the YAML finds the spot. */
export function displayPath(path: DataPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `, punkt ${segment + 1}`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** `"roles.owner" (Systemägare)`: how messages name a field. */
export function fieldReference(kind: Kind, path: DataPath): string {
  return `"${displayPath(path)}" (${fieldTitle(kind, path)})`;
}
