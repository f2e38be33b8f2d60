import { linkedFile } from '../link-target.js';
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
  description: 'One page returns an entity, another a collection, another no body at all, or a different type. Generated clients type the return value from one of them. Pages that document a derived type on the same path (subtypes in the model) are not compared. A type named by a link to a resource page is that page\'s type, whatever the link text says.',
  example: { before: 'page A: returns an updated user object in the response body\npage B: returns 204 No Content', after: 'both: no response body' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `200 OK` response code and an updated [widget](../resources/widget.md) object in the response body.')), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.')) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.')), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.')) },
  },
  check({ model }) {
    // A type named by a link to its resource page is that page's type, whatever the link text says
    // ("a [thread](../resources/conversationthread.md) object", "[NamedItem](../resources/nameditem.md)" whose page is workbookNamedItem).
    const typeAt = new Map<string, string>();
    for (const t of model.types) for (const x of t.sources) if (x.origin === 'resource' && !typeAt.has(x.doc.file.toLowerCase())) typeAt.set(x.doc.file.toLowerCase(), t.name);
    const resolved = (d: Document): string | undefined => {
      return typeAt.get(linkedFile(d.file, d.response?.bodyType?.link) ?? '');
    };
    return model.operations.flatMap((g) =>
      compareField(this, g, 'response.body', (v) => {
        // A polymorphic variant (a page for a derived type on the same path) returns its own type by design.
        if (v.subtype) return undefined;
        const s = responseShape(v.doc);
        if (!s) return undefined;
        const r = v.doc.response!;
        const type = !r.noBody && r.bodyType ? resolved(v.doc) : undefined;
        const key = type ? (r.bodyType!.collection ? `collection of ${type}` : `${type} object`) : s;
        return { key: key.toLowerCase(), shown: type && type.toLowerCase() !== r.bodyType!.name.toLowerCase() ? `${s} (${type})` : s, src: r.src };
      }, (c, d) => `Response body differs (${versionsNote(c)}): ${d.join(' vs ')}`),
    );
  },
};
