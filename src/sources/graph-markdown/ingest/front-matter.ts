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
  try {
    // A fresh string each time: gray-matter caches by input text and would hand back shared objects.
    const parsed = matter(`---\n${yaml}\n---\n`, {});
    data = normalizeYamlValue(parsed.data) as Record<string, unknown>;
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
    error = { message: `Front matter is not valid YAML: ${reason}`, line: first + 2 + (mark?.line ?? 0) };
  }
  return { data, lines: end + 1, body, error, keyLines };
}

/** YAML dates become strings so the IR is plain JSON and stable. */
function normalizeYamlValue(v: unknown): unknown {
  if (v instanceof Date) return isNaN(v.getTime()) ? String(v) : v.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (Array.isArray(v)) return v.map(normalizeYamlValue);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = normalizeYamlValue(x);
    return out;
  }
  return v;
}
