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
  description: 'One page returns an entity, another a collection, another no body at all, or a different type. Generated clients type the return value from one of them.',
  example: { before: 'page A: returns an updated user object in the response body\npage B: returns 204 No Content', after: 'both: no response body' },
  check({ model }) {
    return model.operations.flatMap((g) =>
      compareField(this, g, 'response.body', (v) => {
        const s = responseShape(v.doc);
        return s ? { key: s.toLowerCase(), shown: s, src: v.doc.response!.src } : undefined;
      }, (c, d) => `Response body differs (${versionsNote(c)}): ${d.join(' vs ')}`),
    );
  },
};
