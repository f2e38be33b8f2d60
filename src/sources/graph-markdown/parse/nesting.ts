/**
 * Guard against pathological nesting (thousands of nested lists or block quotes): parsers and
 * tree walkers recurse per level. Lines nested deeper than the limit lose their extra markers
 * before parsing; the caller reports it.
 */
export const NESTING_LIMIT = 64;

/** A run of block-quote markers (`>` needs no space after it) and list markers. */
const CONTAINER_RUN = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+/;

export function guardNesting(lines: string[], limit = NESTING_LIMIT): { lines: string[]; changed: boolean; firstLine: number; limit: number } {
  let changed = false;
  let firstLine = 1;
  let out = lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Cheap pre-check: only long runs of container markers or indentation can be deep.
    if (line.length < limit) continue;
    const m = CONTAINER_RUN.exec(line);
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const markers = m ? m[0].match(/>|[-*+]|\d{1,9}[.)]/g)!.length : 0;
    if (markers <= limit && indent <= limit * 4) continue;
    if (!changed) { out = lines.slice(); firstLine = i + 1; changed = true; }
    out[i] = line.replace(CONTAINER_RUN, '').replace(/^[ \t]+/, '');
  }
  return { lines: out, changed, firstLine, limit };
}
