/** Where a link on a page leads, as a docs-root-relative path in lower case (the docs site resolves links case-insensitively): used by the rules, the model (a response type's linked page) and extraction. */
import { posix } from 'node:path';

/** The page a link target names, relative to the docs root and lower-cased; undefined for URLs and anchors on the same page. */
export function linkedFile(fromFile: string, target: string | undefined): string | undefined {
  const path = target?.split('#')[0]?.replace(/\\/g, '/'); // a browser reads `\` as `/`
  if (!path || /^[a-z]+:/i.test(path)) return undefined;
  return posix.join(posix.dirname(fromFile), path).toLowerCase();
}

/** Markdown links replaced by their text (`[callRecord](../resources/callrecords-callrecord.md) x` → `callRecord x`). */
export function withLinkTexts(s: string): string {
  return s.replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1');
}

