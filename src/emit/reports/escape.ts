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

/**
 * A link from a report to file:line. `docsFromReport`: the docs root as seen from the report's
 * directory (e.g. `../input`); `file` is relative to the docs root.
 */
export function fileLink(docsFromReport: string, file: string, line: number): string {
  const target = file.startsWith('/') ? file : posix.normalize(posix.join(docsFromReport.split('\\').join('/'), file));
  return `${target.split(' ').join('%20')}#L${line}`;
}
