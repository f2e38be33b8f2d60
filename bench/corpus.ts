/** Unpacking a corpus snapshot from ../shared/corpus once into the temp folder (tests and benchmarks). */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Repo root (this file runs from dist/bench). */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = resolve(REPO, '..', 'shared', 'corpus');
export const CORPUS_SKIP = `corpus not found at ${CORPUS_DIR} (corpus tests and benchmarks need ../shared/corpus beside the repo)`;

/** The api-reference folder of an unpacked snapshot, or undefined when the shared folder is absent. */
export function corpusTree(name: '2021-07' | '2020-05' | 'modern-sample'): string | undefined {
  const dir = unpacked(join(CORPUS_DIR, `graph-docs-${name}.tar.gz`), `docmodel-corpus-${name}`);
  return dir && join(dir, `graph-docs-${name}`, 'api-reference');
}

/** The service's 2020-05 metadata (CSDL and scope catalogues of v1.0 and beta), unpacked; undefined when absent. */
export function metadataDir(): string | undefined {
  const dir = unpacked(resolve(REPO, '..', 'shared', 'metadata', 'graph-metadata-2020-05.tar.gz'), 'docmodel-metadata-2020-05');
  return dir && join(dir, 'graph-metadata-2020-05');
}

/** A tarball unpacked once into the temp folder (a folder named by its size, marked complete when done). */
function unpacked(tarball: string, name: string): string | undefined {
  if (!existsSync(tarball)) return undefined;
  const dir = join(tmpdir(), `${name}-${statSync(tarball).size}`);
  if (!existsSync(join(dir, '.complete'))) {
    mkdirSync(dir, { recursive: true });
    const r = spawnSync('tar', ['-xzf', tarball, '-C', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cannot unpack ${tarball}: ${r.stderr}`);
    writeFileSync(join(dir, '.complete'), '');
  }
  return dir;
}
