/**
 * The labelled precision set: findings sampled from real corpus runs, each with a verdict written
 * after reading every side. Shared by `npm run precision` (matching labels to current findings)
 * and the sampler that drew the set.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { rng } from '../src/util/rng.js';
import { WHOLE_TREE_RULES } from '../src/checks/registry.js';
export { rng };

export type Verdict = 'real' | 'misdescribed' | 'false';

export interface LabelSide {
  file: string; line: number; value: string;
  /** Drift: the snapshot the side is in (`2020-05` or `2021-07`). */
  tree?: string;
}

export type LabelSet = 'reconcile-2021' | 'drift-2020-2021' | EraSet | MetadataSet;

/**
 * `docmodel metadata` on the 2020-05 docs tree against the service's 2020-05 CSDL and scope catalogue of one version:
 * label set → the version and the prefix of its label ids. A side on the metadata is named by the file's base name
 * (`v1.0.csdl.xml:1834`), whatever path the report was run with.
 */
export const METADATA_SETS = {
  'metadata-v1.0': { version: 'v1.0', prefix: 'v', csdl: 'v1.0.csdl.xml', scopes: 'permission-scopes-v1.0.xml' },
  'metadata-beta': { version: 'beta', prefix: 'b', csdl: 'beta.csdl.xml', scopes: 'permission-scopes-beta.xml' },
} as const;
export type MetadataSet = keyof typeof METADATA_SETS;
export const isMetadataSet = (set: string): set is MetadataSet => set in METADATA_SETS;

/**
 * The checks of other eras: label set → the tree its check runs on (a corpus snapshot, or with `fixture` a folder of
 * this repository), the prefix of its label ids and the option of `npm run precision` that gives its report. The two
 * fixture trees are pages no rule was written from — current pages (2022–26) of microsoft-graph-docs-contrib and
 * pages of 2016–19, copied for the extraction hand-check (test/fixtures/contrib, test/fixtures/era-2016-19) — and their
 * checks are labelled whole (a census), so that a rule's precision is also measured on pages it was never tuned on.
 */
export const ERA_SETS = {
  'reconcile-2020': { tree: '2020-05', prefix: 'o', option: '--check-2020' },
  'reconcile-modern': { tree: 'modern-sample', prefix: 'm', option: '--check-modern' },
  'reconcile-contrib': { tree: 'contrib 2022–26', prefix: 'c', option: '--check-contrib', fixture: 'test/fixtures/contrib' },
  'reconcile-2016-19': { tree: '2016–19 pages', prefix: 'e', option: '--check-2016', fixture: 'test/fixtures/era-2016-19' },
} as const satisfies Record<string, { tree: string; prefix: string; option: string; fixture?: string }>;
export type EraSet = keyof typeof ERA_SETS;
export const isEraSet = (set: string): set is EraSet => set in ERA_SETS;

/** The stratum of a reported item in a uniform draw (precision-sample --uniform, and its table): its severity, or for drift whether it is breaking. */
export function uniformStratum(f: { severity: string; breaking?: boolean }, set: string): string {
  return set === 'drift-2020-2021' ? (f.breaking ? 'breaking' : 'not breaking') : f.severity;
}

/**
 * Rules whose claim is about the whole tree (a link's target, a resource's page, a type's page): the modern sample is not
 * a whole tree (see ../shared/corpus/README.md); since session 18 the check itself does not run them on such a tree
 * (tree-partial), and labels drawn before that are not sampled there.
 */
export const TREE_LEVEL_RULES = new Set<string>(WHOLE_TREE_RULES);

export interface Label {
  /** Stable id of the label (set + index at sampling time). */
  id: string;
  /**
   * `reconcile-2021` (check on the 2021-07 tree), `drift-2020-2021` (drift 2020-05 → 2021-07), or a check on
   * another era, labelled on its own (ERA_SETS): `reconcile-2020` (the 2020-05 tree), `reconcile-modern` (the modern
   * sample), `reconcile-contrib` and `reconcile-2016-19` (the fixture trees of current and 2016–19 pages).
   */
  set: LabelSet;
  rule: string;
  severity: string;
  breaking?: boolean;
  subject: string;
  field: string;
  fingerprint: string;
  message: string;
  sides: LabelSide[];
  verdict: Verdict | null;
  reason: string;
}

/** A finding as the JSON report writes it (paths may be absolute or docs-root relative). */
export interface ReportFinding {
  rule: string; severity: string; subject: string; field: string; message: string; fingerprint: string; breaking?: boolean;
  /** `snapshot`: a drift side's tree (`old` 2020-05, `new` 2021-07), as the report says since session 29. */
  sides: { file: string; line: number; value: string; snapshot?: 'old' | 'new' }[];
  /** Grouped findings: every instance the group stands for. */
  instances?: ReportFinding[];
}

/** `…/api-reference/beta/api/x.md` → `beta/api/x.md`; a path without the marker is kept. */
export function relPath(p: string): string {
  const m = /(?:^|\/)api-reference\/(.*)$/.exec(p.replace(/\\/g, '/'));
  return m ? m[1]! : p.replace(/\\/g, '/');
}

