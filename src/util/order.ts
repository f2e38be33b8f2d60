/**
 * Deterministic orderings used everywhere output is written. Utilities sit below every layer
 * (the model uses them), so positions and diagnostics are taken by shape, not imported.
 */
interface Position { file: string; line: number; column: number }

export function compareStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSrc(a: Position, b: Position): number {
  return compareStr(a.file, b.file) || a.line - b.line || a.column - b.column;
}

export function sortDiagnostics<D extends { rule: string; src: Position }>(d: D[]): D[] {
  return d
    .map((x, i) => ({ x, i }))
    .sort((p, q) => compareSrc(p.x.src, q.x.src) || compareStr(p.x.rule, q.x.rule) || p.i - q.i)
    .map((p) => p.x);
}

/** JSON with object keys in insertion order and a trailing newline. */
export function toJson(v: unknown): string {
  return JSON.stringify(v, null, 2) + '\n';
}

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * `toJson(v)` in pieces: the same bytes, but containers down to `depth` levels are written a
 * member at a time and only what lies below is stringified whole. A writer that streams the
 * pieces never builds the whole text (model.json is 100 MB on the 2021 tree: as one string it
 * costs that and JSON.stringify's buffers again, as pieces about its largest member).
 */
export function* toJsonChunks(v: unknown, depth = 2): Generator<string> {
  yield* textsOf(toJsonPieces(v, depth));
}

/**
 * A piece of a streamed text whose bytes are a function of `key` alone (a digest of everything
 * `text` is made from): a writer that finds the key in the file it wrote last may copy those
 * bytes instead of calling `text` (see src/pipeline/output.ts).
 */
export interface Member { key: string; text: () => string }

const KEYED = Symbol('keyed items');
const KEYED_ENTRIES = Symbol('keyed entries');

/**
 * An array whose items are written as `Member`s by `toJsonPieces`: `key(item)` names everything
 * the item's JSON (`json(item)`) is made from, or is undefined (the item is written). Anywhere
 * else it is the plain array (`toJSON`).
 */
export interface KeyedItems<T = unknown> { readonly [KEYED]: true; items: readonly T[]; key: (t: T) => string | undefined; json: (t: T) => unknown; toJSON(): unknown[] }

export function keyedItems<T>(items: readonly T[], key: (t: T) => string | undefined, json: (t: T) => unknown): KeyedItems<T> {
  return { [KEYED]: true, items, key, json, toJSON: () => items.map(json) };
}

function isKeyed(v: unknown): v is KeyedItems {
  return v !== null && typeof v === 'object' && Object.hasOwn(v, KEYED);
}

/**
 * An object whose values are written as `Member`s (JSON by `toJsonPieces`, YAML by
 * `jsonToYamlPieces`): each entry is [name, value, key naming everything the value is made from,
 * or undefined]. Anywhere else it is the plain object (`toJSON`, `plainOf`).
 */
export interface KeyedEntries { readonly [KEYED_ENTRIES]: true; entries: readonly (readonly [string, unknown, string | undefined])[]; toJSON(): Record<string, unknown> }

export function keyedEntries(entries: readonly (readonly [string, unknown, string | undefined])[]): KeyedEntries {
  return { [KEYED_ENTRIES]: true, entries, toJSON: () => Object.fromEntries(entries.map(([k, v]) => [k, v])) };
}

export function isKeyedEntries(v: unknown): v is KeyedEntries {
  return v !== null && typeof v === 'object' && Object.hasOwn(v, KEYED_ENTRIES);
}

/** The plain JSON data of a keyed value (keyed items or entries), or the value itself. */
export function plainOf(v: unknown): unknown {
  return isKeyed(v) || isKeyedEntries(v) ? v.toJSON() : v;
}

/** The pieces as text, each member rendered (for a writer that copies none). */
export function* textsOf(pieces: Iterable<string | Member>): Generator<string> {
  for (const c of pieces) yield typeof c === 'string' ? c : c.text();
}

/** A member's text from the pieces that make it (a member inside is rendered: only the outermost is copied). */
export function joinPieces(pieces: Iterable<string | Member>): string {
  let s = '';
  for (const c of pieces) s += typeof c === 'string' ? c : c.text();
  return s;
}

/** `toJsonChunks(v, depth)` with each keyed item (see keyedItems) as a `Member` whose text is the item's lines. */
export function* toJsonPieces(v: unknown, depth = 2): Generator<string | Member> {
  yield* jsonChunks(v, depth, 0);
  yield '\n';
}

/**
 * `JSON.stringify(v, null, 2)` as it reads `level` containers deep: every line after the first
 * indented by 2 × level spaces. Stringified inside `level` one-element arrays and cut out, so the
 * indentation is JSON.stringify's own — no second pass over the text to indent it (3× faster on
 * model.json than replacing every newline).
 */
function nested(v: unknown, level: number): string {
  if (level === 0) return JSON.stringify(v, null, 2);
  let w: unknown = v;
  for (let i = 0; i < level; i++) w = [w];
  const s = JSON.stringify(w, null, 2);
  // Opening: "[\n" + 2·i spaces for i = 1..level; closing: "\n" + 2·i spaces + "]" for i = level-1..0.
  return s.slice(level * (level + 3), s.length - level * (level + 1));
}

function* jsonChunks(v: unknown, depth: number, level: number): Generator<string | Member> {
  if (depth <= 0 || v === null || typeof v !== 'object') {
    yield nested(v, level);
    return;
  }
  const sub = (x: unknown) => jsonChunks(x, depth - 1, level + 1);
  if (isKeyed(v)) {
    // Each item a Member when it has a key (its lines joined), else its pieces.
    const { items } = v;
    yield* containerChunks('[', ']', items.length, undefined, (i) => {
      const j = () => v.json(items[i]);
      const key = v.key(items[i]);
      if (key === undefined) { const x = j(); return skipped(x) ? ['null'] : sub(x); }
      return [{ key, text: () => { const x = j(); return skipped(x) ? 'null' : joinPieces(sub(x)); } }];
    }, level);
    return;
  }
  if (isKeyedEntries(v)) {
    // Each value a Member when it has a key, else its pieces.
    const entries = v.entries.filter(([, x]) => !skipped(x));
    yield* containerChunks('{', '}', entries.length, (i) => `${JSON.stringify(entries[i]![0])}: `, (i) => {
      const [, x, key] = entries[i]!;
      return key === undefined ? sub(x) : [{ key, text: () => joinPieces(sub(x)) }];
    }, level);
    return;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    yield nested(v, level);
    return;
  }
  // Plain arrays and objects inline, not through containerChunks: one generator less per level is 10–15% of writing
  // the 2021 reports and beta OpenAPI JSON (66 MB: 250–300 against 290–340 ms).
  const ind = '  '.repeat(level);
  const inner = `${ind}  `;
  if (Array.isArray(v)) {
    if (!v.length) { yield '[]'; return; }
    yield '[\n';
    for (let i = 0; i < v.length; i++) {
      yield inner;
      if (skipped(v[i])) yield 'null';
      else yield* jsonChunks(v[i], depth - 1, level + 1);
      yield i < v.length - 1 ? ',\n' : '\n';
    }
    yield `${ind}]`;
    return;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => !skipped(o[k]));
  if (!keys.length) { yield '{}'; return; }
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    yield `${inner}${JSON.stringify(keys[i])}: `;
    yield* jsonChunks(o[keys[i]!], depth - 1, level + 1);
    yield i < keys.length - 1 ? ',\n' : '\n';
  }
  yield `${ind}}`;
}

/**
 * A keyed container's lines as `JSON.stringify(…, null, 2)` writes them `level` containers deep (as jsonChunks writes a
 * plain one): `n` members, each its name (an object's `"key": `; an array has none) then its value's pieces; `{}` or
 * `[]` when empty.
 */
function* containerChunks(open: string, close: string, n: number, name: ((i: number) => string) | undefined, value: (i: number) => Iterable<string | Member>, level: number): Generator<string | Member> {
  if (!n) { yield `${open}${close}`; return; }
  const ind = '  '.repeat(level);
  const inner = `${ind}  `;
  yield `${open}\n`;
  for (let i = 0; i < n; i++) {
    yield name ? inner + name(i) : inner;
    yield* value(i);
    yield i < n - 1 ? ',\n' : '\n';
  }
  yield `${ind}${close}`;
}
