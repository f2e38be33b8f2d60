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
import { RunLookups, type RecordingReader } from './lookups/lookup.js';
import { RULES } from './registry.js';
import type { ApiModel, Document, OperationGroup } from '../model/schema.js';
import { isWholeTreeRule, withSnapshots, type DriftInput, type Finding, type FindingDraft, type FindingMemo, type LookupRead, type LookupReader, type ModelRule, type PageRule, type ReconcileInput, type Rule, type RuleMemos } from './types.js';

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
 * The findings of the model and page rules. With `memos`, a page rule's (and a page-unit rule's)
 * findings on a page the pages memo knows (same facts as when it recorded them) are taken from it,
 * and an operation-unit rule's on an operation group the operations memo knows — for a unit rule
 * with lookups, when the questions it asked there still have the same answers; the rule runs on the
 * other pages or groups only, and what it finds there is recorded with the questions it asked.
 */
export function reconcile(given: ReconcileInput, allRules: readonly Rule[] = RULES, budgets: RuleBudgets = {}, memos: RuleMemos = {}): Finding[] {
  // On a part of a docs tree, what it lacks is most likely left out: the rules reporting that are not run (tree-partial names them).
  const notRun = allRules.some(isWholeTreeRule) && partialTree(given) ? allRules.filter(isWholeTreeRule).map((r) => r.id).sort(compareStr) : undefined;
  const rules = notRun ? allRules.filter((r) => !isWholeTreeRule(r)) : allRules;
  const input: ReconcileInput = notRun ? { ...given, notRun } : given;
  // Rules that compare pages see only pages that document the same call (see comparablePartitions);
  // a rule about the operation as a whole (allVariants) sees every page.
  const lookups = new RunLookups(input);
  const units = new OperationUnits(input.model.operations);
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
    : r.unit === 'operation' ? runPerOperation(r, units, b.pageMs, memos.operations, lookups)
    : r.unit === 'page' ? runModelPageRule(r, input.pages, b.pageMs, memos.pages, lookups)
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
  constructor(readonly groups: readonly OperationGroup[]) {}
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
  input(r: ModelRule, g: OperationGroup, reader: RecordingReader | undefined): ReconcileInput {
    // One input per group and kind, shared by the rules of that kind; a rule with lookups has its own (its reader).
    const kind = `${r.allVariants ? 'all' : r.workloadPages ? 'workload' : 'plain'}${reader ? `|${r.id}` : ''}`;
    let m = this.inputs.get(kind);
    if (!m) this.inputs.set(kind, (m = new Map()));
    let input = m.get(g);
    if (!input) m.set(g, (input = unitInput(r.allVariants ? [g] : this.partitions(!!r.workloadPages, g), reader)));
    return input;
  }
}

/** A unit rule's reader of the lookups it declares, and how its memo entries are checked (none: a rule without lookups). */
interface Recording { reader: RecordingReader; holds: (reads: readonly LookupRead[]) => boolean }

function recording(r: ModelRule, lookups: RunLookups): Recording | undefined {
  if (!r.lookups?.length) return undefined;
  const reader = lookups.reader(r.lookups);
  return { reader, holds: lookups.holdsFor(reader) };
}

/**
 * What an operation-unit rule is given: a model of the one group's partitions. Whatever else it
 * reads — the model's documents, types, enums or diagnostics, the page list, the tree — throws:
 * the rule is then not an operation-unit rule, and it fails (a rule-failed finding naming it and
 * what it read) instead of finding from what it was not given.
 */
function unitInput(operations: OperationGroup[], lookups: RecordingReader | undefined): ReconcileInput {
  const refuse = refusal('operation');
  const model = Object.defineProperties({ operations }, {
    documents: refuse('model.documents'), types: refuse('model.types'), enums: refuse('model.enums'), diagnostics: refuse('model.diagnostics'),
  }) as unknown as ApiModel;
  return Object.defineProperties({ model, lookups: lookups ?? NO_LOOKUPS }, { pages: refuse('the page list'), tree: refuse('the tree'), notRun: refuse('the rules not run') }) as unknown as ReconcileInput;
}

/** The reader of a unit rule that declares no lookup: any question fails it, as reading the model does. */
const NO_LOOKUPS: LookupReader = { ask(l) { throw new Error(`a unit rule asks the lookup ${l.id}, which it does not declare (ModelRule.lookups)`); } };

