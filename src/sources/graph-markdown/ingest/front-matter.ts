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
}

const FENCE = /^---[ \t]*$/;

export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  let first = 0;
  // Front matter must open the file; tolerate leading blank lines (seen in the corpus).
  while (first < lines.length && first < 3 && lines[first]!.trim() === '') first++;
  if (first >= lines.length || !FENCE.test(lines[first]!)) return { data: null, lines: 0, body: text, keyLines: {} };
  let end = -1;
  for (let i = first + 1; i < lines.length && i < first + 200; i++) {
    if (FENCE.test(lines[i]!) || /^\.\.\.[ \t]*$/.test(lines[i]!)) { end = i; break; }
  }
  if (end < 0) return { data: null, lines: 0, body: text, keyLines: {} };
  const yaml = lines.slice(first + 1, end).join('\n');
  const keyLines: Record<string, number> = {};
  for (let i = first + 1; i < end; i++) {
    const m = /^([A-Za-z_][\w.-]*)\s*:/.exec(lines[i]!);
    if (m && !(m[1]! in keyLines)) keyLines[m[1]!] = i + 1;
  }
  const blank = lines.slice(0, end + 1).map(() => '');
  const body = blank.concat(lines.slice(end + 1)).join('\n');
  let data: Record<string, unknown> | null = null;
  let error: FrontMatterSplit['error'];
  if (yaml.length > FRONT_MATTER_LIMITS.bytes) {
    return { data: null, lines: end + 1, body, keyLines, error: { message: `Front matter is ${yaml.length} characters, over the ${FRONT_MATTER_LIMITS.bytes} limit; not read`, line: first + 1 } };
  }
  try {
    // A fresh string each time: gray-matter caches by input text and would hand back shared objects.
    const parsed = matter(`---\n${yaml}\n---\n`, {});
    data = normalizeYamlValue(parsed.data, { left: FRONT_MATTER_LIMITS.nodes }) as Record<string, unknown>;
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    if (e instanceof FrontMatterTooLarge) return { data: null, lines: end + 1, body, keyLines, error: { message: `Front matter is too large: ${e.message}; not read`, line: first + 1 } };
    const reason = (e as { reason?: string }).reason ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
    error = { message: `Front matter is not valid YAML: ${reason}`, line: first + 2 + (mark?.line ?? 0) };
  }
  return { data, lines: end + 1, body, error, keyLines };
}

/**
 * Front matter is small (the corpus: under 2 KB, under 100 values). YAML aliases let 11 lines
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
