// A file's history as its page tells it: each change from the version before
// it to the version after, the newest first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Kind } from '../../src/core/kinds.ts';
import {
  describeFileHistories,
  describeFileHistory,
  type FileChange,
  type FileHistoryOptions,
  type HistoryItem,
  type ToldChange,
} from '../../src/core/views/file-history.ts';
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

describe('a history told in an earlier build (the build cache)', () => {
  const withManager = (manager: string) => lonesystem.replace('  manager: camilla-ahlberg\n', `  manager: ${manager}\n`);
  const blobs = new Map([
    ['v1', withManager('camilla-ahlberg')],
    ['v2', withManager('erik-lind')],
  ]);
  const changes = [change('c2', '2025-03-01T10:00:00Z', 'v1', 'v2'), change('c1', '2024-03-01T10:00:00Z', undefined, 'v1')];
  const people = new Map([
    ['camilla-ahlberg', 'Camilla Åhlberg'],
    ['erik-lind', 'Erik Lind'],
    ['bo-berg', 'Bo Berg'],
  ]);
  /** A build's cache, as a map the test can look into. */
  const remembered = () => {
    const kept = new Map<string, ToldChange>();
    return {
      kept,
      told: { get: (identity: string) => kept.get(identity), keep: (identity: string, told: ToldChange) => void kept.set(identity, told) },
    };
  };
  const options = (names: Map<string, string>, memory: ReturnType<typeof remembered>, cutter = 'intern') => ({
    cut: (_kind: Kind, data: Record<string, unknown>) => data,
    names: (id: string) => names.get(id),
    people: true,
    memory: { told: memory.told, cutter },
  });
  const telling = (items: HistoryItem[]) => items.map((item) => [item.hash, item.sentences]);
  /** The versions a telling asks Git for (none given back, so nothing new is kept). */
  const blobsToTell = (options: FileHistoryOptions) => {
    const asked: string[] = [];
    describeFileHistories([['systems/lonesystem.yaml', changes]], (blobs) => (asked.push(...blobs), new Map()), options);
    return asked;
  };

  it('tells the next build the same without reading a version from Git', () => {
    const memory = remembered();
    const first = describeFileHistory('systems/lonesystem.yaml', changes, blobs, options(people, memory));
    expect(first[0]?.sentences).toEqual(['Lönesystem: systemförvaltare ändras från Camilla Åhlberg till Erik Lind.']);
    expect(memory.kept.size).toBe(2);
    expect(blobsToTell(options(people, memory))).toEqual([]);
    expect(telling(describeFileHistory('systems/lonesystem.yaml', changes, new Map(), options(people, memory)))).toEqual(telling(first));
  });

  it('tells a change again when a name it mentions has changed, or the cut has', () => {
    const memory = remembered();
    describeFileHistory('systems/lonesystem.yaml', changes, blobs, options(people, memory));
    const renamed = new Map([...people, ['erik-lind', 'Erik Lindqvist']]);
    // Only the change that named Erik Lind: the system's first version does not.
    expect(blobsToTell(options(renamed, memory))).toEqual(['v1', 'v2']);
    const retold = describeFileHistory('systems/lonesystem.yaml', changes, blobs, options(renamed, memory));
    expect(retold[0]?.sentences).toEqual(['Lönesystem: systemförvaltare ändras från Camilla Åhlberg till Erik Lindqvist.']);
    expect(blobsToTell(options(people, memory, 'offentlig'))).toHaveLength(3);
  });

  it('keeps nothing told from a version Git could not give (a shallow clone)', () => {
    const memory = remembered();
    describeFileHistory('systems/lonesystem.yaml', changes, new Map([['v2', withManager('erik-lind')]]), options(people, memory));
    expect(memory.kept.size).toBe(0);
  });
});
