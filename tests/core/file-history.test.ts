// A file's history as its page tells it: each change from the version before
// it to the version after, the newest first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFileHistory, type FileChange } from '../../src/core/views/file-history.ts';
import { EXAMPLE_REGISTER } from '../helpers/registers.ts';

const lonesystem = readFileSync(join(EXAMPLE_REGISTER, 'systems', 'lonesystem.yaml'), 'utf8');
const withStatus = (status: string) => lonesystem.replace(/^status: .*$/m, `status: ${status}`);

function change(hash: string, date: string, before: string | undefined, after: string | undefined): FileChange {
  return { hash, date, author: 'Camilla Åhlberg', rank: 0, approvers: [], before, after };
}

describe('a file changed several times', () => {
  const blobs = new Map([
    ['v1', withStatus('under införande')],
    ['v2', withStatus('i drift')],
    ['v3', withStatus('under avveckling')],
  ]);
  // As git/history.ts gives them: the newest first, each version the next older change's after.
  const changes = [
    change('c3', '2026-03-01T10:00:00Z', 'v2', 'v3'),
    change('c2', '2025-03-01T10:00:00Z', 'v1', 'v2'),
    change('c1', '2024-03-01T10:00:00Z', undefined, 'v1'),
  ];
  const items = describeFileHistory('systems/lonesystem.yaml', changes, blobs, {
    cut: (_kind, data) => data,
    names: () => undefined,
    people: true,
  });

  it('tells each change from its own version before and after', () => {
    expect(items.map((item) => [item.hash, item.date, item.sentences])).toEqual([
      ['c3', '2026-03-01', ['Lönesystem: status ändras från i drift till under avveckling.']],
      ['c2', '2025-03-01', ['Lönesystem: status ändras från under införande till i drift.']],
      ['c1', '2024-03-01', [expect.stringMatching(/^Nytt system: Lönesystem/)]],
    ]);
  });

  it('leaves out a change to nothing the audience sees', () => {
    const hidden = describeFileHistory('systems/lonesystem.yaml', changes, blobs, {
      cut: (_kind, data) => ({ ...data, status: 'dold' }),
      names: () => undefined,
      people: true,
    });
    expect(hidden.map((item) => item.hash)).toEqual(['c1']);
  });
});
