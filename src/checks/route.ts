/**
 * Ranking and routing. Each finding carries its area (the first side's front matter `ms.prod`,
 * else its folder) and `author`, so a docs team sees its own; findings are ordered by severity,
 * then the rule's confidence, then reach (v1.0 before beta; same-version before cross-version).
 */
import type { Document } from '../model/schema.js';
import { SEVERITY_RANK } from './engine.js';
import { compareStr } from '../util/order.js';
import type { Confidence, Finding } from './types.js';

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/** 0 = v1.0 within one version, 1 = beta within one version, 2 = v1.0 across versions, 3 = beta across versions. */
export function reachRank(f: Finding): number {
  const cross = f.context === 'cross-version' ? 2 : 0;
  const version = f.sides[0]?.version ?? (f.subject.startsWith('beta ') ? 'beta' : 'v1.0');
  return cross + (version === 'beta' ? 1 : 0);
}

function frontString(d: Document | undefined, key: string): string | undefined {
  const v = (d?.frontMatter as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

export function areaOf(file: string | undefined, byFile: Map<string, Document>): { area: string; author?: string } {
  if (!file) return { area: '(tree)' };
  const d = byFile.get(file);
  const area = frontString(d, 'ms.prod') ?? (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.');
  const author = frontString(d, 'author');
  return author ? { area, author } : { area };
}

/** Area and author on every finding and instance; findings in rank order. */
export function routeFindings(findings: Finding[], documents: Document[], oldDocuments: Document[] = []): Finding[] {
  const byFile = new Map(documents.map((d) => [d.file, d] as const));
  // Drift: a side of the old snapshot is that tree's page (a page the new tree no longer has keeps its ms.prod: a removal
  // on a deleted Intune page was routed to the folder "v1.0/resources").
  const oldByFile = new Map(oldDocuments.map((d) => [d.file, d] as const));
  const tag = (f: Finding): Finding => {
    // A metadata side is no page: a finding only the metadata has belongs to no area of the docs ('(tree)').
    const side = f.sides.find((s) => s.element === undefined);
    const r = areaOf(side?.file ?? f.pages?.[0], side?.snapshot === 'old' ? oldByFile : byFile);
    const out: Finding = { ...f, area: r.area };
    if (r.author) out.author = r.author; else delete out.author;
    if (f.instances) out.instances = f.instances.map(tag);
    return out;
  };
  return findings.map(tag).sort((a, b) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    CONFIDENCE_RANK[a.confidence ?? 'medium'] - CONFIDENCE_RANK[b.confidence ?? 'medium'] ||
    reachRank(a) - reachRank(b) ||
    (b.instances?.length ?? 1) - (a.instances?.length ?? 1) ||
    compareStr(a.subject, b.subject) || compareStr(a.rule, b.rule) || compareStr(a.field, b.field) || compareStr(a.fingerprint, b.fingerprint));
}

/** Cross-version info findings: usually expected, left out of the human formats unless asked for (--all). */
export function isQuietByDefault(f: Finding): boolean {
  return f.context === 'cross-version' && f.severity === 'info';
}
