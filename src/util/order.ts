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
