import { opPage, responseSection } from '../fixture-pages.js';
import type { Document } from '../../model/schema.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';

/** entity X / collection of X / no body / unknown. */
export function responseShape(p: Document): string | undefined {
  const r = p.response;
  if (!r) return undefined;
  if (r.noBody) return 'no body';
  if (!r.bodyType) return undefined;
  return r.bodyType.collection ? `collection of ${r.bodyType.name}` : `${r.bodyType.name} object`;
}

export const rule: ModelRule = {
  id: 'response-shape-differs',
  input: 'model',
  severity: 'error',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'Pages of one operation describe different response bodies',
  description: 'One page returns an entity, another a collection, another no body at all, or a different type. Generated clients type the return value from one of them. Pages that document a derived type on the same path (subtypes in the model) are not compared.',
  example: { before: 'page A: returns an updated user object in the response body\npage B: returns 204 No Content', after: 'both: no response body' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `200 OK` response code and an updated [widget](../resources/widget.md) object in the response body.')), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.')) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.')), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.')) },
  },
  check({ model }) {
    return model.operations.flatMap((g) =>
      compareField(this, g, 'response.body', (v) => {
        // A polymorphic variant (a page for a derived type on the same path) returns its own type by design.
        if (v.subtype) return undefined;
        const s = responseShape(v.doc);
        return s ? { key: s.toLowerCase(), shown: s, src: v.doc.response!.src } : undefined;
      }, (c, d) => `Response body differs (${versionsNote(c)}): ${d.join(' vs ')}`),
    );
  },
};
