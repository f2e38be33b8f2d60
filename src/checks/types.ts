/** Findings, rules and their contexts. */
import type { ApiVersion, Document, Severity, Src } from '../model/schema.js';
import type { ApiModel } from '../model/types.js';

/**
 * Where a rule looks: within one page; across the pages of one operation or type in the same
 * version (variants) or in different versions; across the files of a tree; between two
 * snapshots (drift).
 */
export type RuleContext = 'page' | 'variant' | 'cross-version' | 'tree' | 'drift';

export interface Side {
  file: string;
  line: number;
  column: number;
  version: ApiVersion | null;
  /** This side's value of the field, as text. */
  value: string;
  /** Page title, when it helps tell sides apart. */
  title?: string;
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
}

export type FindingDraft = Omit<Finding, 'fingerprint' | 'severity'> & {
  severity?: Severity;
  /** Extra identity for the fingerprint (e.g. property name). */
  args?: string[];
};

export interface TreeInfo {
  /** Does a file exist at this absolute path, inside the input roots? undefined when unknown (outside every root). */
  exists(abs: string): boolean | undefined;
  /** Absolute path of a page by display path. */
  absOf(file: string): string | undefined;
}

export interface ReconcileInput {
  model: ApiModel;
  pages: Document[];
  tree: TreeInfo;
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
  check(input: ReconcileInput): FindingDraft[];
}

export interface DriftRule extends RuleBase {
  input: 'drift';
  check(input: DriftInput): FindingDraft[];
}

export type Rule = ModelRule | DriftRule;

export function sideOf(page: Document, src: Src, value: string): Side {
  const s: Side = { file: src.file, line: src.line, column: src.column, version: page.apiVersion.value, value };
  const title = page.title.h1?.value ?? page.title.frontMatter?.value;
  if (title) s.title = title;
  return s;
}
