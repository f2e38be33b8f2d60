/**
 * Comparing one field across the pages of an operation group: one finding per field whose
 * pages disagree, with every page as a side. Severity in context: when two pages of the same
 * version disagree it is the rule's severity (context `variant`); when only pages of different
 * versions disagree it is `info` (context `cross-version`, usually expected).
 */
import type { Severity, Src } from '../model/schema.js';
import type { OperationGroup, OperationVariant } from '../model/types.js';
import { sideOf, type FindingDraft, type Side } from './types.js';
import { isStrayTemplate } from './stray-templates.js';

export interface FieldValue {
  /** Comparable value (what must be equal). */
  key: string;
  /** Shown value. */
  shown: string;
  src: Src;
}

export function contextOf(values: { version: string | null; key: string }[]): 'variant' | 'cross-version' | null {
  const distinct = new Set(values.map((v) => v.key));
  if (distinct.size < 2) return null;
  const byVersion = new Map<string, Set<string>>();
  for (const v of values) {
    const k = v.version ?? '?';
    if (!byVersion.has(k)) byVersion.set(k, new Set());
    byVersion.get(k)!.add(v.key);
  }
  return [...byVersion.values()].some((s) => s.size > 1) ? 'variant' : 'cross-version';
}

export function severityFor(context: 'variant' | 'cross-version', severity: Severity): Severity {
  return context === 'variant' ? severity : 'info';
}

export interface SideValue extends FieldValue {
  version: string | null;
  page: import("../model/schema.js").Document;
}

/**
 * Compare arbitrary sides (types across versions and sources, enums, …): one finding when
 * their keys differ, with the severity in context as for operation groups.
 */
export function compareSides(
  rule: { id: string; severity: Severity }, subject: string, field: string, values: SideValue[],
  message: (ctx: 'variant' | 'cross-version' | 'same-page', distinct: string[]) => string, args: string[] = [],
  opts: { crossVersionSeverity?: Severity } = {},
): FindingDraft[] {
  const context = contextOf(values.map((x) => ({ version: x.version, key: x.key })));
  if (!context) return [];
  const severity = context === 'cross-version' && opts.crossVersionSeverity ? opts.crossVersionSeverity : severityFor(context, rule.severity);
  const distinct = [...new Set(values.map((x) => x.shown))];
  // Every side on one page (beta device.md lists manufacturer twice, the Project Rome row without "Read-only"): the page
  // repeats itself, not pages that disagree.
  const note = context === 'variant' && new Set(values.map((x) => x.page.file)).size === 1 ? 'same-page' : context;
  return [{ rule: rule.id, severity, context, subject, field, message: message(note, distinct), sides: values.map((x) => sideOf(x.page, x.src, x.shown)), args }];
}

/**
 * Compare `valueOf` across the group's variants; variants for which it returns undefined
 * (not stated on that page) are left out.
 */
export function compareField(
  rule: { id: string; severity: Severity },
  group: OperationGroup,
  field: string,
  valueOf: (v: OperationVariant) => FieldValue | undefined,
  message: (ctx: 'variant' | 'cross-version', distinct: string[]) => string,
  args: string[] = [],
  opts: { crossVersionSeverity?: Severity } = {},
): FindingDraft[] {
  // One page cannot disagree with itself (64% of the 2021 tree's comparable groups have one).
  if (group.variants.length < 2) return [];
  const vals: { v: OperationVariant; f: FieldValue }[] = [];
  for (const v of group.variants) {
    const f = valueOf(v);
    if (f) vals.push({ v, f });
  }
  const context = contextOf(vals.map((x) => ({ version: x.v.version, key: x.f.key })));
  if (!context) return [];
  const sides: Side[] = vals.map((x) => sideOf(x.v.doc, x.f.src, x.f.shown));
  const distinct = [...new Set(vals.map((x) => x.f.shown))];
  const severity = context === 'cross-version' && opts.crossVersionSeverity ? opts.crossVersionSeverity : severityFor(context, rule.severity);
  return [{ rule: rule.id, severity, context, subject: group.key, field, message: message(context, distinct), sides, args }];
}

