/**
 * docfx `[!INCLUDE [label](path)]` lines. Content includes are resolved relative to the
 * including file, only inside the input root, and spliced into the virtual document (their
 * positions map into the included file). SDK snippet includes are recorded, never parsed.
 * A missing target, a cycle, or a path that leaves the root is a diagnostic, and such a file is
 * never read.
 */
import { dirname, resolve } from 'node:path';
import { realpathSync } from 'node:fs';
import { isInside, displayPath } from '../ingest/walk.js';
import { readSource } from '../ingest/read.js';

export const INCLUDE_LINE = /^\s*\[!INCLUDE\s*\[([^\]]*)\]\(\s*([^)\s]+)\s*\)\s*\]\s*$/i;

export function isSnippetInclude(label: string, target: string): boolean {
  return /(^|\/)snippets\//i.test(target) || /^(sample-code|sdk-documentation)$/i.test(label.trim()) || /snippets_sdk_documentation_link/i.test(target);
}

export type IncludeLoad =
  | { ok: true; abs: string; display: string; text: string }
  | { ok: false; rule: 'include-missing' | 'include-outside-root' | 'include-unreadable'; message: string };

/** Resolves and reads include targets; results are cached per absolute path. */
export class IncludeResolver {
  private cache = new Map<string, IncludeLoad>();
  private rootReal: string;
  /** `base`: the docs root display paths are relative to (default: `root`). */
  constructor(readonly root: string, readonly base: string = root) {
    try { this.rootReal = realpathSync(root); } catch { this.rootReal = root; }
  }

  load(fromAbs: string, target: string): IncludeLoad {
    const clean = decodeURIComponent(target.replace(/[?#].*$/, ''));
    const abs = resolve(dirname(fromAbs), clean);
    if (!isInside(this.root, abs)) {
      return { ok: false, rule: 'include-outside-root', message: `Include target ${target} leaves the input root; not read` };
    }
    const hit = this.cache.get(abs);
    if (hit) return hit;
    let result: IncludeLoad;
    let real: string | undefined;
    try { real = realpathSync(abs); } catch { real = undefined; }
    if (real === undefined) result = { ok: false, rule: 'include-missing', message: `Include target ${target} does not exist` };
    else if (!isInside(this.rootReal, real)) result = { ok: false, rule: 'include-outside-root', message: `Include target ${target} resolves (through a link) outside the input root; not read` };
    else {
      const src = readSource(real);
      const fatal = src.problems.find((p) => p.fatal);
      result = fatal
        ? { ok: false, rule: 'include-unreadable', message: `Include target ${target}: ${fatal.message}` }
        : { ok: true, abs, display: displayPath(abs, this.base), text: src.text };
    }
    this.cache.set(abs, result);
    return result;
  }
}
