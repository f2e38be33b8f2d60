/**
 * Escaping doc text (titles, messages, values, file names) for every report format, in one
 * place. Control characters, line and paragraph separators and bidirectional overrides never
 * reach a report raw: they end a Markdown table row or a terminal line, or reorder what a
 * reader sees ("Trojan source").
 */
import { posix } from 'node:path';

/** C0/C1 controls (tab and newline included), U+2028/2029, bidi embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with markup characters, line/paragraph separators and bidi controls written as \\u
 * escapes: the same value once parsed, but nothing in the file a viewer could render or hide.
 */
export function jsonInert(json: string): string {
  return json.replace(/[<>&\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Inline Markdown: no tables broken, no HTML, no links or emphasis injected, one line. */
export function md(s: string): string {
  return s
    .replace(CONTROL, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}|#!~])/g, '\\$1')
    .trim();
}

export function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Control, line-separator and bidi characters other than CR, LF and tab as `?` (github and junit, which escape CR/LF their own way). */
export function inertControls(s: string): string {
  return s.replace(CONTROL, (c) => (c === '\n' || c === '\r' || c === '\t' ? c : '?'));
}

/** Terminal text: one line, no escape sequences (controls shown as `?`, line breaks and tabs as spaces). */
export function text(s: string): string {
  return s.replace(CONTROL, (c) => (c === '\n' || c === '\r' || c === '\t' ? ' ' : '?'));
}

/** A path as a URI reference: each segment percent-encoded (also `( ) ! ' *`, which end or mark up a Markdown link). */
export function uriPath(file: string): string {
  return file.split('\\').join('/').split('/').map((seg) => encodeURIComponent(wellFormed(seg)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

/** Lone surrogates (which encodeURIComponent refuses) become U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * A link from a report to file:line. `docsFromReport`: the docs root as seen from the report's
 * directory (e.g. `../input`); `file` is relative to the docs root.
 */
export function fileLink(docsFromReport: string, file: string, line: number): string {
  const target = file.startsWith('/') ? file : posix.normalize(posix.join(docsFromReport.split('\\').join('/'), file));
  return `${uriPath(target)}#L${line}`;
}
