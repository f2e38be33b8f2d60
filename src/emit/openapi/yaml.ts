/**
 * YAML for JSON data (plain objects, arrays, strings, finite numbers, booleans, null), written
 * directly: block mappings and sequences with two-space indentation, `{}` / `[]` when empty. A
 * string is written plain only when it can be read back as nothing but that same string (a
 * conservative character set, not a YAML keyword, not number-like); every other string is a
 * double-quoted scalar with JSON's escapes, which are YAML's, plus escapes for the characters
 * YAML does not print (C1 controls, line and paragraph separators, BOM).
 *
 * Why not the `yaml` library's `stringify`: it builds a node tree of the whole document first —
 * 13 s for the 2021 v1.0 and beta documents (9 and 22 MB), against well under a second here, and
 * it dominated every rebuild. The library still checks this writer: the tests parse its output
 * back with `yaml` and compare it with the input, on real documents and on random strings.
 */
import { isKeyedEntries, joinPieces, plainOf, textsOf, type Member } from '../../util/order.js';

/**
 * Plain (unquoted) only for these: a letter, `_`, `$` or `/` first; then printable ASCII where a
 * `:` is followed by a non-space, a space by neither a space nor `#`, and no trailing space.
 */
const PLAIN = /^[A-Za-z_$/](?:[A-Za-z0-9_$./(){}+,=;!?&*%@'"<>[\]|~^\\#-]|:(?=[^ ])| (?![ #]))*$/;
/** Words YAML 1.1 or 1.2 reads as booleans or null. */
const KEYWORD = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
/** Characters a double-quoted scalar must escape beyond JSON's escapes. */
const UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

function str(s: string): string {
  if (PLAIN.test(s) && !KEYWORD.test(s) && !s.endsWith(' ')) return s;
  return JSON.stringify(s).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A mapping entry's first line(s) up to its value: `key: ` (or `key:` and a line break before a
 * block value), or, for a key over 1,000 characters as written, the explicit form `? key`, then
 * `: ` at the entry's indentation — YAML allows an implicit key at most 1,024 characters, and
 * parsers refuse a longer one (a 1,100-character property name or request path made the whole
 * file unreadable).
 */
function entryHead(lead: string, ind: string, k: string, blockValue: boolean): string {
  const key = str(k);
  if (key.length <= 1000) return blockValue ? `${lead}${key}:\n` : `${lead}${key}: `;
  return blockValue ? `${lead}? ${key}\n${ind}:\n` : `${lead}? ${key}\n${ind}: `;
}

function isBlock(v: unknown): v is Record<string, unknown> | unknown[] {
  if (v === null || typeof v !== 'object') return false;
  if (isKeyedEntries(v)) return v.entries.length > 0;
  return Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0;
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  throw new TypeError(`not JSON data: ${typeof v}`);
}

/**
 * Lines of a non-empty mapping or sequence, each starting with `ind`, except the first, which
 * starts with `first` (a sequence item's `- ` in place of the indentation).
 */
function block(kv: Record<string, unknown> | unknown[], ind: string, first: string, out: string[]): void {
  const v = plainOf(kv) as Record<string, unknown> | unknown[];
  let lead = first;
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isBlock(item)) block(item, `${ind}  `, `${lead}- `, out);
      else out.push(`${lead}- ${scalar(item)}\n`);
      lead = ind;
    }
    return;
  }
  for (const k of Object.keys(v)) {
    const val = v[k];
    if (val === undefined) continue; // as JSON.stringify does
    if (isBlock(val)) {
      out.push(entryHead(lead, ind, k, true));
      block(val, `${ind}  `, `${ind}  `, out);
    } else out.push(`${entryHead(lead, ind, k, false)}${scalar(val)}\n`);
    lead = ind;
  }
}

export function jsonToYaml(value: unknown): string {
  return [...jsonToYamlChunks(value, 0)].join('');
}

/**
 * `jsonToYaml(value)` in pieces: the mappings and sequences down to `depth` levels are written
 * an entry at a time, each entry below them whole (a writer streaming the pieces never holds
 * the whole document's text).
 */
export function* jsonToYamlChunks(value: unknown, depth = 2): Generator<string> {
  yield* textsOf(jsonToYamlPieces(value, depth));
}

/** `jsonToYamlChunks(value, depth)` with the values of keyed entries (see keyedEntries) as `Member`s: their lines below the entry's own. */
export function* jsonToYamlPieces(value: unknown, depth = 2): Generator<string | Member> {
  if (!isBlock(value)) { yield `${scalar(plainOf(value))}\n`; return; }
  yield* blockChunks(value, '', '', depth);
}

/** `block`, an entry at a time down to `depth` levels. */
function* blockChunks(v: Record<string, unknown> | unknown[], ind: string, first: string, depth: number): Generator<string | Member> {
  if (depth <= 0) {
    const out: string[] = [];
    block(v, ind, first, out);
    yield out.join('');
    return;
  }
  let lead = first;
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isBlock(item)) yield* blockChunks(item, `${ind}  `, `${lead}- `, depth - 1);
      else yield `${lead}- ${scalar(plainOf(item))}\n`;
      lead = ind;
    }
    return;
  }
  // A mapping's entries: a keyed one's with their keys (a block value with a key is a Member: its lines joined).
  const entries = isKeyedEntries(v) ? v.entries : Object.keys(v).map((k) => [k, v[k], undefined] as const);
  for (const [k, val, key] of entries) {
    if (val === undefined) continue;
    if (isBlock(val)) {
      yield entryHead(lead, ind, k, true);
      const lines = () => blockChunks(val, `${ind}  `, `${ind}  `, depth - 1);
      if (key === undefined) yield* lines();
      else yield { key, text: () => joinPieces(lines()) };
    } else yield `${entryHead(lead, ind, k, false)}${scalar(plainOf(val))}\n`;
    lead = ind;
  }
}
