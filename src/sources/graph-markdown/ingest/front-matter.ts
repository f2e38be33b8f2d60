/**
 * Front matter: the leading `---` YAML block. gray-matter parses the YAML; the block's line
 * count is kept so body positions stay true to the file. Invalid YAML is a problem, not a stop:
 * the page is processed with `frontMatter: null`.
 */
import matter from 'gray-matter';

export interface FrontMatterSplit {
  data: Record<string, unknown> | null;
  /** Number of lines the front-matter block occupies (0 when there is none). */
  lines: number;
  /** The body with the front matter replaced by blank lines, so line numbers are preserved. */
  body: string;
  error?: { message: string; line: number };
  /** Line (1-based) of each top-level key, for provenance. */
  keyLines: Record<string, number>;
  /**
   * The lines (1-based) of a second block that opens on the line after the first one closes (2017's OneDrive and
   * SharePoint pages: `---` `apiDocType: apiPageType` `---` then `---` `author: …` `title: …` `---`): read as part
   * of the front matter, its keys after the first block's (a key both give keeps the first block's value).
   */
  second?: { from: number; to: number };
  /**
   * A block with no closing `---` of its own (1-based lines): it opened at `open` and the page's first heading (or,
   * without one, its first blank line or its end) comes at `body` before any closing fence, or a fence further on
   * would have closed it only after swallowing headings (`fence`, when one was there). The front matter is read up
   * to the line before `body`; the rest is the page's.
   */
  unclosed?: { open: number; body: number; fence?: number };
}

const FENCE = /^---[ \t]*$/;
const KEY_LINE = /^([A-Za-z_][\w.-]*)\s*:/;

/** `unclosed: false` (an include's text): a block with no closing `---` is no front matter, as it always was there. */
export function splitFrontMatter(text: string, opts: { unclosed?: boolean } = {}): FrontMatterSplit {
  const lines = text.split('\n');
  let first = 0;
  // Front matter must open the file; tolerate leading blank lines (seen in the corpus).
  while (first < lines.length && first < 3 && lines[first]!.trim() === '') first++;
  if (first >= lines.length || !FENCE.test(lines[first]!)) return { data: null, lines: 0, body: text, keyLines: {} };
  const fence = closingFence(lines, first);
  const unclosed = opts.unclosed === false ? undefined : unclosedAt(lines, first, fence);
  if (unclosed !== undefined) return readUnclosed(lines, first, unclosed, fence);
  const end = fence;
  if (end < 0) return { data: null, lines: 0, body: text, keyLines: {} };
  // A second block right after the first (no line between) that opens with a `key:` line: the same front matter, split
  // in two (a thematic break right after the front matter, followed by prose, is not).
  const second = FENCE.test(lines[end + 1] ?? '') && KEY_LINE.test(lines[end + 2] ?? '') ? closingFence(lines, end + 1) : -1;
  const last = second >= 0 ? second : end;
  const body = blankedBody(lines, last + 1);
  const keyLines: Record<string, number> = {};
  const blocks: [number, number][] = second >= 0 ? [[first, end], [end + 1, second]] : [[first, end]];
  let data: Record<string, unknown> | null = null;
  for (const [open, close] of blocks) {
    const read = readBlock(lines, open, close);
    for (const [k, line] of Object.entries(read.keyLines)) if (!Object.hasOwn(keyLines, k)) setOwn(keyLines, k, line);
    if (!read.data) return { data: null, lines: last + 1, body, keyLines, error: read.error };
    if (!data) data = read.data;
    else for (const k of Object.keys(read.data)) if (!Object.hasOwn(data, k)) setOwn(data, k, read.data[k]);
  }
  return { data, lines: last + 1, body, keyLines, ...(second >= 0 ? { second: { from: end + 2, to: second + 1 } } : {}) };
}

