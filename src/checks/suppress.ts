/**
 * Suppressions and baselines.
 *
 * A suppressions file (JSON) lists entries `{ rule, fingerprint? , selector?: { subject?, field?,
 * file? }, reason, expires? }`: a finding of that rule matching the fingerprint or every given
 * selector field is suppressed. `reason` is required; an entry past its `expires` date no longer
 * applies and is itself reported (`suppression-expired`). A page's own annotation comment
 * (`"type": "#page.annotation"`) can list rule ids under `suppressions`; findings of those rules
 * whose first side is that page are suppressed. A baseline is a previous JSON report: findings
 * whose fingerprint it holds are left out (only new findings remain).
 */
import { readFileSync } from 'node:fs';
import type { Document } from '../model/schema.js';
import type { Finding } from './types.js';
import { fingerprint } from './fingerprint.js';
import { RULES } from './registry.js';

export interface Suppression {
  rule: string;
  fingerprint?: string;
  selector?: { subject?: string; field?: string; file?: string };
  reason: string;
  expires?: string;
}

export class SuppressionError extends Error {}

export function loadSuppressions(path: string): Suppression[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SuppressionError(`cannot read suppressions file ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const list = Array.isArray(raw) ? raw : (raw as { suppressions?: unknown })?.suppressions;
  if (!Array.isArray(list)) throw new SuppressionError(`${path}: expected an array of suppressions or { "suppressions": [...] }`);
  return list.map((s, i) => {
    const e = s as Partial<Suppression>;
    const where = `${path}: suppression ${i + 1}`;
    if (!e || typeof e.rule !== 'string') throw new SuppressionError(`${where}: "rule" is required`);
    if (!RULES.some((r) => r.id === e.rule)) throw new SuppressionError(`${where}: unknown rule ${JSON.stringify(e.rule)}`);
    if (typeof e.reason !== 'string' || e.reason.trim() === '') throw new SuppressionError(`${where}: "reason" is required`);
    if (!e.fingerprint && !e.selector) throw new SuppressionError(`${where}: give a "fingerprint" or a "selector"`);
    if (e.expires !== undefined && (typeof e.expires !== 'string' || isNaN(Date.parse(e.expires)))) throw new SuppressionError(`${where}: "expires" is not a date (YYYY-MM-DD)`);
    return e as Suppression;
  });
}

function matches(s: Suppression, f: Finding): boolean {
  if (s.rule !== f.rule) return false;
  if (s.fingerprint) return s.fingerprint === f.fingerprint;
  const sel = s.selector ?? {};
  if (sel.subject !== undefined && sel.subject !== f.subject) return false;
  if (sel.field !== undefined && sel.field !== f.field) return false;
  if (sel.file !== undefined && !f.sides.some((x) => x.file === sel.file || x.file.endsWith('/' + sel.file))) return false;
  return true;
}

export interface SuppressionResult {
  findings: Finding[];
  suppressed: number;
}

/** Today as YYYY-MM-DD (DOCMODEL_TODAY overrides it, for tests). */
export function today(): string {
  return process.env.DOCMODEL_TODAY ?? new Date().toISOString().slice(0, 10);
}

export function applySuppressions(findings: Finding[], suppressions: Suppression[], pages: Document[], now = today()): SuppressionResult {
  const active = suppressions.filter((s) => !s.expires || s.expires >= now);
  const expired = suppressions.filter((s) => s.expires && s.expires < now);
  const pageRules = new Map<string, Set<string>>();
  for (const p of pages) {
    const list = p.pageAnnotation?.fields.suppressions;
    if (!Array.isArray(list)) continue;
    const ids = new Set<string>();
    for (const entry of list) for (const r of RULES) if (typeof entry === 'string' && new RegExp(`(^|[^a-z-])${r.id}([^a-z-]|$)`).test(entry)) ids.add(r.id);
    if (ids.size) pageRules.set(p.file, ids);
  }
  const kept: Finding[] = [];
  let suppressed = 0;
  const isSuppressed = (f: Finding): boolean => {
    const page = f.sides[0] ? pageRules.get(f.sides[0].file) : undefined;
    return !!page?.has(f.rule) || active.some((s) => matches(s, f));
  };
  for (const f of findings) {
    if (isSuppressed(f)) { suppressed += f.instances?.length || 1; continue; }
    if (f.instances?.length) {
      // A finding that stands for several keeps the instances not suppressed one by one.
      const rest = f.instances.filter((x) => !isSuppressed(x));
      suppressed += f.instances.length - rest.length;
      if (!rest.length) continue;
      kept.push(rest.length === f.instances.length ? f : { ...f, instances: rest });
      continue;
    }
    kept.push(f);
  }
  for (const s of expired) {
    kept.push({
      rule: 'suppression-expired', severity: 'warning', context: 'tree', subject: s.rule, field: s.fingerprint ?? JSON.stringify(s.selector),
      message: `A suppression of ${s.rule} expired on ${s.expires} (reason given: ${s.reason}); its findings are reported again`,
      sides: [], fingerprint: fingerprint('suppression-expired', s.rule, s.fingerprint ?? JSON.stringify(s.selector)),
    });
  }
  return { findings: kept, suppressed };
}

/** Fingerprints held by a previous JSON report (reconciliation.json, or `check --format json`). */
export function loadBaseline(path: string): Set<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SuppressionError(`cannot read baseline ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const list = (raw as { findings?: unknown })?.findings;
  if (!Array.isArray(list)) throw new SuppressionError(`${path}: not a docmodel JSON report (no "findings" array)`);
  const all = list.flatMap((f) => [f, ...(Array.isArray((f as { instances?: unknown }).instances) ? (f as { instances: unknown[] }).instances : [])]);
  return new Set(all.map((f) => (f as { fingerprint?: unknown }).fingerprint).filter((x): x is string => typeof x === 'string'));
}

export function applyBaseline(findings: Finding[], baseline: Set<string>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (baseline.has(f.fingerprint)) continue;
    if (!f.instances?.length) { out.push(f); continue; }
    const rest = f.instances.filter((x) => !baseline.has(x.fingerprint));
    if (rest.length) out.push(rest.length === f.instances.length ? f : { ...f, instances: rest });
  }
  return out;
}
