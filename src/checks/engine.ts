/**
 * Runs the rules and finishes their findings: fingerprints, a stable order, and a rule that
 * throws becomes an error finding of its own instead of stopping the run.
 */
import type { Severity } from '../model/schema.js';
import { runUnits, withDeadline } from '../util/deadline.js';
import { compareStr } from '../util/order.js';
import { comparablePartitions } from './compare.js';
import { fingerprint } from './fingerprint.js';
import { partialTree } from './tree-links.js';
import { RunLookups } from './lookups/lookup.js';
import { RULES } from './registry.js';
import type { ApiModel, Document, OperationGroup } from '../model/schema.js';
import { isWholeTreeRule, withSnapshots, type DriftInput, type Finding, type FindingDraft, type FindingMemo, type ModelRule, type PageRule, type ReconcileInput, type Rule, type RuleMemos } from './types.js';

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

/** Time one rule may spend on one page (ms) before it is stopped (at most twice this; see `runUnits`). */
export const RULE_BUDGET_MS = 10_000;
/** Time a rule that looks at the whole model (variants, versions, tree, drift) may spend before it is stopped. */
export const TREE_RULE_BUDGET_MS = 120_000;

export interface RuleBudgets {
  /** Per page, for rules whose only context is `page`. */
  pageMs?: number;
  /** Per rule, for every other rule. */
  treeMs?: number;
}

/**
 * The findings of the model and page rules. With `memos`, a page rule's findings on a page the
 * pages memo knows (same facts as when it recorded them) are taken from it, and an operation-unit
 * rule's on an operation group the operations memo knows; the rule runs on the other pages or
 * groups only, and what it finds there is recorded.
 */
export function reconcile(given: ReconcileInput, allRules: readonly Rule[] = RULES, budgets: RuleBudgets = {}, memos: RuleMemos = {}): Finding[] {
  // On a part of a docs tree, what it lacks is most likely left out: the rules reporting that are not run (tree-partial names them).
  const notRun = allRules.some(isWholeTreeRule) && partialTree(given) ? allRules.filter(isWholeTreeRule).map((r) => r.id).sort(compareStr) : undefined;
  const rules = notRun ? allRules.filter((r) => !isWholeTreeRule(r)) : allRules;
  const input: ReconcileInput = notRun ? { ...given, notRun } : given;
  // Rules that compare pages see only pages that document the same call (see comparablePartitions);
  // a rule about the operation as a whole (allVariants) sees every page.
  const units = new OperationUnits(input.model.operations, new RunLookups(input));
  let comparable: ReconcileInput | undefined;
  let withWorkloads: ReconcileInput | undefined;
  const inputFor = (r: Rule): ReconcileInput => {
    if (r.input !== 'model' || r.allVariants) return input;
    if (!r.workloadPages) return (comparable ??= { ...input, model: { ...input.model, operations: units.operations(false) } });
    return (withWorkloads ??= { ...input, model: { ...input.model, operations: units.operations(true) } });
  };
  const b = { pageMs: budgets.pageMs ?? RULE_BUDGET_MS, treeMs: budgets.treeMs ?? TREE_RULE_BUDGET_MS };
  return runAll(rules.filter((r) => r.input !== 'drift'), input, (r) =>
    r.input === 'page' ? runPageRule(r, input.pages, b.pageMs, memos.pages)
    : r.input !== 'model' ? []
    : r.unit === 'operation' ? runPerOperation(r, units, b.pageMs, memos.operations)
    : runBudgeted(r, inputFor(r), b));
}

/**
 * The groups of the model as the rules that compare pages see them: each group's comparable partitions as groups
 * (comparablePartitions), made once per group and kind (with workload pages or not) and shared by every rule — the
 * whole-model rules get them all (`operations`), an operation-unit rule one group's (`input`).
 */
