/**
 * Request lines that name another operation than the rest of their page: a page whose other request lines for a method
 * (at least two, all of them) end in the segment its file is named after (`event-delta.md`: `…/calendarView/delta`),
 * with one line that ends elsewhere and never reaches that segment (`GET /groups/{id}/calendarView`) — a line copied
 * from another page or cut short. Such a line is a page error (`template-names-other-operation` reports it), and its
 * variant documents no call of the operation it was keyed to: rules comparing that operation's pages leave it out.
 */
import type { Document, Operation } from '../model/schema.js';

const memo = new WeakMap<object, Map<Operation, string>>();

/** The page's stray request lines (see above), each with the segment the page's other lines end in (as written); memoised per page. */
export function strayTemplates(doc: Pick<Document, 'file' | 'operations'>): Map<Operation, string> {
  const known = memo.get(doc);
  if (known) return known;
  const out = new Map<Operation, string>();
  memo.set(doc, out);
  const named = (doc.file.slice(doc.file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '')).toLowerCase().replace(/[^a-z0-9]/g, '');
  const byMethod = new Map<string, Operation[]>();
  for (const o of doc.operations) {
    if (o.fromExample) continue;
    const l = byMethod.get(o.method);
    if (l) l.push(o); else byMethod.set(o.method, [o]);
  }
  for (const ops of byMethod.values()) {
    if (ops.length < 3) continue;
    const ends = ops.map((o) => lastSegment(o.path));
    const counts = new Map<string, number>();
    for (const e of ends) counts.set(e, (counts.get(e) ?? 0) + 1);
    const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    if (n !== ops.length - 1 || !top || top.startsWith('{') || !named.includes(top.replace(/[^a-z0-9]/g, ''))) continue;
    // The segment as the page writes it (`getMemberObjects`), for the finding.
    const written = writtenLast(ops[ends.indexOf(top)]!.path);
    ops.forEach((o, i) => {
      const e = ends[i]!;
      if (e !== top && !e.startsWith('{') && !o.path.toLowerCase().includes(`/${top}`)) out.set(o, written);
    });
  }
  return out;
}

/** Is the operation a stray request line of its page? */
export function isStrayTemplate(doc: Pick<Document, 'file' | 'operations'>, op: Operation): boolean {
  return strayTemplates(doc).has(op);
}

/** The last path segment, lower-case, without a query or an argument list (`delta()`, `getMemberGroups`). */
function lastSegment(path: string): string {
  return writtenLast(path).toLowerCase();
}

/** The last path segment as written, without a query or an argument list. */
function writtenLast(path: string): string {
  const p = path.includes('?') ? path.slice(0, path.indexOf('?')) : path;
  const segs = p.split('/').filter(Boolean);
  const last = segs[segs.length - 1] ?? '';
  return last.includes('(') ? last.slice(0, last.indexOf('(')) : last;
}
