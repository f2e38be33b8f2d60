/**
 * JSON brackets counted in text, strings skipped (a `{` or `]` inside a string is no bracket; `\"` does not end one).
 * `stopAtClose`: stop at the character that closes every bracket opened so far (`end`, its index) — the end of a value
 * that opens the text; else the whole text is read and `depth` is what it opens, closing ones counted off (negative when
 * it closes more than it opens).
 */
export function scanBrackets(text: string, from = 0, stopAtClose = false): { depth: number; end?: number } {
  let depth = 0;
  let inString = false;
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (inString) {
      if (c === '\\') k++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (stopAtClose && depth === 0) return { depth, end: k };
    }
  }
  return { depth };
}
