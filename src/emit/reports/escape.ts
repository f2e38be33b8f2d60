/** Escaping doc text for the report formats. */
import { posix } from 'node:path';

/** Inline Markdown: no tables broken, no HTML, no links or emphasis injected. */
export function md(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}|#!~])/g, '\\$1')
    .trim();
}

export function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A link from a report written in `reportDir` to file:line (both relative to the working directory). */
export function fileLink(reportDir: string, file: string, line: number): string {
  const target = file.startsWith('/') ? file : posix.relative(reportDir.split('\\').join('/'), file);
  return `${target.split(' ').join('%20')}#L${line}`;
}