/** The snapshot a corpus path is in (`graph-docs-2020-05/...` → `2020-05`). */
export function treeOf(p: string): string | undefined {
  return /graph-docs-(\d{4}-\d{2})\//.exec(p)?.[1];
}

export function relText(s: string): string {
  return s.replace(/\S*\/api-reference\//g, '');
}

export function sideKey(sides: { file: string; line: number }[]): string {
  return sides.map((s) => `${relPath(s.file)}:${s.line}`).sort().join(' ');
}

/**
 * The labels in a JSONL file, or in every `*.jsonl` file of a folder, in name order (test/precision/labels/ keeps one file
 * per label set, a set that outgrows the repository's 2 MB a file split by id: reconcile-2021-r0000/-r1000,
 * drift-2020-2021-d0000/-d1000).
 */
export function readLabels(path: string): Label[] {
  const files = statSync(path).isDirectory() ? readdirSync(path).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(path, f)) : [path];
  return files.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Label));
}


/** The reported items of a JSON report (a grouped finding is one item, its instances inside). */
export function reportItems(file: string): ReportFinding[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { findings: ReportFinding[] }).findings;
}

/** A finding as `docmodel metadata -f json` writes it: a docs side and a metadata side, either may be absent. */
interface MetadataReportFinding {
  rule: string; severity: string; subject: string; field: string; message: string; fingerprint: string; policy?: string;
  docs?: { file: string; line: number; value: string };
  metadata?: { file: string; line: number; element: string; value: string };
}

/**
 * The findings of a `docmodel metadata` JSON report as report findings: the docs side (docs-root relative) first, then
 * the metadata side, its file by base name and its value `element = value` (as the check's own JSON writes it).
 */
export function metadataItems(file: string): ReportFinding[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { findings: MetadataReportFinding[] };
  return report.findings.map((f) => ({
    rule: f.rule, severity: f.severity, subject: f.subject, field: f.field, message: f.message, fingerprint: f.fingerprint,
    sides: [
      ...(f.docs ? [{ file: relPath(f.docs.file), line: f.docs.line, value: f.docs.value }] : []),
      ...(f.metadata ? [{ file: basename(f.metadata.file), line: f.metadata.line, value: `${f.metadata.element} = ${f.metadata.value}` }] : []),
    ],
  }));
}

/** Reported items with grouped findings flattened into their instances (each keeps the group's rule and severity). */
export function flattenItems(items: ReportFinding[]): ReportFinding[] {
  return items.flatMap((f) => (f.instances?.length ? [f, ...f.instances.map((i) => ({ ...i, rule: i.rule ?? f.rule, severity: i.severity ?? f.severity, breaking: i.breaking ?? f.breaking }))] : [f]));
}

/** Every finding of a JSON report, grouped findings flattened into their instances. */
export function reportFindings(file: string): ReportFinding[] {
  return flattenItems(reportItems(file));
}

/** The items no label of the set matches — an item is labelled when it, or any finding it groups, matches one. */
export function unlabelledItems(items: ReportFinding[], labels: Label[], set: Label['set']): ReportFinding[] {
  const idx = new FindingIndex(flattenItems(items));
  const matched = new Set<string>();
  for (const l of labels) if (l.set === set) { const m = idx.match(l); if (m) matched.add(m.fingerprint); }
  return items.filter((f) => ![f, ...(f.instances ?? [])].some((g) => matched.has(g.fingerprint)));
}

/** Current findings indexed the three ways a label can match one: fingerprint, rule + side file:lines, rule + subject + field. */
export class FindingIndex {
  private byFp = new Map<string, ReportFinding>();
  private bySides = new Map<string, ReportFinding>();
  private bySubject = new Map<string, ReportFinding>();
  constructor(list: ReportFinding[]) {
    for (const f of list) {
      if (!this.byFp.has(f.fingerprint)) this.byFp.set(f.fingerprint, f);
      const s = `${f.rule}|${sideKey(f.sides)}`;
      if (!this.bySides.has(s)) this.bySides.set(s, f);
      const t = `${f.rule}|${relText(f.subject)}|${f.field}`;
      if (!this.bySubject.has(t)) this.bySubject.set(t, f);
    }
  }
  /**
   * A finding matched by fingerprint or by subject must still share a page with the label: a
   * group's fingerprint and subject come from the rule and the shape of its message (see
   * checks/group.ts), so a labelled group that is gone would otherwise match another group of
   * the same shape on other pages and lend it the label's verdict.
   */
  match(l: Pick<Label, 'fingerprint' | 'rule' | 'sides' | 'subject' | 'field'>): ReportFinding | undefined {
    const files = new Set(l.sides.map((s) => relPath(s.file)));
    const samePages = (f: ReportFinding | undefined) => (f && (!files.size || f.sides.some((s) => files.has(relPath(s.file)))) ? f : undefined);
    return samePages(this.byFp.get(l.fingerprint)) ?? this.bySides.get(`${l.rule}|${sideKey(l.sides)}`) ?? samePages(this.bySubject.get(`${l.rule}|${l.subject}|${l.field}`));
  }
}