class OperationUnits {
  private parts = new Map<boolean, Map<OperationGroup, OperationGroup[]>>();
  private inputs = new Map<string, Map<OperationGroup, ReconcileInput>>();
  /** `lookups`: this run's, built from the whole input (a rule's lookups are given with its group). */
  constructor(readonly groups: readonly OperationGroup[], readonly lookups: RunLookups) {}
  /** The group's comparable partitions, each as a group of its own. */
  partitions(workloadPages: boolean, g: OperationGroup): OperationGroup[] {
    let m = this.parts.get(workloadPages);
    if (!m) this.parts.set(workloadPages, (m = new Map()));
    let p = m.get(g);
    if (!p) m.set(g, (p = comparablePartitions(g, { workloadPages }).map((variants) => ({ ...g, variants }))));
    return p;
  }
  /** Every group's partitions, in model order: the model's operations as a rule comparing pages sees them. */
  operations(workloadPages: boolean): OperationGroup[] {
    return this.groups.flatMap((g) => this.partitions(workloadPages, g));
  }
  /** The input `r` is given for group `g`: its partitions, or the group whole for a rule about every variant (see unitInput). */
  input(r: ModelRule, g: OperationGroup): ReconcileInput {
    const ls = r.lookups ?? [];
    const kind = `${r.allVariants ? 'all' : r.workloadPages ? 'workload' : 'plain'}|${ls.map((l) => l.id).join(',')}`;
    let m = this.inputs.get(kind);
    if (!m) this.inputs.set(kind, (m = new Map()));
    let input = m.get(g);
    if (!input) m.set(g, (input = unitInput(r.allVariants ? [g] : this.partitions(!!r.workloadPages, g), this.lookups.valuesOf(ls))));
    return input;
  }
  /**
   * The name of `r`'s findings in the memo: its id, and for a rule with lookups the digest of their values too — a
   * group's findings are taken from the last run only when the group and what the rule looked up are as they were.
   */
  memoId(r: ModelRule): string {
    return r.lookups?.length ? `${r.id}#${this.lookups.digestOf(r.lookups)}` : r.id;
  }
}

/**
 * What an operation-unit rule is given: a model of the one group's partitions. Whatever else it
 * reads — the model's documents, types, enums or diagnostics, the page list, the tree — throws:
 * the rule is then not an operation-unit rule, and it fails (a rule-failed finding naming it and
 * what it read) instead of finding from what it was not given.
 */
function unitInput(operations: OperationGroup[], lookups: ReadonlyMap<string, unknown>): ReconcileInput {
  const refuse = (what: string) => ({ get(): never { throw new Error(`an operation-unit rule (unit: 'operation') reads ${what}, which it is not given`); } });
  const model = Object.defineProperties({ operations }, {
    documents: refuse('model.documents'), types: refuse('model.types'), enums: refuse('model.enums'), diagnostics: refuse('model.diagnostics'),
  }) as unknown as ApiModel;
  return Object.defineProperties({ model, lookups }, { pages: refuse('the page list'), tree: refuse('the tree'), notRun: refuse('the rules not run') }) as unknown as ReconcileInput;
}

/**
 * An operation-unit rule, group by group under the per-page budget (a group over it gives one
 * rule-timeout finding instead of the rule's findings on it); with a memo, by identity (see runPerUnit).
 */
function runPerOperation(r: ModelRule, units: OperationUnits, budgetMs: number, memo: FindingMemo | undefined): FindingDraft[] {
  return runPerUnit(memo ? units.memoId(r) : r.id, units.groups, (g) => g.identity, budgetMs, (g) => r.check(units.input(r, g)), (g, ms) => timeoutFinding(r.id, ms, budgetMs, undefined, g.key), memo);
}

/** `file`: the page the rule was stopped on; `operation`: the operation (key); neither: the tree. */
function timeoutFinding(ruleId: string, ms: number, budgetMs: number, file?: string, operation?: string): FindingDraft {
  const on = file ?? operation;
  return {
    rule: 'rule-timeout', severity: 'warning', context: file ? 'page' : 'tree', subject: on ?? ruleId, field: on ? ruleId : 'rule',
    message: `Rule ${ruleId} was stopped after ${Math.round(ms)} ms on ${file ?? (operation ? `operation ${operation}` : 'the tree')}, over its ${budgetMs} ms budget; its findings ${file ? 'on that page ' : operation ? 'on that operation ' : ''}are not reported`,
    sides: file ? [{ file, line: 1, column: 1, version: null, value: ruleId }] : [],
  };
}

