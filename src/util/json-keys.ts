/** Keys in JSON text, found without parsing it (the text may not parse): for placing a key on its line. */

/** A key written in JSON text: its name as written (escapes kept), the offset of its opening quote, the braces and brackets open before it. */
export interface KeyPlace { raw: string; offset: number; depth: number }

/**
 * Every key in JSON text, even text that does not parse: a quoted string where a key goes (after `{`, `,` or a line
 * break) followed by `:` (a string before `:` elsewhere is a value). One pass, strings skipped with their escapes.
 */
export function keysIn(text: string): KeyPlace[] {
  const out: KeyPlace[] = [];
  let depth = 0;
  /** The last character that is not a space or tab. */
  let last = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') continue;
    const keyPlace = last === '{' || last === ',' || last === '\n';
    last = c;
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      let k = j + 1;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
      if (keyPlace && text[k] === ':') out.push({ raw: text.slice(i + 1, j), offset: i, depth });
      i = j;
      last = '"';
    }
  }
  return out;
}

/**
 * Where a top-level key of a body is written: the line (and column) of its opening quote, counted from the body's own
 * place (`src`, the line its text starts on); undefined when the text does not hold the key at the top level.
 */
/** A key's name as JSON reads it (escapes decoded); as written when the escapes do not decode. */
export function keyName(raw: string): string {
  try { return JSON.parse(`"${raw}"`) as string; } catch { return raw; }
}

export function keySrc<S extends { line: number; column: number }>(body: { raw: string; src: S }, key: string): S | undefined {
  const top = body.raw.trimStart().startsWith('{') ? 1 : 0;
  const k = keysIn(body.raw).find((x) => x.depth === top && keyName(x.raw) === key);
  if (!k) return undefined;
  const before = body.raw.slice(0, k.offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = body.src.line + (before.match(/\n/g)?.length ?? 0);
  return { ...body.src, line, column: line === body.src.line ? body.src.column + k.offset : k.offset - lineStart + 1 };
}
