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
import { MAX_PAGE_BYTES, readSource } from '../ingest/read.js';

export const INCLUDE_LINE = /^\s*\[!INCLUDE\s*\[([^\]]*)\]\(\s*([^)\s]+)\s*\)\s*\]\s*$/i;

export function isSnippetInclude(label: string, target: string): boolean {
  return /(^|\/)snippets\//i.test(target) || /^(sample-code|sdk-documentation)$/i.test(label.trim()) || /snippets_sdk_documentation_link/i.test(target);
}

/** Per page: includes spliced in all, includes one file may splice, and bytes spliced in all. Depth is capped by the caller's stack. */
export const INCLUDE_LIMITS = { total: 256, fanOut: 64, bytes: MAX_PAGE_BYTES };

/**
 * What a page has spent on includes. Without it, a few nested files each including the next
 * many times multiply (1.6 KB of includes cost 109 s and 4.4 GB): every splice is charged, and
 * the first over a cap is refused with the cap it hit.
 */
export class IncludeBudget {
  private count = 0;
  private bytes = 0;
  private perFile = new Map<string, number>();
  /** undefined when the splice fits (and is charged); otherwise why not. */
  charge(fromAbs: string, textLength: number): string | undefined {
    const fan = (this.perFile.get(fromAbs) ?? 0) + 1;
    if (fan > INCLUDE_LIMITS.fanOut) return `more than ${INCLUDE_LIMITS.fanOut} includes in one file`;
    if (this.count + 1 > INCLUDE_LIMITS.total) return `more than ${INCLUDE_LIMITS.total} includes spliced into one page`;
    if (this.bytes + textLength > INCLUDE_LIMITS.bytes) return `more than ${INCLUDE_LIMITS.bytes} bytes spliced into one page`;
    this.perFile.set(fromAbs, fan);
    this.count++;
    this.bytes += textLength;
    return undefined;
  }
}

export type IncludeLoad =
  | { ok: true; abs: string; display: string; text: string }
  | { ok: false; rule: 'include-missing' | 'include-outside-root' | 'include-unreadable'; message: string };

/** Resolves and reads include targets; results are cached per absolute path. */
export class IncludeResolver {
  private cache = new Map<string, IncludeLoad>();
  private rootReal: string;
  constructor(readonly root: string) {
    try { this.rootReal = realpathSync(root); } catch { this.rootReal = root; }
  }

  load(fromAbs: string, target: string): IncludeLoad {
    let clean: string;
    try { clean = decodeURIComponent(target.replace(/[?#][\s\S]*$/, '')); } catch { return { ok: false, rule: 'include-missing', message: `Include target ${target} has a malformed percent-escape` }; }
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
        : { ok: true, abs, display: displayPath(abs), text: src.text };
    }
    this.cache.set(abs, result);
    return result;
  }
}
