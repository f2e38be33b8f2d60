/** Deterministic orderings used everywhere output is written. */
import type { Diagnostic, Src } from '../sources/graph-markdown/ir/schema.js';

export function compareStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSrc(a: Src, b: Src): number {
  return compareStr(a.file, b.file) || a.line - b.line || a.column - b.column;
}

export function sortDiagnostics(d: Diagnostic[]): Diagnostic[] {
  return d
    .map((x, i) => ({ x, i }))
    .sort((p, q) => compareSrc(p.x.src, q.x.src) || compareStr(p.x.rule, q.x.rule) || p.i - q.i)
    .map((p) => p.x);
}

/** JSON with object keys in insertion order and a trailing newline. */
export function toJson(v: unknown): string {
  return JSON.stringify(v, null, 2) + '\n';
}
