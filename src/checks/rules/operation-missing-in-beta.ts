import { opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { sideOf } from '../types.js';
import { pageVersion } from '../../model/merge.js';

export const rule: ModelRule = {
  id: 'operation-missing-in-beta',
  input: 'model',
  wholeTree: true,
  allVariants: true,
  severity: 'warning',
  confidence: 'medium',
  contexts: ['cross-version'],
  summary: 'An operation is documented in v1.0 but by no beta page',
  description: 'Beta is expected to be a superset of v1.0. A v1.0 operation (method + normalized path) that no beta page documents usually means the beta docs fell behind. Only checked when the tree has beta pages. (Beta-only operations are expected and not reported.) Not reported on a tree that is only part of a docs tree (see tree-partial).',
  example: { before: 'v1.0/api/widget-get.md: GET /widgets/{id}\n(no beta page documents GET /widgets/{id})', after: 'beta/api/widget-get.md: GET /widgets/{id}' },
  fixture: {
    before: { 'v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}'), 'beta/api/gadget-get.md': opPage('Get gadget', 'GET', '/gadgets/{id}') },
    after: { 'v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}'), 'beta/api/gadget-get.md': opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check(input) {
    const { model } = input;
    if (!model.documents.some((p) => pageVersion(p) === 'beta' && p.operations.length)) return [];
    const out: FindingDraft[] = [];
    for (const g of model.operations) {
      const v1 = g.variants.filter((v) => v.version === 'v1.0');
      if (!v1.length || g.variants.some((v) => v.version === 'beta')) continue;
      out.push({ rule: this.id, severity: this.severity, context: 'cross-version', subject: g.key, field: 'versions', message: `${g.key} is documented in v1.0 only`, sides: v1.map((v) => sideOf(v.doc, v.operation.src, 'v1.0 only')), args: [] });
    }
    return out;
  },
};
