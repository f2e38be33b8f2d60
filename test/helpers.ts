/** Shared test helpers: repo paths, seed IRs (processed once), inline pages. */
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { existsSync, mkdtempSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { PageIR } from '../src/ir/schema.js';
import { processFile, processText } from '../src/build/page.js';
import { IncludeResolver } from '../src/parse/includes.js';

/** Repo root (tests run from dist/test). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INPUT = join(ROOT, 'input');
export const SEEDS = ['000_5be97bd32e2c4279.txt', '001_b74111fdae0f9f28.txt', '002_3cb1465fe3e08b31.txt', '003_0fc59fc350b59631.txt', '004_fd11c5a4c97dea3e.txt'];

const cache = new Map<string, PageIR>();

/** IR of seed N (0–4), with display path `input/<name>` as a build from the repo root gives. */
export function seed(n: number): PageIR {
  const name = SEEDS[n]!;
  let ir = cache.get(name);
  if (!ir) {
    ir = processFile(join(INPUT, name), `input/${name}`, new IncludeResolver(INPUT));
    cache.set(name, ir);
  }
  return ir;
}

/** IR of an inline page. */
export function page(text: string, file = 'test.md'): PageIR {
  return processText(file, resolve(file), text);
}

/** A temporary folder with the given files (path → content). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'docmodel-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** `line:column` of a src. */
export function at(src: { line: number; column: number }): string {
  return `${src.line}:${src.column}`;
}

export const CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus');

/** Type-check a folder of .ts files with the project's tsc under --strict. */
export function typecheck(dir: string): { status: number | null; output: string } {
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, types: [] },
    include: ['**/*.ts'],
  }));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { status: r.status, output: (r.stdout ?? '') + (r.stderr ?? '') };
}


/**
 * A corpus snapshot unpacked once into the temp folder (kept between runs; the tarball size is
 * part of the folder name so a changed tarball is unpacked again). undefined when the shared
 * folder is absent.
 */
export function corpusTree(name: '2021-07' | '2020-05'): string | undefined {
  const tarball = join(CORPUS_DIR, `graph-docs-${name}.tar.gz`);
  if (!existsSync(tarball)) return undefined;
  const dir = join(tmpdir(), `docmodel-corpus-${name}-${statSync(tarball).size}`);
  const tree = join(dir, `graph-docs-${name}`, 'api-reference');
  if (!existsSync(join(dir, '.complete'))) {
    mkdirSync(dir, { recursive: true });
    const r = spawnSync('tar', ['-xzf', tarball, '-C', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cannot unpack ${tarball}: ${r.stderr}`);
    writeFileSync(join(dir, '.complete'), '');
  }
  return tree;
}

export const CORPUS_SKIP = `corpus not found at ${CORPUS_DIR} (the corpus tests need ../shared/corpus beside the repo)`;