/**
 * Every rule runs under a hard time limit (`withDeadline`: the rule is stopped, not only timed).
 * A rule that only looks at one page at a time (contexts: page) runs page by page: a page over
 * the budget gets one `rule-timeout` finding for that rule instead of its findings, and the rule
 * goes on with the next page. Any other rule is one unit: over its budget, it yields one
 * `rule-timeout` finding and none of its own; every other rule runs as usual.
 */
function runBudgeted(r: Extract<Rule, { input: 'model' }>, input: ReconcileInput, b: Required<RuleBudgets>): FindingDraft[] {
  if (r.contexts.length !== 1 || r.contexts[0] !== 'page') return runWhole(r.id, () => r.check(input), b.treeMs);
  return runPerPage(r.id, input.pages, b.pageMs, (p) => r.check({ ...input, pages: [p] }));
}

/** A page rule: given each page alone (nothing of the model or the tree), its findings on a page the memo knows taken from it. */
function runPageRule(r: PageRule, pages: Document[], budgetMs: number, memo: FindingMemo | undefined): FindingDraft[] {
  return runPerPage(r.id, pages, budgetMs, (p) => r.check({ pages: [p] }), memo);
}

/**
 * `check` page by page under the per-page budget: a page over it gives one rule-timeout finding
 * instead of its findings (see runPerUnit).
 */
function runPerPage(ruleId: string, pages: Document[], budgetMs: number, check: (p: Document) => FindingDraft[], memo?: FindingMemo): FindingDraft[] {
  return runPerUnit(ruleId, pages, (p) => p.file, budgetMs, check, (p, ms) => timeoutFinding(ruleId, ms, budgetMs, p.file), memo);
}

/**
 * `check` unit by unit (pages, operation groups) under the budget: a unit over it gives the
 * `stopped` finding instead of its findings. With a memo, a unit it answers for (by `name`, and the
 * rule by `ruleId`: its id, with the digest of its lookups for an operation-unit rule that has some) is not
 * checked, each unit checked is recorded (one stopped over its budget never is); drafts stay in
 * unit order either way.
 */
function runPerUnit<U>(ruleId: string, units: readonly U[], name: (u: U) => string, budgetMs: number, check: (u: U) => FindingDraft[], stopped: (u: U, ms: number) => FindingDraft, memo?: FindingMemo): FindingDraft[] {
  const per: FindingDraft[][] = new Array(units.length);
  const todo: number[] = [];
  units.forEach((u, i) => {
    const hit = memo?.get(name(u), ruleId);
    if (hit) per[i] = hit;
    else todo.push(i);
  });
  runUnits(todo.length, budgetMs, (k) => {
    const u = units[todo[k]!]!;
    const drafts = check(u);
    memo?.set(name(u), ruleId, drafts);
    per[todo[k]!] = drafts;
  }, (k, ms) => { per[todo[k]!] = [stopped(units[todo[k]!]!, ms)]; });
  return per.flat();
}

function runWhole(ruleId: string, run: () => FindingDraft[], budgetMs: number): FindingDraft[] {
  const t = performance.now();
  const r = withDeadline(run, budgetMs);
  return r.done ? r.value : [timeoutFinding(ruleId, performance.now() - t, budgetMs)];
}

export function drift(input: DriftInput, rules: readonly Rule[] = RULES, budgets: RuleBudgets = {}): Finding[] {
  const treeMs = budgets.treeMs ?? TREE_RULE_BUDGET_MS;
  // Every side a drift rule makes of a page says which snapshot the page is in (Side.snapshot). The input is not trusted
  // to hold both models: a rule that throws on what it lacks becomes a rule-failed finding, not a failed run.
  return withSnapshots(input.old?.documents ?? [], input.new?.documents ?? [], () =>
    runAll(rules.filter((r) => r.input === 'drift'), input, (r, i) => (r.input === 'drift' ? runWhole(r.id, () => r.check(i), treeMs) : [])));
}

export function countBySeverity(fs: { severity: Severity }[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of fs) c[f.severity]++;
  return c;
}
