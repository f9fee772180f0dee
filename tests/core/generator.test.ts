// The synthetic registers behind the benchmarks: the same seed gives the same
// register, a clean one validates without errors, and every sprinkled error
// is found exactly once, with the rule of its kind.
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, generateRegister } from '../../scripts/bench/synthetic-register.ts';
import type { SourceFile } from '../../src/core/reading/parse.ts';
import { validateSources } from '../../src/core/checking/validate.ts';

function validate(files: Map<string, string>) {
  const sources: SourceFile[] = [...files].map(([relPath, text]) => ({
    file: `registry/${relPath}`,
    relPath,
    bytes: Buffer.from(text),
    size: Buffer.byteLength(text),
  }));
  return validateSources(sources, { today: '2026-11-28', root: 'registry' }).findings.filter((finding) => finding.severity === 'error');
}

describe('generated registers', () => {
  it('are the same for the same seed and differ for another', () => {
    const a = generateRegister({ systems: 120, seed: 5 });
    const b = generateRegister({ systems: 120, seed: 5 });
    const c = generateRegister({ systems: 120, seed: 6 });
    expect([...a.files]).toEqual([...b.files]);
    expect([...a.files]).not.toEqual([...c.files]);
  });

  it('have people, units and equipment in proportion to the systems', () => {
    const { counts, files } = generateRegister({ systems: 800, seed: 1 });
    expect(counts).toEqual({ systems: 800, people: 960, units: 100, equipment: 28 });
    expect([...files.keys()].filter((path) => path.startsWith('systems/'))).toHaveLength(800);
  });

  it('are valid by construction', () => {
    expect(validate(generateRegister({ systems: 400, seed: 2 }).files)).toEqual([]);
  });

  it('contain exactly the errors sprinkled into them', () => {
    const errors = Object.fromEntries(ERROR_KINDS.map((kind, index) => [kind, index + 1]));
    const { files, sprinkled } = generateRegister({ systems: 400, seed: 3, errors });
    expect(sprinkled).toEqual(errors);
    const found: Record<string, number> = {};
    for (const finding of validate(files)) found[finding.rule] = (found[finding.rule] ?? 0) + 1;
    expect(found).toEqual(errors);
  });
});
