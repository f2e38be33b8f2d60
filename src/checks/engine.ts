/**
 * Runs the rules and finishes their findings: fingerprints, a stable order, and a rule that
 * throws becomes an error finding of its own instead of stopping the run.
 */
import type { Severity } from '../model/schema.js';
import { compareStr } from '../util/order.js';
import { comparableModel } from './compare.js';
import { fingerprint } from './fingerprint.js';
import { RULES } from './registry.js';
import type { DriftInput, Finding, FindingDraft, ReconcileInput, Rule } from './types.js';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function finish(rule: Rule, d: FindingDraft): Finding {
  const { args, instances, ...rest } = d;
  const f: Finding = { ...rest, severity: d.severity ?? rule.severity, fingerprint: fingerprint(d.rule, d.subject, d.field, args ?? []) };
  f.confidence = rule.confidence ?? 'medium';
  if (instances?.length) f.instances = instances.map((x) => finish(rule, x));
  return f;
}

export function sortFindings(fs: Finding[]): Finding[] {
  return fs.sort((a, b) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareStr(a.subject, b.subject) || compareStr(a.rule, b.rule) ||
    compareStr(a.field, b.field) || compareStr(a.sides[0]?.file ?? '', b.sides[0]?.file ?? '') || (a.sides[0]?.line ?? 0) - (b.sides[0]?.line ?? 0) ||
    compareStr(a.fingerprint, b.fingerprint));
}

function runAll<I>(rules: Rule[], input: I, run: (r: Rule, i: I) => FindingDraft[]): Finding[] {
  const out: Finding[] = [];
  for (const r of rules) {
    let drafts: FindingDraft[];
    try {
      drafts = run(r, input);
    } catch (e) {
      drafts = [{ rule: 'rule-failed', severity: 'error', context: 'tree', subject: r.id, field: 'rule', message: `Rule ${r.id} failed: ${e instanceof Error ? e.message : String(e)}`, sides: [] }];
    }
    for (const d of drafts) out.push(finish(r, d));
  }
  // The same finding twice (e.g. two rules agreeing) is kept once.
  const seen = new Set<string>();
  return sortFindings(out.filter((f) => (seen.has(f.fingerprint) ? false : (seen.add(f.fingerprint), true))));
}

/** Time one rule may spend on one page (ms). Synchronous code cannot be stopped: the rule's findings for a page over it are replaced by a `rule-timeout` finding. */
export const RULE_BUDGET_MS = 10_000;

export function reconcile(input: ReconcileInput, rules: readonly Rule[] = RULES, budgetMs = RULE_BUDGET_MS): Finding[] {
  // Rules that compare pages see only pages that document the same call (see comparablePartitions);
  // a rule about the operation as a whole (allVariants) sees every page.
  const comparable = { ...input, model: comparableModel(input.model) };
  let withWorkloads: ReconcileInput | undefined;
  const inputFor = (r: Rule): ReconcileInput => {
    if (r.input !== 'model' || r.allVariants) return input;
    if (!r.workloadPages) return comparable;
    return (withWorkloads ??= { ...input, model: comparableModel(input.model, { workloadPages: true }) });
  };
  return runAll(rules.filter((r) => r.input === 'model'), input, (r) => (r.input === 'model' ? runBudgeted(r, inputFor(r), budgetMs) : []));
}

/**
 * A rule that only looks at one page at a time (contexts: page) runs page by page, each timed:
 * a page over the budget gets one `rule-timeout` finding for that rule instead of its findings,
 * and every other page keeps its own. Other rules run whole; one over the budget keeps its
 * findings and adds a `rule-timeout` finding naming the time it took.
 */
function runBudgeted(r: Extract<Rule, { input: 'model' }>, input: ReconcileInput, budgetMs: number): FindingDraft[] {
  const timeout = (subject: string, field: string, ms: number, file?: string): FindingDraft => ({
    rule: 'rule-timeout', severity: 'warning', context: file ? 'page' : 'tree', subject, field,
    message: `Rule ${r.id} took ${Math.round(ms)} ms on ${file ?? 'the tree'}, over its ${budgetMs} ms budget${file ? '; its findings there are not reported' : ''}`,
    sides: file ? [{ file, line: 1, column: 1, version: null, value: r.id }] : [],
  });
  if (r.contexts.length !== 1 || r.contexts[0] !== 'page') {
    const t = performance.now();
    const out = r.check(input);
    const ms = performance.now() - t;
    return ms > budgetMs ? [...out, timeout(r.id, 'rule', ms)] : out;
  }
  const out: FindingDraft[] = [];
  for (const p of input.pages) {
    const t = performance.now();
    const drafts = r.check({ ...input, pages: [p] });
    const ms = performance.now() - t;
    if (ms > budgetMs) out.push(timeout(p.file, r.id, ms, p.file));
    else for (const d of drafts) out.push(d);
  }
  return out;
}

export function drift(input: DriftInput, rules: readonly Rule[] = RULES): Finding[] {
  return runAll(rules.filter((r) => r.input === 'drift'), input, (r, i) => (r.input === 'drift' ? r.check(i) : []));
}

export function countBySeverity(fs: { severity: Severity }[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of fs) c[f.severity]++;
  return c;
}
