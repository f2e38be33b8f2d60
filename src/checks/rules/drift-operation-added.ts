import { pathFitsTemplate } from '../../model/identity.js';
import { opPage } from '../fixture-pages.js';
import type { DriftRule } from '../types.js';
import { change, driveItemById, longerFormIn, operationsByKey, pageRewrites, sameCallFormIn, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-operation-added',
  input: 'drift',
  severity: 'info',
  confidence: 'high',
  contexts: ['drift'],
  summary: 'An operation is documented in the new snapshot and not in the old one',
  description: 'A new operation (version + method + normalized path) appeared. Not breaking. A path the old snapshot documented in a longer or shorter form (`/agreements` → `/identityGovernance/termsOfUse/agreements`) is the same operation, not an addition — unless the new path is the shorter one and names fewer than two segments (`/contacts` is no other form of `/users/{id}/…/contacts`), or the two pages document different types (`/print/shares/{id}`, a printerShare, is no other form of `/shares/{id}`, a shared drive item). The new form of an operation its page rewrote (a corrected method, path or key syntax: POST …/HeaderRowRange → GET …/headerRowRange) is not an addition, nor is another form of its path the page gives with the new method (…/items/{id}/… and …/root:/{item-path}:/…, whichever of the two the rewrite named): drift-operation-removed reports that change once. A new request line whose path the page\'s own examples call only with another method, one the page documents for another form of the path only, is reported with that example (a method likely mistyped).',
  example: { before: 'old: (no page documents POST /widgets)', after: 'new: POST /widgets (v1.0/api/widget-post.md)' },
  fixture: {
    before: { 'old/v1.0/api/other.md': opPage('Get gadget', 'GET', '/gadgets/{id}'), 'new/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}') },
    after: { 'old/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}'), 'new/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check({ old, new: nu }) {
    const a = operationsByKey(old);
    // Paths the old snapshot documents in another form, and the new form of an operation its page rewrote (a corrected
    // method, path or key syntax), are reported by drift-operation-removed, once.
    const rewrites = pageRewrites(old, nu);
    const rewritten = new Set(rewrites.values());
    // The page's other forms of a rewritten call: the old path under the new method (POST /workbook/…/totalRowRange became
    // GET …/items/{id}/workbook/…/totalRowRange and GET …/root:/{item-path}:/workbook/…/totalRowRange; the rewrite names the
    // first, and the second is as much the rewritten call's), on the same page.
    const asRewritten = new Map<string, string>();
    // And the rewritten call's drive item addressed the other way on the same page (labels d623, d652: POST …/drive/root/
    // workbook/…/refreshAll became …/items/{id}/… — the rewrite — and …/root:/{item-path}:/…; POST …/tables/{id}/delete
    // became DELETE …/items/{item-id}/workbook/tables/{id} and DELETE …/root:/{item-path}:/workbook/tables/{id}).
    const targets = new Map<string, string>();
    for (const [from, to] of rewrites) {
      const [version, , path] = from.split(' ');
      asRewritten.set(`${version} ${to.split(' ')[1]} ${path}`, a.get(from)!.doc.file);
      targets.set(driveItemById(to), a.get(from)!.doc.file);
    }
    const otherForm = (k: string, file: string) => {
      if (targets.get(driveItemById(k)) === file) return true;
      const r = longerFormIn(k, asRewritten, 'new');
      return r !== undefined && asRewritten.get(r) === file;
    };
    return [...operationsByKey(nu).entries()].filter(([k, v]) => !a.has(k) && !sameCallFormIn(k, v, a, 'new') && !rewritten.has(k) && !otherForm(k, v.doc.file)).map(([k, v]) => {
      // A request line whose path the page's own examples call only with another method the page also documents (beta
      // riskyusers-dismiss.md: `GET /identityProtection/riskyUsers/dismiss` beside `POST /riskyUsers/dismiss`, its example
      // a POST to the longer path; label d2177): likely that call's longer form with its method mistyped — said so.
      const method = v.operation.method.toUpperCase();
      const calls = v.doc.examples.requests.filter((r) => pathFitsTemplate(r.path, v.operation.path));
      // The other method is documented for another path form only: a page that gives both methods for this path
      // (organizational branding: PUT and PATCH /organization/{id}/branding, its example a PUT) documents two calls.
      const elsewhere = (m: string) => v.doc.operations.some((o) => o.method.toUpperCase() === m) && !v.doc.operations.some((o) => o.method.toUpperCase() === m && o.path === v.operation.path);
      const other = calls.length && !calls.some((r) => r.method.toUpperCase() === method) ? calls.find((r) => elsewhere(r.method.toUpperCase())) : undefined;
      const note = other ? ` (its page's example calls this path with ${other.method.toUpperCase()}, ${v.doc.file}:${other.src.line}, the method the page gives another form of the path: the request line's ${method} may be a typo)` : '';
      return change(this, false, v.version, k.slice(k.indexOf(' ') + 1), 'operation', `${k} was added${note}`, [sideOf(v.doc, v.operation.src, 'documented')]);
    });
  },
};
