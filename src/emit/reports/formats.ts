/** Rendering a set of findings in any of the report formats. */
import { jsonInert } from './escape.js';
import type { Finding } from '../../checks/types.js';
import { ALL_RULES } from '../../checks/registry.js';
import { toJson } from '../../util/order.js';
import { summarize, type ReportData } from './report-data.js';
import { isQuietByDefault } from '../../checks/route.js';
import { markdownReport } from './markdown.js';
import { sarifReport } from './sarif.js';
import { textReport } from './text.js';
import { htmlReport } from './html.js';
import { githubReport } from './github.js';
import { junitReport } from './junit.js';
import type { SuppressedFinding } from '../../checks/suppress.js';

/** Every report format, one module each (`--format`, config `reports[].format`). */
export const FORMATS = ['text', 'markdown', 'json', 'sarif', 'html', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export interface RenderOptions {
  color?: boolean;
  title?: string;
  /** Suppressed findings (SARIF lists them with a `suppressions` entry). */
  suppressed?: SuppressedFinding[];
  /** Prepended to paths in sarif, github and junit (the docs root's path in the repository). */
  pathPrefix?: string;
  /** Human formats (text, markdown, html) include cross-version info findings and every operation table. */
  all?: boolean;
  /** Only findings of these areas (every format). */
  areas?: string[];
  /** Text and Markdown: group findings by area instead of the default. */
  groupBy?: 'area';
  /**
   * Drift: the old snapshot's docs root as seen from the report's directory. A side of the old
   * snapshot (side.snapshot 'old') has a path relative to that root, not to the new one: Markdown
   * and HTML link it there; SARIF gives it the uriBaseId OLD_SNAPSHOT, GitHub and JUnit name it
   * without the path prefix (which is the new root's place in the repository).
   */
  oldReportDir?: string;
  /** Drift: prepended to the old snapshot's paths in github and junit, as pathPrefix to the new one's. */
  oldPathPrefix?: string;
}

const HUMAN: readonly Format[] = ['text', 'markdown', 'html'];

/** What one format shows: the area filter for every format; cross-version info findings only in JSON/SARIF unless --all (`hidden` counts those). */
export function viewFor(format: Format, data: ReportData, opts: RenderOptions = {}): { data: ReportData; hidden: number } {
  let fs = data.findings;
  if (opts.areas?.length) fs = fs.filter((f) => opts.areas!.includes(f.area ?? ''));
  const before = fs.length;
  if (HUMAN.includes(format) && !opts.all) fs = fs.filter((f) => !isQuietByDefault(f));
  return { data: fs.length === data.findings.length ? data : withFindings(data, fs), hidden: before - fs.length };
}

/** `reportDir`: the docs root as seen from the report's directory (for links). */
export function renderReport(format: Format, data: ReportData, reportDir: string, opts: RenderOptions = {}): string {
  const { data: d, hidden } = viewFor(format, data, opts);
  switch (format) {
    case 'text': return textReport(d.findings, !!opts.color, { groupBy: opts.groupBy, hidden, unread: d.diagnostics.filter((x) => x.severity === 'error') });
    case 'markdown': return markdownReport(d, reportDir, opts.title, { all: !!opts.all, groupBy: opts.groupBy, hidden, oldReportDir: opts.oldReportDir });
    case 'json': return toJson(d);
    case 'sarif': return jsonInert(toJson(sarifReport(d.findings, ALL_RULES, d.tool.version, { suppressed: opts.suppressed, pathPrefix: opts.pathPrefix, diagnostics: d.diagnostics })));
    case 'html': return htmlReport(d, opts.title, { hidden, reportDir, all: !!opts.all, oldReportDir: opts.oldReportDir, unread: d.diagnostics.filter((x) => x.severity === 'error') });
    case 'github': return githubReport(d.findings, opts.pathPrefix, opts.oldPathPrefix, d.diagnostics.filter((x) => x.severity === 'error'));
    case 'junit': return junitReport(d.findings, opts.pathPrefix, undefined, opts.oldPathPrefix, d.diagnostics.filter((x) => x.severity === 'error'));
  }
}

export function withFindings(data: ReportData, findings: Finding[]): ReportData {
  const keep = new Set(findings.map((f) => f.fingerprint));
  return { ...data, findings, summary: { ...data.summary, ...summarize(findings) }, groups: data.groups.map((g) => ({ ...g, findings: g.findings.filter((fp) => keep.has(fp)) })) };
}
