/**
 * Suppressions and baselines.
 *
 * A suppressions file (JSON) lists entries `{ rule, fingerprint? , selector?: { subject?, field?,
 * file? }, reason, expires? }`: a finding of that rule matching the fingerprint or every given
 * selector field is suppressed. `reason` is required; an entry past its `expires` date no longer
 * applies and is itself reported (`suppression-expired`). A page's own annotation comment
 * (`"type": "#page.annotation"`) can list rule ids under `suppressions`; findings of those rules
 * whose first side is that page are suppressed. Suppressed findings are kept aside (SARIF lists
 * them with a `suppressions` entry). A baseline is a previous JSON report, a SARIF log, or a file
 * written by `--update-baseline`: findings whose fingerprint it holds are left out (only new
 * findings remain).
 */
import { readFileSync } from 'node:fs';
import type { Document, Severity } from '../model/schema.js';
import type { Finding } from './types.js';
import { fingerprint } from './fingerprint.js';
import { groupFingerprint } from './group.js';
import { ALL_RULES } from './registry.js';

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
  return validateSuppressions(list, path);
}

const ENTRY_KEYS = new Set(['rule', 'fingerprint', 'selector', 'reason', 'expires']);
const SELECTOR_KEYS = new Set(['subject', 'field', 'file']);

/** Check suppression entries (from a file or a config file's "suppressions"); `path` names where they came from. */
export function validateSuppressions(list: unknown[], path: string): Suppression[] {
  return list.map((s, i) => {
    const e = s as Partial<Suppression>;
    const where = `${path}: suppression ${i + 1}`;
    if (!e || typeof e.rule !== 'string') throw new SuppressionError(`${where}: "rule" is required`);
    if (!ALL_RULES.some((r) => r.id === e.rule)) throw new SuppressionError(`${where}: unknown rule ${JSON.stringify(e.rule)}`);
    if (typeof e.reason !== 'string' || e.reason.trim() === '') throw new SuppressionError(`${where}: "reason" is required`);
    // A key misspelled would be dropped, and the entry then match more than meant (a selector with no known key: every finding of the rule).
    const unknown = Object.keys(e).filter((k) => !ENTRY_KEYS.has(k));
    if (unknown.length) throw new SuppressionError(`${where}: unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k)).join(', ')} (an entry has ${[...ENTRY_KEYS].join(', ')})`);
    if (!e.fingerprint && !e.selector) throw new SuppressionError(`${where}: give a "fingerprint" or a "selector"`);
    if (e.fingerprint !== undefined && typeof e.fingerprint !== 'string') throw new SuppressionError(`${where}: "fingerprint" is not a string`);
    if (e.selector !== undefined) {
      if (!e.selector || typeof e.selector !== 'object' || Array.isArray(e.selector)) throw new SuppressionError(`${where}: "selector" is not an object`);
      const keys = Object.keys(e.selector);
      const bad = keys.filter((k) => !SELECTOR_KEYS.has(k));
      if (bad.length) throw new SuppressionError(`${where}: unknown selector key${bad.length > 1 ? 's' : ''} ${bad.map((k) => JSON.stringify(k)).join(', ')} (a selector has ${[...SELECTOR_KEYS].join(', ')})`);
      if (!keys.length) throw new SuppressionError(`${where}: the selector is empty, so it would silence every finding of ${e.rule}; name a subject, field or file (to turn the rule off, set it to "off" under "rules" in the config)`);
      for (const k of keys) if (typeof (e.selector as Record<string, unknown>)[k] !== 'string') throw new SuppressionError(`${where}: selector "${k}" is not a string`);
    }
    if (e.expires !== undefined && (typeof e.expires !== 'string' || isNaN(Date.parse(e.expires)))) throw new SuppressionError(`${where}: "expires" is not a date (YYYY-MM-DD)`);
    return e as Suppression;
  });
}

