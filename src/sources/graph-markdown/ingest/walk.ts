/**
 * Turning the paths given on the command line into the list of pages to process: files are
 * taken as they are, directories walked (sorted, so the order never depends on the file
 * system). Symlinks are followed only when they stay inside the root they were found under.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const PAGE_EXTENSIONS = ['.md', '.markdown', '.txt'];

export interface InputFile {
  /** Absolute path. */
  abs: string;
  /** The root the file was found under (the directory given, or the file's own directory). */
  root: string;
}

export interface WalkProblem {
  path: string;
  rule: string;
  message: string;
}

export interface WalkResult {
  files: InputFile[];
  problems: WalkProblem[];
}

export class InputError extends Error {}

export function isInside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel)); // '..foo' is a name inside
}

export function hasPageExtension(p: string): boolean {
  const lower = p.toLowerCase();
  return PAGE_EXTENSIONS.some((e) => lower.endsWith(e));
}

/** `exclude`: absolute directories never walked (the output directory). */
export function collectInputs(paths: string[], exclude: string[] = []): WalkResult {
  const files: InputFile[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const abs = resolve(given);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new InputError(`input path not found: ${given}`);
    }
    if (st.isFile()) {
      if (!seen.has(abs)) { seen.add(abs); files.push({ abs, root: resolve(abs, '..') }); }
      continue;
    }
    if (!st.isDirectory()) throw new InputError(`input path is neither a file nor a directory: ${given}`);
    const rootReal = realpathSync(abs);
    walkDir(abs, abs, rootReal, files, problems, seen, exclude.map((e) => resolve(e)));
  }
  files.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
  return { files, problems };
}

function walkDir(dir: string, root: string, rootReal: string, out: InputFile[], problems: WalkProblem[], seen: Set<string>, exclude: string[]): void {
  if (exclude.includes(dir)) return;
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (e) {
    problems.push({ path: dir, rule: 'file-unreadable', message: `Cannot read directory: ${(e as Error).message}` });
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    let st;
    try {
      st = lstatSync(p);
    } catch (e) {
      problems.push({ path: p, rule: 'file-unreadable', message: `Cannot stat: ${(e as Error).message}` });
      continue;
    }
    if (st.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch {
        problems.push({ path: p, rule: 'symlink-broken', message: 'Symbolic link whose target does not exist; skipped' });
        continue;
      }
      if (!isInside(rootReal, real)) {
        if (hasPageExtension(p)) problems.push({ path: p, rule: 'symlink-outside-root', message: 'Symbolic link leads outside the input root; not read' });
        continue;
      }
      const tst = statSync(real);
      if (tst.isDirectory()) continue; // the target is inside the root and is walked there
      if (!hasPageExtension(p) || seen.has(p)) continue;
      seen.add(p);
      out.push({ abs: p, root });
      continue;
    }
    if (st.isDirectory()) walkDir(p, root, rootReal, out, problems, seen, exclude);
    else if (st.isFile() && hasPageExtension(p) && !seen.has(p)) { seen.add(p); out.push({ abs: p, root }); }
  }
}

/** Display path: relative to the working directory with / separators when inside it. */
export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = relative(cwd, abs);
  const shown = rel && !rel.startsWith('..') ? rel : abs;
  return shown.split(sep).join('/');
}
