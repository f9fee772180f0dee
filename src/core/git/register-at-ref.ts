// The register as it was at a Git ref, read in two processes whatever its
// size: `git ls-tree` lists the files and one `git cat-file --batch` reads
// them all.
import { spawnSync } from 'node:child_process';
import { UserError } from '../errors.ts';
import { repositoryPathOf, repositoryRoot } from './repository.ts';
import { displayPathOf } from '../reading/load.ts';
import type { SourceFile } from '../reading/parse.ts';

export function readRegisterSourcesAtRef(registryDir: string, ref: string, cwd = process.cwd()): SourceFile[] {
  const prefix = repositoryPathOf(registryDir);
  if (prefix === undefined)
    throw new UserError(`${displayPathOf(registryDir, cwd)} ligger inte i ett Git-förråd, så det finns ingen version att jämföra med.`);
  const top = repositoryRoot(registryDir) as string;
  const verify = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: top, encoding: 'utf8' });
  if (verify.status !== 0) throw new UserError(`Hittar inte "${ref}" i Git. Ange en gren eller commit, till exempel origin/main.`);
  const listing = spawnSync('git', ['ls-tree', '-r', '-z', ref, '--', prefix ? `${prefix}/` : '.'], {
    cwd: top,
    maxBuffer: 256 * 1024 * 1024,
  });
  const entries = listing.stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', path = ''] = line.split('\t');
      const [, type, sha] = meta.split(' ');
      return { type, sha: sha as string, path };
    })
    .filter((entry) => entry.type === 'blob');
  if (entries.length === 0) return [];
  const batch = spawnSync('git', ['cat-file', '--batch'], {
    cwd: top,
    input: `${entries.map((entry) => entry.sha).join('\n')}\n`,
    maxBuffer: 1024 * 1024 * 1024,
  });
  const output = batch.stdout;
  const sources: SourceFile[] = [];
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = output.indexOf(10, offset);
    const size = Number(output.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
    const bytes = output.subarray(headerEnd + 1, headerEnd + 1 + size);
    offset = headerEnd + 1 + size + 1;
    const relPath = prefix ? entry.path.slice(prefix.length + 1) : entry.path;
    sources.push({ file: `${displayPathOf(registryDir, cwd)}/${relPath}`, relPath, bytes, size });
  }
  return sources;
}
