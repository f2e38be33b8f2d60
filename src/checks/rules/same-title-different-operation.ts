import { opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { sideOf } from '../types.js';
import { operationKeyOf, pageVersion } from '../../model/merge.js';
import type { Document } from '../../model/schema.js';

export const rule: ModelRule = {
  id: 'same-title-different-operation',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['tree'],
  summary: 'Pages with the same title document different operations',
  description:
    'Pages of the same version share a title ("Update user") but their HTTP blocks document different operations. Readers and search take them for the same thing; the title of one should say what it updates. A title shared only across versions is not reported: between beta and v1.0 the same operation often has another path (/riskyUsers/dismiss vs /identityProtection/riskyUsers/dismiss, a function\'s sample argument vs its placeholder, another navigation to the same entity) — 8 of 10 sampled such findings were one operation; so the finding lists the pages of the versions whose pages clash, and of another version only those that document one of the clashing operations.',
  example: { before: 'Update user: PATCH /users/{id}\nUpdate user: PATCH /deviceManagement/.../users/{userId}', after: 'Update user\nUpdate user (Intune device run state)' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}'), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/gadgets/{id}/widget') },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}'), 'v1.0/api/b.md': opPage('Update gadget widget', 'PATCH', '/gadgets/{id}/widget') },
  },
  check({ model }) {
    const byTitle = new Map<string, typeof model.documents>();
    for (const p of model.documents) {
      const t = titleKey(p);
      if (!t || !p.operations.length) continue;
      if (!byTitle.has(t)) byTitle.set(t, []);
      byTitle.get(t)!.push(p);
    }
    const out: FindingDraft[] = [];
    const keyOf = (p: (typeof model.documents)[number]) => operationKeyOf(model, p.operations[0]!);
    for (const [title, all] of [...byTitle.entries()].sort()) {
      // Pages sharing any operation (a page may list several request lines) document the same thing:
      // they fall into one cluster, and the finding is about pages in different clusters.
      const clusterOf = clusters(all.map((p) => new Set(p.operations.map((o) => operationKeyOf(model, o)))));
      // Only pages of one version in different clusters: across versions a moved path is not a different operation. The
      // finding holds the pages of the versions that clash, and of the other version those that document one of the
      // clashing operations; beta's one "List memberOf" page (connectors) beside v1.0's three (groups, contacts, users)
      // is no part of v1.0's clash (label o1302, misdescribed: "4 pages … 4 operations").
      const clustersOf = new Map<string, Set<number>>();
      all.forEach((p, i) => { const v = pageVersion(p); clustersOf.set(v, (clustersOf.get(v) ?? new Set()).add(clusterOf[i]!)); });
      const clashing = all.map((p) => clustersOf.get(pageVersion(p))!.size > 1);
      if (!clashing.some(Boolean)) continue;
      const shown = new Set(clusterOf.filter((_, i) => clashing[i]));
      const keep = all.map((_, i) => clashing[i] || shown.has(clusterOf[i]!));
      const pages = all.filter((_, i) => keep[i]);
      const cluster = clusterOf.filter((_, i) => keep[i]);
      const rep = new Map<number, string>();
      pages.forEach((p, i) => { if (!rep.has(cluster[i]!)) rep.set(cluster[i]!, keyOf(p)); });
      const keys = new Set(rep.values());
      out.push({
        rule: this.id,
        severity: this.severity,
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

/** A page's title as the rule compares it: H1, else front-matter title, trimmed and lower-cased ('' when it has none). */
export function titleKey(d: Pick<Document, 'title'>): string {
  return (d.title.h1?.value ?? d.title.frontMatter?.value ?? '').trim().toLowerCase();
}

/** Union-find over key sets: pages whose sets share a key get the same cluster number (the smallest index in it). */
function clusters(sets: Set<string>[]): number[] {
  const parent = sets.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  sets.forEach((s, i) => {
    for (const k of s) {
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else { const a = find(o), b = find(i); if (a !== b) parent[Math.max(a, b)] = Math.min(a, b); }
    }
  });
  return sets.map((_, i) => find(i));
}
