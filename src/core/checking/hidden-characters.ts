// Values and keys that hold invisible control characters. YAML written as
// text rejects them, but an escape inside "…" ("\e[2J", "\u202E") writes
// them all the same: they could rewrite a reviewer's terminal, reverse the
// text of a name (Trojan Source) or hide something in the change summary.
import { findingOn, type Finding } from '../findings/findings.ts';
import { fieldReference, displayPath } from '../schema/labels.ts';
import type { Kind } from '../kinds.ts';
import { codePointName, firstControlCharacter } from '../text/output.ts';
import type { DataPath } from '../data-path.ts';

/**
 * O(size of the data). With the YAML `text` the data was parsed from, a
 * text without control characters and without a backslash is passed at
 * once: a parsed value can only hold one that the text holds, or that an
 * escape in "…" writes, and every escape starts with a backslash.
 */
export function hiddenCharacterFindings(kind: Kind, file: string, data: unknown, text?: string): Finding[] {
  if (text !== undefined && !text.includes('\\') && firstControlCharacter(text) === undefined) return [];
  const issues: Finding[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const character = firstControlCharacter(value);
      if (character)
        issues.push(
          found(file, path, 'value', `${fieldReference(kind, path)} innehåller ett osynligt styrtecken (${codePointName(character)}).`),
        );
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const character = firstControlCharacter(key);
        if (character)
          issues.push(
            found(
              file,
              [...path, key],
              'key',
              `Nyckeln "${displayPath([...path, key])}" innehåller ett osynligt styrtecken (${codePointName(character)}).`,
            ),
          );
        else visit(child, [...path, key]);
      }
    }
  };
  visit(data, []);
  return issues;
}

function found(file: string, path: DataPath, target: 'key' | 'value', what: string): Finding {
  return findingOn({
    file,
    path,
    target,
    rule: 'yaml-control-character',
    message: `${what} Skriv om värdet utan escape-sekvenser som \\e, \\0 eller \\u202E.`,
  });
}
