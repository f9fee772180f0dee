// The register as it was at a Git ref, read in two processes whatever its
// size: `git ls-tree` lists the files and one `git cat-file --batch` reads
// them all.
import { relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.ts';
import { commitOf, findRepository, runGit } from './repository.ts';
import { displayPathOf } from '../reading/load.ts';
import type { SourceFile } from '../reading/parse.ts';

export function readRegisterSourcesAtRef(registryDir: string, ref: string, cwd = process.cwd()): SourceFile[] {
  const repository = findRepository(registryDir);
  if (repository === undefined)
    throw new UserError(`${displayPathOf(registryDir, cwd)} ligger inte i ett Git-förråd, så det finns ingen version att jämföra med.`);
  const prefix = relative(repository.top, resolve(registryDir)).split(sep).join('/');
  const commit = commitOf(repository, ref);
  if (!commit) throw new UserError(`Hittar inte "${ref}" i Git. Ange en gren eller commit, till exempel origin/main.`);
  const listing = runGit(repository, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', prefix ? `${prefix}/` : '.'], {
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
  const batch = runGit(repository, ['cat-file', '--batch'], {
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
