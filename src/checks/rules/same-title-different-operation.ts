import { opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { sideOf } from '../types.js';
import { operationKeyOf, pageVersion } from '../../model/merge.js';

export const rule: ModelRule = {
  id: 'same-title-different-operation',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['tree'],
  summary: 'Pages with the same title document different operations',
  description:
    'Pages of the same version share a title ("Update user") but their HTTP blocks document different operations. Readers and search take them for the same thing; the title of one should say what it updates. Across versions this is info.',
  example: { before: 'Update user: PATCH /users/{id}\nUpdate user: PATCH /deviceManagement/.../users/{userId}', after: 'Update user\nUpdate user (Intune device run state)' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}'), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/gadgets/{id}/widget') },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}'), 'v1.0/api/b.md': opPage('Update gadget widget', 'PATCH', '/gadgets/{id}/widget') },
  },
  check({ model }) {
    const byTitle = new Map<string, typeof model.documents>();
    for (const p of model.documents) {
      const t = (p.title.h1?.value ?? p.title.frontMatter?.value ?? '').trim().toLowerCase();
      if (!t || !p.operations.length) continue;
      if (!byTitle.has(t)) byTitle.set(t, []);
      byTitle.get(t)!.push(p);
    }
    const out: FindingDraft[] = [];
    const keyOf = (p: (typeof model.documents)[number]) => operationKeyOf(model, p.operations[0]!);
    for (const [title, pages] of [...byTitle.entries()].sort()) {
      const keys = new Set(pages.map((p) => keyOf(p)));
      if (keys.size < 2) continue;
      const counts = new Map<string, number>();
      for (const p of pages) counts.set(keyOf(p), (counts.get(keyOf(p)) ?? 0) + 1);
      const sameVersion = pages.some((a) => pages.some((b) => a !== b && pageVersion(a) === pageVersion(b) && keyOf(a) !== keyOf(b)));
      out.push({
        rule: this.id,
        severity: sameVersion ? this.severity : 'info',
        context: 'tree',
        subject: title,
        field: 'title',
        message: `${pages.length} pages titled "${pages[0]!.title.h1?.value ?? title}" document ${keys.size} different operations: ${[...keys].sort().join('; ')}`,
        sides: pages.map((p) => sideOf(p, p.operations[0]!.src, keyOf(p))),
        args: [...keys].sort(),
      });
    }
    return out;
  },
};
