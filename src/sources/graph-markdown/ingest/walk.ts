/**
 * Turning the paths given on the command line into the list of pages to process: files are
 * taken as they are, directories walked (sorted, so the order never depends on the file
 * system). Symlinks are followed only when they stay inside the root they were found under.
 */
import { type Dirent, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { compareStr } from '../../../util/order.js';
import { errorText } from './read.js';

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

/** The deepest folder holding every path (the working directory when there is none). */
export function commonRoot(roots: string[]): string {
  if (!roots.length) return process.cwd();
  let c = roots[0]!;
  for (const r of roots.slice(1)) while (!isInside(c, r)) c = dirname(c);
  return c;
}

/** The absolute path with every link resolved, as far as it exists (the rest, not made yet, appended as given). */
export function realOrResolved(p: string): string {
  const abs = resolve(p);
  try { return realpathSync(abs); } catch { /* not there (yet) */ }
  const parent = dirname(abs);
  return parent === abs ? abs : join(realOrResolved(parent), basename(abs));
}

export function hasPageExtension(p: string): boolean {
  const lower = p.toLowerCase();
  return PAGE_EXTENSIONS.some((e) => lower.endsWith(e));
}

/**
 * `exclude`: absolute directories never walked (the output directory). `root`: the docs root
 * every file given belongs to (includes resolve inside it); without it, several inputs share
 * their common folder, and a single one is its own root (a file: its folder). Every path is the
 * file system's own name for it (links resolved), so the roots are real paths too.
 */
export function collectInputs(paths: string[], exclude: string[] = [], root?: string, skipFoldersHolding: readonly string[] = []): WalkResult {
  const files: InputFile[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  // Paths as the file system names them: a tree given through a link is that tree (its pages, links and the output
  // folder to leave out were compared under two names: whole-tree rules ran on a part, an output folder was read back).
  const inputs = paths.map((given) => {
    let st;
    try {
      st = statSync(given);
    } catch {
      throw new InputError(`input path not found: ${given}`);
    }
    return { given, abs: realOrResolved(given), st };
  });
  // Without a root, several inputs share their common folder (includes resolve inside it, as --root's help says).
  const rootAbs = root !== undefined ? realOrResolved(root) : inputs.length > 1 ? commonRoot(inputs.map((x) => (x.st.isDirectory() ? x.abs : dirname(x.abs)))) : undefined;
  exclude = exclude.map((e) => realOrResolved(e));
  for (const { given, abs, st } of inputs) {
    if (root !== undefined && !isInside(rootAbs!, abs)) throw new InputError(`input ${given} is not inside the docs root ${root}`);
    if (st.isFile()) {
      if (!seen.has(abs)) { seen.add(abs); files.push({ abs, root: rootAbs ?? dirname(abs) }); }
      continue;
    }
    if (!st.isDirectory()) throw new InputError(`input path is neither a file nor a directory: ${given}`);
    walkDir(abs, rootAbs ?? abs, { out: files, problems, seen, exclude, skipFoldersHolding });
  }
  files.sort((a, b) => compareStr(a.abs, b.abs));
  return { files, problems };
}

/** What a walk carries from folder to folder: `skipFoldersHolding`, names of files that mark a folder not to walk below the given one (a docmodel output folder's manifest). */
interface Walk { out: InputFile[]; problems: WalkProblem[]; seen: Set<string>; exclude: string[]; skipFoldersHolding: readonly string[] }

function walkDir(dir: string, root: string, w: Walk, below = false): void {
  const { out, problems, seen, exclude } = w;
  if (exclude.includes(dir)) return;
  const marker = below ? w.skipFoldersHolding.find((m) => existsSync(join(dir, m))) : undefined;
  if (marker !== undefined) {
    problems.push({ path: dir, rule: 'output-folder-skipped', message: `A docmodel output folder (it holds ${marker}); not read as docs` });
    return;
  }
  // Each entry's type comes with the listing (no stat per file; Node stats the entries whose type the file system does not give).
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStr(a.name, b.name));
  } catch (e) {
    problems.push({ path: dir, rule: 'file-unreadable', message: `Cannot read directory: ${errorText(e)}` });
    return;
  }
  for (const st of entries) {
    const name = st.name;
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (st.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch {
        problems.push({ path: p, rule: 'symlink-broken', message: 'Symbolic link whose target does not exist; skipped' });
        continue;
      }
      if (!isInside(root, real)) { // root is a real path (collectInputs)
        let dir = false;
        try { dir = statSync(real).isDirectory(); } catch { /* gone since: as a file */ }
        if (dir) problems.push({ path: p, rule: 'symlink-outside-root', message: 'Symbolic link to a directory outside the input root; not walked' });
        else if (hasPageExtension(p)) problems.push({ path: p, rule: 'symlink-outside-root', message: 'Symbolic link leads outside the input root; not read' });
        continue;
      }
      const tst = statSync(real);
      if (tst.isDirectory()) continue; // the target is inside the root and is walked there
      if (!hasPageExtension(p) || seen.has(p)) continue;
      seen.add(p);
      out.push({ abs: p, root });
      continue;
    }
    if (st.isDirectory()) walkDir(p, root, w, true);
    else if (st.isFile() && hasPageExtension(p) && !seen.has(p)) { seen.add(p); out.push({ abs: p, root }); }
    // A FIFO, socket or device named like a page: never read (a FIFO would block the read), never dropped unsaid.
    else if (!st.isFile() && hasPageExtension(p)) problems.push({ path: p, rule: 'file-not-regular', message: 'Not a regular file (a FIFO, socket or device); not read' });
  }
}

/**
 * Display path: relative to `base` (the docs root, for every path that reaches an output; the
 * working directory for messages) with / separators. Never absolute for a path under `base`;
 * a path outside it is shown relative (`../x`), so no output depends on where the tree lives.
 */
export function displayPath(abs: string, base = process.cwd()): string {
  const rel = relative(base, abs);
  if (rel === '') return '.';
  const shown = /^[A-Za-z]:/.test(rel) || rel.startsWith(sep) ? abs : rel;
  return shown.split(sep).join('/');
}

/** A message path: relative to the working directory when inside it, else as given (absolute). */
export function messagePath(abs: string, cwd = process.cwd()): string {
  const rel = relative(cwd, abs);
  const shown = rel && !rel.startsWith('..') ? rel : abs;
  return shown.split(sep).join('/');
}
