/** Findings, rules and their contexts. */
import type { ApiVersion, Document, Severity, Src } from '../model/schema.js';
import type { ApiModel } from '../model/types.js';

/**
 * Where a rule looks: within one page; across the pages of one operation or type in the same
 * version (variants) or in different versions; across the files of a tree; between two
 * snapshots (drift); between the docs and the service's own metadata (metadata).
 */
export type RuleContext = 'page' | 'variant' | 'cross-version' | 'tree' | 'drift' | 'metadata';

export interface Side {
  file: string;
  line: number;
  column: number;
  version: ApiVersion | null;
  /** This side's value of the field, as text. */
  value: string;
  /** Page title, when it helps tell sides apart. */
  title?: string;
  /**
   * A service-metadata side (context `metadata`): the metadata element (`EntityType
   * microsoft.graph.user/Property otherMails`). Its file is the metadata file (relative to the
   * docs root like every path, so it may start with `../`), not a page.
   */
  element?: string;
  /**
   * A drift side: the snapshot whose page it is (`old` or `new`; each snapshot is its own docs root, so the file alone
   * does not say which tree to open).
   */
  snapshot?: 'old' | 'new';
}

export interface Finding {
  rule: string;
  severity: Severity;
  context: RuleContext;
  /** Operation key, type name, or file the finding is about. */
  subject: string;
  /** The field compared, e.g. `permissions.application`. */
  field: string;
  message: string;
  /** Every side, the one to fix first. */
  sides: Side[];
  /** Stable id from rule, subject, field and arguments — never from the message. */
  fingerprint: string;
  /** Breaking change (drift only). */
  breaking?: boolean;
  /**
   * One finding per root cause: the findings this one stands for (the same difference on many
   * pages, or the properties of one page pair), each with its own fingerprint.
   */
  instances?: Finding[];
  /** Pages the finding (with its instances) touches, sorted. */
  pages?: string[];
  /** How far a reader can trust the rule (declared per rule). */
  confidence?: Confidence;
  /** Where the finding belongs: the first side's front matter `ms.prod`, else its folder. */
  area?: string;
  /** The first side's front matter `author`. */
  author?: string;
  /** Metadata findings: the documented policy that classifies the finding (`enum-as-string`, …; see README). */
  policy?: string;
}

/** high: reads a fact the page states outright; medium: compares pages the model relates; low: a heuristic reading of prose. */
export type Confidence = 'high' | 'medium' | 'low';

export type FindingDraft = Omit<Finding, 'fingerprint' | 'severity' | 'instances'> & {
  instances?: FindingDraft[];
  severity?: Severity;
  /** Extra identity for the fingerprint (e.g. property name). */
  args?: string[];
};

export interface TreeInfo {
  /** Does a file exist at this absolute path, inside the input roots, in any letter case (the docs site resolves links case-insensitively)? undefined when unknown (outside every root). */
  exists(abs: string): boolean | undefined;
  /**
   * Does a file exist at this absolute path outside the input roots (as spelled)? A folder checked on its own links to
   * the pages of its sibling folders this way (tree-links.ts). Absent: not asked.
   */
  outside?(abs: string): boolean;
  /** Absolute path of a page by display path. */
  absOf(file: string): string | undefined;
  /**
   * Whether the tree is a whole docs tree: `whole` (told so: --whole-tree), `partial` (a run over the whole of it found it
   * partial, and this one looks at some of its pages), or unset — measured from the links between the pages (tree-links.ts).
   */
  completeness?: 'whole' | 'partial';
}

export interface ReconcileInput {
  model: ApiModel;
  pages: Document[];
  tree: TreeInfo;
  /** Set by the engine on a partial tree: the ids of the whole-tree rules it did not run (sorted). */
  notRun?: readonly string[];
  /**
   * Set by the engine for a unit rule (ModelRule.unit): what answers the lookups it declares (ModelRule.lookups) and
   * records each question it asks. Ask with `ask` (src/checks/lookups/lookup.ts).
   */
  lookups?: LookupReader;
}

/**
 * A question about the whole model that a unit rule asks beyond its unit — is this permission one a v1.0 page lists,
 * what does type X document in version V — answered for one key at a time, as plain data: strings, numbers, booleans,
 * arrays, Sets, Maps and plain objects of them, never a page or a model object (its digest would stand for every fact of
 * it). The engine builds the answerer once per run from the whole input; while a rule checks a unit it records each
 * question asked and the digest of its answer (src/checks/lookups/digest.ts), and keeps them with the unit's findings: a
 * rebuild takes a unit's findings from the last run only when the unit is as it was and every recorded question still
 * has the same answer.
 */
export interface Lookup<A> {
  /** kebab-case, unique among lookups. */
  id: string;
  /** The answerer, from the whole input (the model, the page list). */
  build(input: ReconcileInput): (key: string) => A;
}

/** What a unit rule asks its lookups through (the engine's records the questions; see Lookup). */
export interface LookupReader {
  ask<A>(l: Lookup<A>, key: string): A;
}

export interface DriftInput {
  old: ApiModel;
  new: ApiModel;
}

interface RuleBase {
  /** kebab-case, stable. */
  id: string;
  /** Default severity; context may lower it (see each rule). */
  severity: Severity;
  /** How often the rule's findings are real (see Confidence); orders findings after severity. Default medium. */
  confidence?: Confidence;
  contexts: RuleContext[];
  /** One line. */
  summary: string;
  /** One paragraph. */
  description: string;
  example: { before: string; after: string };
  /** The example as docs trees (path → page): `before` makes the rule fire, `after` does not. Run by test/rule-examples.test.ts. */
  fixture?: { before: Record<string, string>; after: Record<string, string> };
}

