/**
 * Partial checks (a pull request's changed files): the whole docs tree is analyzed — from the
 * page cache when there is one — so includes resolve against the root and tree-level rules see
 * every page; the report is then limited to the changed pages and the pages their change
 * affects: pages that include a changed fragment, and pages that link to a changed or deleted
 * file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';
import { displayPath, hasPageExtension, InputError, isInside, realOrResolved } from '../sources/graph-markdown/ingest/walk.js';
import type { ReportData } from '../emit/reports/report-data.js';

export interface ChangedFiles {
  /** Changed files inside the docs root, as paths relative to it. */
  files: string[];
  /** Those of them that no longer exist (deleted or renamed away). */
  deleted: string[];
  /** Given paths that are outside the root or not pages/fragments (with why). */
  ignored: { path: string; why: string }[];
}

/** A `--changed-from` list: one path per line (relative to the working directory), blank lines and `#` comments skipped. */
export function readChangedList(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read --changed-from list ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map(gitUnquote);
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * A path as `git diff --name-only` writes one with a non-ASCII, quote or control character: in double quotes, C-style
 * escapes, non-ASCII bytes in octal (`"docs/us\303\251r-get.md"` is `docs/usér-get.md`). Taken as written, it named no
 * file and the page was skipped as outside the root. Any other line is the path itself.
 */
export function gitUnquote(line: string): string {
  if (line.length < 2 || !line.startsWith('"') || !line.endsWith('"')) return line;
  const bytes: number[] = [];
  const body = line.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') { bytes.push(...Buffer.from(c, 'utf8')); continue; }
    const oct = body.slice(i + 1, i + 4);
    if (/^[0-7]{3}$/.test(oct)) { bytes.push(parseInt(oct, 8)); i += 3; continue; }
    const e = body[i + 1];
    if (e !== undefined && e in C_ESCAPES) { bytes.push(C_ESCAPES[e]!); i++; continue; }
    return line; // not git's quoting: the line as written
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The changed paths that concern the docs tree at `docsRoot` (deleted files included: they can break links). */
export function changedInRoot(paths: string[], docsRoot: string): ChangedFiles {
  const files: string[] = [];
  const deleted: string[] = [];
  const ignored: ChangedFiles['ignored'] = [];
  for (const p of paths) {
    const abs = realOrResolved(p); // as the docs root is named: through its links (a deleted file's folder resolved)
    if (!isInside(docsRoot, abs)) { ignored.push({ path: p, why: 'outside the docs root' }); continue; }
    if (!hasPageExtension(abs)) { ignored.push({ path: p, why: 'not a page (.md, .markdown, .txt)' }); continue; }
    files.push(displayPath(abs, docsRoot));
    if (!existsSync(abs)) deleted.push(displayPath(abs, docsRoot));
  }
  return { files: [...new Set(files)].sort(), deleted: [...new Set(deleted)].sort(), ignored };
}

function stripAnchor(t: string): string {
  const cut = [t.indexOf('?'), t.indexOf('#')].filter((i) => i >= 0);
  const bare = cut.length ? t.slice(0, Math.min(...cut)) : t;
  try { return decodeURIComponent(bare); } catch { return bare; }
}

/**
 * The pages a change touches: the changed pages themselves, pages including a changed file
 * (includes are recorded relative to the docs root), and pages linking to a deleted file (their
 * links broke). A page linking to a page that merely changed is not affected.
 */
export function affectedPages(pages: PageIR[], changed: ChangedFiles): Set<string> {
  const set = new Set(changed.files);
  const gone = new Set(changed.deleted);
  const out = new Set<string>();
  for (const p of pages) {
    if (set.has(p.file)) { out.add(p.file); continue; }
    if (p.includes.some((i) => i.resolved !== undefined && set.has(i.resolved))) { out.add(p.file); continue; }
    if (!gone.size) continue;
    const dir = posix.dirname(p.file);
    if (p.links.some((l) => gone.has(posix.normalize(posix.join(dir, stripAnchor(l.target)))))) out.add(p.file);
  }
  return out;
}

/** Report data limited to some pages: their operation groups and their diagnostics. */
export function limitReport(data: ReportData, pages: Set<string>): ReportData {
  const diagnostics = data.diagnostics.filter((d) => pages.has(d.page) || pages.has(d.src.file));
  const count = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) count[d.severity]++;
  return {
    ...data,
    groups: data.groups.filter((g) => g.pages.some((p) => pages.has(p.file))),
    diagnostics,
    summary: { ...data.summary, diagnostics: count },
  };
}

