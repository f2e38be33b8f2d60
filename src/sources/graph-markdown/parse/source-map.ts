/**
 * A virtual document is the text that is actually parsed: the page with its front matter
 * blanked, rendered-text pages rewritten as markdown, includes spliced in. The source map
 * takes a (line, column) in the virtual document back to the file, line and column the text
 * came from, so every fact keeps its true provenance.
 */
import type { Src } from '../ir/schema.js';

export class SourceMap {
  readonly files: string[] = [];
  private fileIdx: number[] = [];
  private origLine: number[] = [];
  private colShift: number[] = [];

  fileIndex(file: string): number {
    let i = this.files.indexOf(file);
    if (i < 0) { i = this.files.length; this.files.push(file); }
    return i;
  }

  /** Append one virtual line that came from `file` line `line`, shifted right by `shift` columns. */
  push(file: number, line: number, shift = 0): void {
    this.fileIdx.push(file);
    this.origLine.push(line);
    this.colShift.push(shift);
  }

  get lineCount(): number { return this.origLine.length; }

  /** Drop `count` virtual lines from the 0-based index `at` (lines left out of the parsed text; the others keep their sources). */
  remove(at: number, count: number): void {
    this.fileIdx.splice(at, count);
    this.origLine.splice(at, count);
    this.colShift.splice(at, count);
  }

  /** Map a virtual (1-based) line/column to its source. */
  map(line: number, column: number): Src {
    const i = Math.min(Math.max(line - 1, 0), this.origLine.length - 1);
    if (i < 0) return { file: this.files[0] ?? '', line: 1, column: 1 };
    return { file: this.files[this.fileIdx[i]!]!, line: this.origLine[i]!, column: Math.max(1, column - this.colShift[i]!) };
  }

  static identity(file: string, lineCount: number): SourceMap {
    const m = new SourceMap();
    const f = m.fileIndex(file);
    for (let i = 1; i <= lineCount; i++) m.push(f, i);
    return m;
  }
}

/** Builder that accumulates virtual lines with their mapping. */
export class VirtualDoc {
  readonly lines: string[] = [];
  readonly map = new SourceMap();

  add(text: string, file: number, line: number, shift = 0): void {
    this.lines.push(text);
    this.map.push(file, line, shift);
  }

  /** Leave `count` lines from the 0-based index `at` out of the parsed text; every other line keeps its source. */
  remove(at: number, count: number): void {
    this.lines.splice(at, count);
    this.map.remove(at, count);
  }

  get text(): string { return this.lines.join('\n'); }
}
