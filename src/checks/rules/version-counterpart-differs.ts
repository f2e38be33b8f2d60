import { opPage } from '../fixture-pages.js';
import { argumentValuesAsPlaceholders, operationIdentity, versionSplit } from '../../model/identity.js';
import type { ModelRule, FindingDraft } from '../types.js';
import type { Document } from '../../model/schema.js';
import { sideOf } from '../types.js';

/** v1.0 and beta pages of the same file name (…/v1.0/api/x.md and …/beta/api/x.md), v1.0 first. */
export function counterparts(pages: Document[]): [Document, Document][] {
  const byFile = new Map(pages.map((p) => [p.file, p] as const));
  const out: [Document, Document][] = [];
  for (const p of pages) {
    const s = versionSplit(p.file);
    const b = s?.version === 'v1.0' ? byFile.get(s.other) : undefined;
    if (b) out.push([p, b]);
  }
  return out;
}

export const rule: ModelRule = {
  id: 'version-counterpart-differs',
  input: 'model',
  severity: 'info',
  confidence: 'low',
  contexts: ['cross-version'],
  summary: 'The v1.0 and beta pages of the same file document different HTTP methods or paths',
  description:
    'Pages with the same file name under v1.0/ and beta/ document one operation in two versions. When their HTTP methods differ (no method in common: a page that offers PATCH or PUT where the other offers PUT documents one call both ways), or their path sets share no path (a function\'s argument values are samples: `image(width=640)` and `Image(width=0)` are one path), the operation changed between versions (or one page is wrong). Differences between versions are expected; info.',
  example: { before: 'v1.0/api/x-update.md: PATCH /x/{id}\nbeta/api/x-update.md: PUT /x/{id}', after: 'both: PATCH /x/{id}' },
  fixture: {
    before: { 'v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}'), 'beta/api/widget-update.md': opPage('Update widget', 'PUT', '/widgets/{id}') },
    after: { 'v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}'), 'beta/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const [v1, beta] of counterparts(pages)) {
      if (!v1.operations.length || !beta.operations.length) continue;
      const m1 = [...new Set(v1.operations.map((o) => o.method))].sort().join(',');
      const m2 = [...new Set(beta.operations.map((o) => o.method))].sort().join(',');
      // A method the pages share: one version offers another beside it ("You can use either PATCH or PUT for this operation in
      // version 1.0" against beta's "Only use PUT"; label r446) — the call is the same, operation-missing-in-beta names the extra.
      const shared = m1.split(',').some((m) => m2.split(',').includes(m));
      if (m1 !== m2 && !shared) {
        out.push({ rule: this.id, severity: 'info', context: 'cross-version', subject: v1.file.replace(/^.*v1\.0\//, ''), field: 'method', message: `HTTP method differs between versions: ${m1} (v1.0) vs ${m2} (beta)`, sides: [sideOf(v1, v1.operations[0]!.src, m1), sideOf(beta, beta.operations[0]!.src, m2)], args: ['method'] });
        continue;
      }
      // A function's argument values are samples or stand-ins (`image(width=640)` in v1.0, `Image(width=0)` in beta;
      // `(period='{period_value}')` and `(period='D7')`): the same function, whatever the values; the names must match.
      const id = (o: Document['operations'][number]) => operationIdentity(o.method, argumentValuesAsPlaceholders(o.path), o.fromExample);
      const k1 = new Set(v1.operations.map(id));
      if (!beta.operations.some((o) => k1.has(id(o)))) {
        out.push({ rule: this.id, severity: 'info', context: 'cross-version', subject: v1.file.replace(/^.*v1\.0\//, ''), field: 'paths', message: 'The v1.0 and beta pages share no path', sides: [sideOf(v1, v1.operations[0]!.src, v1.operations.map((o) => o.path).join('; ')), sideOf(beta, beta.operations[0]!.src, beta.operations.map((o) => o.path).join('; '))], args: ['paths'] });
      }
    }
    return out;
  },
};