/** `o[k] = v` as an own property whatever `k` is (assigned, `__proto__` would set the prototype; tested with `in`, `constructor` is always there). */
function setOwn<T>(o: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The page's text with its first `n` lines (the front matter) blank, so that positions in the body stay the file's. */
function blankedBody(lines: string[], n: number): string {
  return lines.slice(0, n).map(() => '').concat(lines.slice(n)).join('\n');
}

const HEADING = /^#{1,6}[ \t]+\S/;

/**
 * Where the page's body starts when the block opened at `open` is not closed (see
 * FrontMatterSplit.unclosed), else undefined: with no fence within 200 lines, its first heading,
 * else its first blank line after a key, else its end; with a fence, a heading after a blank line
 * before it, when the lines up to the fence are not YAML (a `#` line in YAML is a comment). With
 * no fence, only when a `key:` line follows the opening `---` (else that is a thematic break).
 */
function unclosedAt(lines: string[], open: number, fence: number): number | undefined {
  const limit = fence >= 0 ? fence : Math.min(lines.length, open + 200);
  let heading = -1;
  for (let i = open + 1; i < limit; i++) if (HEADING.test(lines[i]!) && (fence < 0 || lines[i - 1]!.trim() === '')) { heading = i; break; }
  if (fence >= 0) return heading >= 0 && readBlock(lines, open, fence).data === undefined ? heading : undefined;
  // No fence at all: front matter only when a `key:` line follows the opening one (else it is a thematic break).
  if (!KEY_LINE.test(lines[open + 1] ?? '')) return undefined;
  if (heading >= 0) return heading;
  for (let i = open + 2; i < limit; i++) if (lines[i]!.trim() === '') return i;
  return limit;
}

/** The front matter of a block that is not closed (see FrontMatterSplit.unclosed): its lines up to `body`, read as YAML. */
function readUnclosed(lines: string[], open: number, body: number, fence: number): FrontMatterSplit {
  const unclosed = { open: open + 1, body: body + 1, ...(fence >= 0 ? { fence: fence + 1 } : {}) };
  const text = blankedBody(lines, body);
  const read = readBlock(lines, open, body);
  return read.data ? { data: read.data, lines: body, body: text, keyLines: read.keyLines, unclosed } : { data: null, lines: body, body: text, keyLines: read.keyLines, error: read.error, unclosed };
}

/** The line index of the fence that closes a block opened at `open` (within 200 lines), else -1. */
function closingFence(lines: string[], open: number): number {
  for (let i = open + 1; i < lines.length && i < open + 200; i++) if (FENCE.test(lines[i]!) || /^\.\.\.[ \t]*$/.test(lines[i]!)) return i;
  return -1;
}

/** One `---` block's YAML (between line indexes `open` and `close`): its key lines, and its data or why it is not read. */
function readBlock(lines: string[], open: number, close: number): { keyLines: Record<string, number> } & ({ data: Record<string, unknown>; error?: undefined } | { data?: undefined; error: NonNullable<FrontMatterSplit['error']> }) {
  const yaml = lines.slice(open + 1, close).join('\n');
  const keyLines: Record<string, number> = {};
  for (let i = open + 1; i < close; i++) {
    const m = KEY_LINE.exec(lines[i]!);
    if (m && !Object.hasOwn(keyLines, m[1]!)) setOwn(keyLines, m[1]!, i + 1);
  }
  if (yaml.length > FRONT_MATTER_LIMITS.bytes) return { keyLines, error: { message: `Front matter is ${yaml.length} characters, over the ${FRONT_MATTER_LIMITS.bytes} limit; not read`, line: open + 1 } };
  try {
    // A fresh string each time: gray-matter caches by input text and would hand back shared objects.
    const parsed = matter(`---\n${yaml}\n---\n`, {});
    return { data: normalizeYamlValue(parsed.data, { left: FRONT_MATTER_LIMITS.nodes }) as Record<string, unknown>, keyLines };
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    if (e instanceof FrontMatterTooLarge) return { keyLines, error: { message: `Front matter is too large: ${e.message}; not read`, line: open + 1 } };
    const reason = (e as { reason?: string }).reason ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
    return { keyLines, error: { message: `Front matter is not valid YAML: ${reason}`, line: open + 2 + (mark?.line ?? 0) } };
  }
}

/**
 * Front matter is small (the corpus: under 2 KB, under 100 values); the limits hold for each block of it. YAML aliases let 11 lines
 * expand to billions of values (4.3 GB, out of memory): the copy below counts every value it
 * makes, aliases expanded, and stops at the cap.
 */
export const FRONT_MATTER_LIMITS = { bytes: 64 * 1024, nodes: 10_000 };

class FrontMatterTooLarge extends Error {}

/**
 * YAML dates become strings so the IR is plain JSON and stable. Objects have no prototype and
 * every key is an own property (`__proto__:` is a key like any other, in fresh and cached builds).
 */
function normalizeYamlValue(v: unknown, budget: { left: number }): unknown {
  if (--budget.left < 0) throw new FrontMatterTooLarge(`more than ${FRONT_MATTER_LIMITS.nodes} values (aliases expanded)`);
  if (v instanceof Date) return isNaN(v.getTime()) ? String(v) : v.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (Array.isArray(v)) return v.map((x) => normalizeYamlValue(x, budget));
  if (v && typeof v === 'object') {
    const out = Object.create(null) as Record<string, unknown>;
    for (const k of Object.getOwnPropertyNames(v)) {
      Object.defineProperty(out, k, { value: normalizeYamlValue((v as Record<string, unknown>)[k], budget), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}
