/**
 * Comparing one field across the pages of an operation group: one finding per field whose
 * pages disagree, with every page as a side. Severity in context: when two pages of the same
 * version disagree it is the rule's severity (context `variant`); when only pages of different
 * versions disagree it is `info` (context `cross-version`, usually expected).
 */
import type { Severity, Src } from '../model/schema.js';
import type { OperationGroup, OperationVariant } from '../model/types.js';
import { sideOf, type FindingDraft, type Side } from './types.js';

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
  message: (ctx: 'variant' | 'cross-version', distinct: string[]) => string, args: string[] = [],
  opts: { crossVersionSeverity?: Severity } = {},
): FindingDraft[] {
  const context = contextOf(values.map((x) => ({ version: x.version, key: x.key })));
  if (!context) return [];
  const severity = context === 'cross-version' && opts.crossVersionSeverity ? opts.crossVersionSeverity : severityFor(context, rule.severity);
  const distinct = [...new Set(values.map((x) => x.shown))];
  return [{ rule: rule.id, severity, context, subject, field, message: message(context, distinct), sides: values.map((x) => sideOf(x.page, x.src, x.shown)), args }];
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

export function versionsNote(ctx: 'variant' | 'cross-version'): string {
  return ctx === 'variant' ? 'pages of the same version disagree' : 'differs between versions';
}
