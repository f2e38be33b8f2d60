import { opPage, responseSection } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';
import { successStatuses } from '../../model/status.js';

export const rule: ModelRule = {
  id: 'response-status-differs',
  input: 'model',
  unit: 'operation',
  severity: 'error',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'Pages of one operation state different success status codes',
  description: 'The Response sections of pages of one operation name different success status codes (200 OK vs 204 No Content; error codes are not compared). A page that names the other\'s status and more ("201 Created", and "202 Accepted" when the new chat installs apps) documents more cases, not other ones: statuses that nest are not reported. Clients that check the status break on one of them.',
  example: { before: 'page A: returns a 200 OK response code and a user object\npage B: returns a 204 No Content response code', after: 'both: 204 No Content' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `200 OK` response code.')), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{widget-id}', responseSection('If successful, this method returns a `204 No Content` response code.')) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code.')), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{widget-id}', responseSection('If successful, this method returns a `204 No Content` response code.')) },
  },
  check({ model }) {
    return model.operations.flatMap((g) => nested(g.variants.map((v) => successStatuses(v.doc.response?.statuses).map((x) => x.code))) ? [] :
      compareField(this, g, 'response.status', (v) => {
        // Success statuses only: a page that also names its 400 does not disagree with one that does not.
        const ok = successStatuses(v.doc.response?.statuses);
        if (!ok.length) return undefined;
        const s = ok.map((x) => `${x.code} ${x.text}`.trim()).join(', ');
        return { key: ok.map((x) => x.code).sort().join(','), shown: s, src: ok[0]!.src };
      }, (c, d) => `Success status differs (${versionsNote(c)}): ${d.join(' vs ')}`),
    );
  },
};

/**
 * Every two pages' success statuses nest (one's codes are all among the other's): the pages
 * document more or fewer cases of one answer, not different answers. Pages naming none are left out.
 */
export function nested(sets: number[][]): boolean {
  const named = sets.filter((s) => s.length > 0).map((s) => new Set(s));
  const within = (a: Set<number>, b: Set<number>) => [...a].every((x) => b.has(x));
  return named.every((a, i) => named.slice(i + 1).every((b) => within(a, b) || within(b, a)));
}