export function versionsNote(ctx: 'variant' | 'cross-version' | 'same-page'): string {
  return ctx === 'variant' ? 'pages of the same version disagree' : ctx === 'same-page' ? 'one page gives it twice, and the two disagree' : 'differs between versions';
}

/**
 * A page whose request lines reach three or more different collections (`/users/{id}/messages`,
 * `/groups/{id}/events`, `/me/todo/lists`, …) documents something that applies to many resources
 * (open extensions, extended properties): its status, permissions and body are generic, not this
 * operation's.
 */
export function isMultiResourcePage(v: OperationVariant): boolean {
  return reachesManyCollections(v.doc);
}

/** The test of isMultiResourcePage, on a page. */
export function reachesManyCollections(doc: Pick<OperationVariant['doc'], 'operations'>): boolean {
  const ends = new Set<string>();
  for (const o of doc.operations) {
    const segs = o.path.split('?')[0]!.split('/').filter((x) => x && !x.startsWith('{') && !/[({]/.test(x));
    const last = segs[segs.length - 1];
    if (last) ends.add(last.toLowerCase());
  }
  return ends.size >= 3;
}

/**
 * A workload page in the strict sense: the model marks it (`workload`) and its permissions vary
 * by workload (Devices / MAM / Onboarding rows) or it is an Intune page (`intune-…`). The model's
 * file-name reading alone may also mark an ordinary page whose first word names no literal segment
 * of the path (isWorkloadPage), which documents the call itself.
 */
export function isWorkloadVariant(v: OperationVariant): boolean {
  if (!v.workload) return false;
  if (v.permissions?.entries.some((e) => e.state === 'varies' || e.workloads.length > 0)) return true;
  return /^intune[-_]/i.test(v.doc.file.split('/').pop() ?? '');
}

/** An Intune workload page's workload and the rest of its name (`…/intune-apps-deviceappmanagement-update.md` → apps, deviceappmanagement-update.md; lower-case). */
export function intuneWorkload(file: string): { workload: string; page: string } | undefined {
  const m = /^intune-([a-z0-9]+)-(.+)$/i.exec(file.slice(file.lastIndexOf('/') + 1));
  return m ? { workload: m[1]!.toLowerCase(), page: m[2]!.toLowerCase() } : undefined;
}

/**
 * The pages of an operation that document the same thing, in partitions that can be compared:
 * one partition per documented type (a derived type's page on its base type's path — `subtype` —
 * is compared with the same subtype's pages, not with the base's); within it, per version, pages
 * that reach the path without a query (`?$expand=…`, `?$filter=…` pages document another call),
 * that are not workload pages (an Intune workload page documents its slice of the resource) and,
 * beside other pages, not a multi-resource page (see isMultiResourcePage), nor a request line that names another operation
 * than the rest of its page (see stray-templates.ts) — or, when no page of a
 * version qualifies, that version's primary variant (else its first) alone.
 */
export function comparablePartitions(g: OperationGroup, opts: { workloadPages?: boolean } = {}): OperationVariant[][] {
  const parts = new Map<string, OperationVariant[]>();
  for (const v of g.variants) {
    // A request line naming another operation than the rest of its page (event-delta.md's `GET /groups/{id}/calendarView`)
    // documents no call of this one: template-names-other-operation reports it.
    if (isStrayTemplate(v.doc, v.operation)) continue;
    const k = v.subtype?.toLowerCase() ?? '';
    if (!parts.has(k)) parts.set(k, []);
    parts.get(k)!.push(v);
  }
  const out: OperationVariant[][] = [];
  for (const [, vsAll] of [...parts.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    const keep: OperationVariant[] = [];
    for (const version of [...new Set(vsAll.map((v) => v.version))]) {
      const vs = vsAll.filter((v) => v.version === version);
      const ok = vs.filter((v) => v.query === undefined && (opts.workloadPages || !isWorkloadVariant(v)) && !(vs.length > 1 && isMultiResourcePage(v)));
      keep.push(...(ok.length ? ok : [vs.find((v) => v.primary) ?? vs[0]!]));
    }
    out.push(vsAll.filter((v) => keep.includes(v)));
  }
  return out;
}

export function comparableVariants(g: OperationGroup): OperationVariant[] {
  return comparablePartitions(g).flat();
}

