/** Helper for rules whose context is one page. */
import { isGraphHost, pathFitsTemplate } from '../model/identity.js';
import type { Document, Severity, Src, TypeRef } from '../model/schema.js';
import { sideOf, type FindingDraft } from './types.js';

export function pageFinding(
  rule: { id: string; severity: Severity }, page: Document, src: Src, field: string, message: string, value: string,
  args: string[] = [], more: { src: Src; value: string }[] = [],
): FindingDraft {
  return {
    rule: rule.id, severity: rule.severity, context: 'page', subject: page.file, field, message,
    sides: [sideOf(page, src, value), ...more.map((m) => sideOf(page, m.src, m.value))], args,
  };
}

/** JSON object bodies of example requests, with their request. */
export function objectBody(json: unknown): Record<string, unknown> | undefined {
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
}

/**
 * Is an example live? `"blockType": "ignored"` marks a block the docs' test tool skips — typically
 * what follows a redirect (the CSV after "Follow the 302 redirection") or another call's exchange —
 * so it is not checked against the operation's template, status or type.
 */
export function isLive(x: { annotation?: { fields: Record<string, unknown> } }): boolean {
  return x.annotation?.fields.blockType !== 'ignored';
}

/** An absolute URL on a host other than Microsoft Graph's (an upload session's URL, a download redirect, a notification sent to a bot or a workforce integration). */
export function callsOtherService(url: string): boolean {
  const m = /^https?:\/\/([^/]+)/i.exec(url.trim());
  return !!m && !isGraphHost(m[1]!);
}

/**
 * An example call to another resource than the page's templates address: it fits none of them and its path ends
 * in a segment none of them ends in (PATCH …/format/font on the page of PATCH …/format). A call that ends like a
 * template but does not fit it (a template written `~/onPremisesPublishingProfiles/…`) is still the page's.
 */
export function callsAnotherResource(method: string, path: string, templates: { method: string; path: string }[]): boolean {
  const called = path.includes('?') ? path.slice(0, path.indexOf('?')) : path;
  if (!templates.length || templates.some((o) => o.method === method && pathFitsTemplate(called, o.path))) return false;
  // The last segment, without a query, trailing slashes or a key in parentheses (string operations: linear on any path).
  const last = (x: string) => {
    let end = x.includes('?') ? x.indexOf('?') : x.length;
    while (end > 0 && x[end - 1] === '/') end--;
    const p = x.slice(0, end);
    let seg = p.slice(p.lastIndexOf('/') + 1);
    if (seg.endsWith(')') && seg.includes('(')) seg = seg.slice(0, seg.lastIndexOf('('));
    return seg.toLowerCase();
  };
  const tail = last(called);
  return !templates.some((o) => { const t = last(o.path); return t === tail || /^\{[^{}]*\}$/.test(t); });
}

/**
 * A type's name as a finding shows it, with the page's own word when that is another spelling ("number" is read as
 * Double: "Double (written as number)") — the writer looks for what the page says.
 */
export function typeShown(t: TypeRef): string {
  const written = t.notes?.find((n) => n.startsWith('written as '));
  return written ? `${t.name} (${written})` : t.name;
}