function matches(s: Suppression, f: Finding): boolean {
  if (s.rule !== f.rule) return false;
  // The finding's own fingerprint, or the one the reports show for the findings of its shape merged (groupFindings).
  if (s.fingerprint) return s.fingerprint === f.fingerprint || s.fingerprint === groupFingerprint(f);
  const sel = s.selector ?? {};
  if (sel.subject !== undefined && sel.subject !== f.subject) return false;
  if (sel.field !== undefined && sel.field !== f.field) return false;
  if (sel.file !== undefined && !f.sides.some((x) => x.file === sel.file || x.file.endsWith('/' + sel.file))) return false;
  return true;
}

/** A finding a suppression silenced, with why (SARIF: `suppressions[].kind` and `justification`). */
export interface SuppressedFinding extends Finding {
  suppression: { kind: 'external' | 'inSource'; justification: string };
}

export interface SuppressionResult {
  findings: Finding[];
  suppressed: number;
  /** The findings suppressed, in input order. */
  suppressedFindings: SuppressedFinding[];
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
    for (const entry of list) for (const r of ALL_RULES) if (typeof entry === 'string' && new RegExp(`(^|[^a-z-])${r.id}([^a-z-]|$)`).test(entry)) ids.add(r.id);
    if (ids.size) pageRules.set(p.file, ids);
  }
  const kept: Finding[] = [];
  const suppressedFindings: SuppressedFinding[] = [];
  /** Why a finding is suppressed (the page's annotation comment, or a suppressions entry), or undefined. */
  const suppressionOf = (f: Finding): SuppressedFinding['suppression'] | undefined => {
    const page = f.sides[0] ? pageRules.get(f.sides[0].file) : undefined;
    if (page?.has(f.rule)) return { kind: 'inSource', justification: `suppressed by the page's annotation comment (${f.sides[0]!.file})` };
    const s = active.find((x) => matches(x, f));
    return s ? { kind: 'external', justification: s.reason } : undefined;
  };
  for (const f of findings) {
    const whole = suppressionOf(f);
    if (whole) { suppressedFindings.push({ ...f, suppression: whole }); continue; }
    if (f.instances?.length) {
      // A finding that stands for several keeps the instances not suppressed one by one.
      const rest: Finding[] = [];
      for (const x of f.instances) {
        const s = suppressionOf(x);
        if (s) suppressedFindings.push({ ...x, suppression: s }); else rest.push(x);
      }
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
  // Counted per finding: a grouped finding suppressed as a whole counts each of its instances.
  return { findings: kept, suppressed: suppressedFindings.reduce((n, f) => n + (f.instances?.length || 1), 0), suppressedFindings };
}

/** The SARIF `partialFingerprints` key docmodel writes and reads back. */
export const SARIF_FINGERPRINT_KEY = 'docmodel/v1';

/**
 * Fingerprints held by a baseline: a JSON report (reconciliation.json, `check --format json`),
 * a file written by `--update-baseline` (same shape), or a SARIF log (`partialFingerprints`;
 * results that carry `suppressions` are not in the baseline — they are suppressed anyway).
 */
/**
 * A baseline: each fingerprint it holds, with the most severe severity it had there (undefined: said by no severity —
 * a set of fingerprints given to the library, or a baseline file written before severities were kept).
 */
export type Baseline = ReadonlyMap<string, Severity | undefined>;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
/** SARIF's levels as severities (`note` and `none` are info). */
const FROM_LEVEL: Record<string, Severity> = { error: 'error', warning: 'warning', note: 'info', none: 'info' };

/** A set of fingerprints as a baseline that holds each at any severity. */
export function asBaseline(b: ReadonlySet<string> | Baseline): Baseline {
  return b instanceof Map ? b : new Map([...(b as ReadonlySet<string>)].map((x) => [x, undefined]));
}

function addTo(out: Map<string, Severity | undefined>, fp: unknown, sev: Severity | undefined): void {
  if (typeof fp !== 'string') return;
  const had = out.get(fp);
  // The most severe wins; a fingerprint said once without a severity holds at any.
  if (!out.has(fp)) out.set(fp, sev);
  else if (had !== undefined && (sev === undefined || SEVERITY_RANK[sev] > SEVERITY_RANK[had])) out.set(fp, sev);
}

const severityOf = (x: unknown): Severity | undefined => (typeof x === 'string' && x in SEVERITY_RANK ? x as Severity : undefined);

export function loadBaseline(path: string): Map<string, Severity | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SuppressionError(`cannot read baseline ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const out = new Map<string, Severity | undefined>();
  const runs = (raw as { runs?: unknown })?.runs;
  if (Array.isArray(runs)) {
    for (const run of runs) {
      // A merged result's instances (properties.instances) and the findings with no place in a page (tree-level: run notifications).
      for (const r of (run as { results?: unknown[] })?.results ?? []) {
        const level = (r as { level?: unknown })?.level;
        const sev = typeof level === 'string' ? FROM_LEVEL[level] : undefined;
        addTo(out, (r as { partialFingerprints?: Record<string, unknown> })?.partialFingerprints?.[SARIF_FINGERPRINT_KEY], sev);
        const inst = (r as { properties?: { instances?: unknown } })?.properties?.instances;
        if (Array.isArray(inst)) for (const x of inst) addTo(out, x, sev);
      }
      for (const inv of (run as { invocations?: unknown[] })?.invocations ?? []) {
        for (const n of (inv as { toolExecutionNotifications?: unknown[] })?.toolExecutionNotifications ?? []) {
          const level = (n as { level?: unknown })?.level;
          addTo(out, (n as { properties?: { fingerprint?: unknown } })?.properties?.fingerprint, typeof level === 'string' ? FROM_LEVEL[level] : undefined);
        }
      }
    }
    return out;
  }
  const list = (raw as { findings?: unknown })?.findings;
  if (!Array.isArray(list)) throw new SuppressionError(`${path}: neither a docmodel JSON report (no "findings" array) nor a SARIF log (no "runs")`);
  for (const f of list) {
    const sev = severityOf((f as { severity?: unknown }).severity);
    addTo(out, (f as { fingerprint?: unknown }).fingerprint, sev);
    const inst = (f as { instances?: unknown }).instances;
    if (Array.isArray(inst)) for (const x of inst) addTo(out, (x as { fingerprint?: unknown }).fingerprint, severityOf((x as { severity?: unknown }).severity) ?? sev);
  }
  return out;
}

/**
 * The findings the baseline does not hold. A finding is held when its fingerprint is there at its severity or a more
 * severe one: a difference the baseline knew as info that is now a warning (a same-version conflict where the baseline had a
 * version difference: the fingerprint names the rule, subject and field, not the context) is reported.
 */
export function applyBaseline(findings: Finding[], given: Baseline | ReadonlySet<string>): Finding[] {
  const baseline = asBaseline(given);
  const holds = (f: Finding) => {
    if (!baseline.has(f.fingerprint)) return false;
    const sev = baseline.get(f.fingerprint);
    return sev === undefined || SEVERITY_RANK[f.severity] <= SEVERITY_RANK[sev];
  };
  const out: Finding[] = [];
  for (const f of findings) {
    if (holds(f)) continue;
    if (!f.instances?.length) { out.push(f); continue; }
    const rest = f.instances.filter((x) => !holds(x));
    if (rest.length) out.push(rest.length === f.instances.length ? f : { ...f, instances: rest });
  }
  return out;
}

/**
 * The baseline `--update-baseline` writes: every current finding's fingerprint with enough to
 * read it (rule, first file, subject, message), sorted by fingerprint so it diffs well. Findings
 * gone since the last baseline are pruned by construction.
 */
export function baselineFile(findings: Finding[], toolVersion: string): object {
  const list = [...new Map(findings.map((f) => [f.fingerprint, f])).values()]
    .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0))
    .map((f) => ({ fingerprint: f.fingerprint, rule: f.rule, severity: f.severity, file: f.sides[0]?.file ?? null, subject: f.subject, message: f.message }));
  return { docmodelBaseline: 1, tool: { name: 'docmodel', version: toolVersion }, findings: list };
}
