/** Shared test helpers: repo paths, seed IRs (processed once), inline pages. */
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import type { PageIR } from '../src/sources/graph-markdown/ir/schema.js';
import { processFile, processText } from '../src/pipeline/page.js';
import { IncludeResolver } from '../src/sources/graph-markdown/parse/includes.js';

/** Repo root (tests run from dist/test). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INPUT = join(ROOT, 'input');
export const SEEDS = ['000_5be97bd32e2c4279.txt', '001_b74111fdae0f9f28.txt', '002_3cb1465fe3e08b31.txt', '003_0fc59fc350b59631.txt', '004_fd11c5a4c97dea3e.txt'];

const cache = new Map<string, PageIR>();

/** IR of seed N (0–4), with display path `<name>` (relative to the docs root input/) as a build gives. */
export function seed(n: number): PageIR {
  const name = SEEDS[n]!;
  let ir = cache.get(name);
  if (!ir) {
    ir = processFile(join(INPUT, name), name, new IncludeResolver(INPUT));
    cache.set(name, ir);
  }
  return ir;
}

/** IR of an inline page. */
export function page(text: string, file = 'test.md'): PageIR {
  return processText(file, resolve(file), text);
}

const temps: string[] = [];

/**
 * A new empty folder under the system's temp folder (`docmodel-<prefix>-XXXXXX`), removed when this
 * test process exits (kept with DOCMODEL_KEEP_TEMP=1, to look at after a failure): every run of the
 * suite left ~900 folders behind before.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `docmodel-${prefix}-`));
  if (!temps.length && !process.env.DOCMODEL_KEEP_TEMP) {
    process.once('exit', () => { for (const d of temps) rmSync(d, { recursive: true, force: true, maxRetries: 2 }); });
  }
  temps.push(dir);
  return dir;
}

/** A temporary folder with the given files (path → content). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const dir = tempDir('test');
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


export { corpusTree, CORPUS_SKIP } from '../bench/corpus.js';

/** Every file under a folder (dot folders — the cache, the manifest — left out), path → bytes. */
export function filesOf(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      if (n.startsWith('.')) continue;
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else m.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return m;
}
