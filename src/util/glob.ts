/** Matching example paths to templates without building a regex from page text. */

/**
 * Glob match without a regex (never built from page text): `parts` are the literal pieces
 * between placeholders, each placeholder matching one or more characters. The first piece
 * must open the text and the last close it; the middle ones are taken leftmost, which is
 * optimal for wildcards that match anything, so the match is linear in text × pieces.
 */
export function fitsParts(text: string, parts: string[]): boolean {
  if (parts.length === 1) return text === parts[0];
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!text.startsWith(first)) return false;
  let pos = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const at = text.indexOf(parts[i]!, pos + 1);
    if (at < 0) return false;
    pos = at + parts[i]!.length;
  }
  const end = text.length - last.length;
  return end >= pos + 1 && text.endsWith(last);
}