/** What a page-unit model rule is given: its page (the list holds one) and its lookups' reader; the model, the tree and the rules not run throw. */
function pageUnitInput(page: Document, lookups: RecordingReader | undefined): ReconcileInput {
  const refuse = refusal('page');
  return Object.defineProperties({ pages: [page], lookups: lookups ?? NO_LOOKUPS }, { model: refuse('the model'), tree: refuse('the tree'), notRun: refuse('the rules not run') }) as unknown as ReconcileInput;
}

function refusal(unit: 'operation' | 'page'): (what: string) => PropertyDescriptor {
  return (what) => ({ get(): never { throw new Error(`a${unit === 'operation' ? 'n operation' : ' page'}-unit rule (unit: '${unit}') reads ${what}, which it is not given`); } });
}

/**
 * An operation-unit rule, group by group under the per-page budget (a group over it gives one
 * rule-timeout finding instead of the rule's findings on it); with a memo, by identity (see runPerUnit).
 */
function runPerOperation(r: ModelRule, units: OperationUnits, budgetMs: number, memo: FindingMemo | undefined, lookups: RunLookups): FindingDraft[] {
  const rec = recording(r, lookups);
  return runPerUnit(r.id, units.groups, (g) => g.identity, budgetMs, (g) => r.check(units.input(r, g, rec?.reader)), (g, ms) => timeoutFinding(r.id, ms, budgetMs, undefined, g.key), memo, rec);
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

/**
 * A page-unit model rule (unit: 'page'): given each page alone and the lookups it declares, its findings on a page the
 * memo knows (and whose recorded questions have the same answers) taken from it.
 */
function runModelPageRule(r: ModelRule, pages: Document[], budgetMs: number, memo: FindingMemo | undefined, lookups: RunLookups): FindingDraft[] {
  const rec = recording(r, lookups);
  return runPerPage(r.id, pages, budgetMs, (p) => r.check(pageUnitInput(p, rec?.reader)), memo, rec);
}

/** A page rule: given each page alone (nothing of the model or the tree), its findings on a page the memo knows taken from it. */
function runPageRule(r: PageRule, pages: Document[], budgetMs: number, memo: FindingMemo | undefined): FindingDraft[] {
  return runPerPage(r.id, pages, budgetMs, (p) => r.check({ pages: [p] }), memo);
}

/**
 * `check` page by page under the per-page budget: a page over it gives one rule-timeout finding
 * instead of its findings (see runPerUnit).
 */
function runPerPage(ruleId: string, pages: Document[], budgetMs: number, check: (p: Document) => FindingDraft[], memo?: FindingMemo, rec?: Recording): FindingDraft[] {
  return runPerUnit(ruleId, pages, (p) => p.file, budgetMs, check, (p, ms) => timeoutFinding(ruleId, ms, budgetMs, p.file), memo, rec);
}

/**
 * `check` unit by unit (pages, operation groups) under the budget: a unit over it gives the
 * `stopped` finding instead of its findings. With a memo, a unit it answers for (by `name`; for a
 * rule with lookups, `rec`, only when the questions the rule asked there still have the same
 * answers) is not checked, and each unit checked is recorded with the questions asked (one stopped
 * over its budget never is); drafts stay in unit order either way.
 */
function runPerUnit<U>(ruleId: string, units: readonly U[], name: (u: U) => string, budgetMs: number, check: (u: U) => FindingDraft[], stopped: (u: U, ms: number) => FindingDraft, memo?: FindingMemo, rec?: Recording): FindingDraft[] {
  const per: FindingDraft[][] = new Array(units.length);
  const todo: number[] = [];
  units.forEach((u, i) => {
    const hit = memo?.get(name(u), ruleId, rec?.holds);
    if (hit) per[i] = hit;
    else todo.push(i);
  });
  runUnits(todo.length, budgetMs, (k) => {
    const u = units[todo[k]!]!;
    // The questions are recorded only for a memo to keep (a run without one takes no digest of any answer).
    const reads: LookupRead[] | undefined = rec && memo ? [] : undefined;
    rec?.reader.recordInto(reads);
    let drafts: FindingDraft[];
    try { drafts = check(u); } finally { rec?.reader.recordInto(undefined); }
    memo?.set(name(u), ruleId, drafts, reads);
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