export interface ModelRule extends RuleBase {
  input: 'model';
  /** The rule is about an operation as a whole (does beta have it at all?): it sees every page, not only the comparable ones. */
  allVariants?: boolean;
  /** The rule compares workload pages with each other (their per-workload rows): workload pages stay among the comparable ones. */
  workloadPages?: boolean;
  /**
   * `operation`: the rule's findings about an operation come from that operation's group alone — its key, path, aliases,
   * primary pages and its variants with their pages — and from nothing else of the model, the page list or the tree.
   * The engine then gives it one group at a time (a model whose other members throw when read: a rule that reads
   * them fails, and its tests with it) and takes a group's findings from the last run when the group is as it was
   * (see RuleMemos.operations). `page`: for a rule whose only context is `page`, the same of one page — it is given
   * the page alone (as a page rule is) and the lookups it declares, and a page's findings are the last run's when the
   * page and the answers to the rule's questions are as they were (RuleMemos.pages).
   */
  unit?: 'operation' | 'page';
  /**
   * For a unit rule: the whole-model questions it asks beyond its unit (see Lookup), each with `ask(input, L, key)`.
   * Asking one it does not declare fails the rule, as reading the model does.
   */
  lookups?: readonly Lookup<unknown>[];
  /**
   * The rule reports what the tree lacks (a link's target, a page, a counterpart): on a tree that is only part of a
   * docs tree each such claim would be about a page left out, so the engine does not run it there and `tree-partial`
   * says so once (see tree-links.ts).
   */
  wholeTree?: boolean;
  check(input: ReconcileInput): FindingDraft[];
}

/** What a page rule is given: one page (the list holds one), nothing of the model or the tree. */
export interface PageRuleInput {
  pages: Document[];
}

/**
 * A rule whose findings on a page come from that page alone. It is given the page and nothing
 * else, so its findings are a function of the page's facts: a rebuild takes them, for every page
 * whose IR is the last run's, from the last run (see RuleMemos) and runs the rule only on the
 * pages that changed.
 */
export interface PageRule extends RuleBase {
  input: 'page';
  contexts: ['page'];
  check(input: PageRuleInput): FindingDraft[];
}

/**
 * Rules' drafts from the last run, by unit (a page's path, an operation's identity) and rule: `get`
 * answers only for a unit whose facts are the same as when `set` recorded them (a digest of them).
 */
export interface FindingMemo {
  /** `holds`: whether the questions the rule asked on the unit then (see Lookup) still have those answers. */
  get(unit: string, ruleId: string, holds?: (reads: readonly LookupRead[]) => boolean): FindingDraft[] | undefined;
  set(unit: string, ruleId: string, drafts: FindingDraft[], reads?: readonly LookupRead[]): void;
}

/** A question a unit rule asked: the lookup's id, the key, and the digest of the answer. */
export type LookupRead = readonly [lookup: string, key: string, digest: string];

/** The memos `reconcile` uses: page rules' findings by page, operation-unit rules' (ModelRule.unit) by operation group. */
export interface RuleMemos {
  pages?: FindingMemo;
  operations?: FindingMemo;
}

export interface DriftRule extends RuleBase {
  input: 'drift';
  check(input: DriftInput): FindingDraft[];
}

export type Rule = ModelRule | PageRule | DriftRule;

/** Does the rule report what the tree lacks (ModelRule.wholeTree): not run on a part of a docs tree? */
export function isWholeTreeRule(r: Pick<Rule, 'input'> & { wholeTree?: boolean }): boolean {
  return r.input === 'model' && r.wholeTree === true;
}

/** What reports, `docmodel rules`/`explain` and the config need to know of any rule (reconciliation, drift or metadata). */
export type RuleDescriptor = Pick<RuleBase, 'id' | 'severity' | 'confidence' | 'contexts' | 'summary' | 'description' | 'example'>;

/** While drift rules run (withSnapshots): the snapshot of each page of the two models. */
let snapshotOf: WeakMap<Document, 'old' | 'new'> | undefined;

/** Run `fn` (the drift rules) so that every side made of a page of `old` or `nu` says which snapshot it is in. */
export function withSnapshots<T>(old: readonly Document[], nu: readonly Document[], fn: () => T): T {
  const previous = snapshotOf;
  snapshotOf = new WeakMap([...old.map((d) => [d, 'old'] as const), ...nu.map((d) => [d, 'new'] as const)]);
  try { return fn(); } finally { snapshotOf = previous; }
}

export function sideOf(page: Document, src: Src, value: string): Side {
  const s: Side = { file: src.file, line: src.line, column: src.column, version: page.apiVersion.value, value };
  const title = page.title.h1?.value ?? page.title.frontMatter?.value;
  if (title) s.title = title;
  const snapshot = snapshotOf?.get(page);
  if (snapshot) s.snapshot = snapshot;
  return s;
}

/** How a report writes a side's qualifiers after its location: " (v1.0)", " (beta, old)" — the version and, for drift, the snapshot. */
export function sideTag(s: Pick<Side, 'version' | 'snapshot'>): string {
  const parts = [s.version, s.snapshot].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
