/** Rendering a set of findings in any of the report formats. */
import { jsonInert } from './escape.js';
import type { Finding } from '../../checks/types.js';
import { RULES } from '../../checks/registry.js';
import { toJson } from '../../util/order.js';
import type { ReportData } from './report-data.js';
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
}

/** `reportDir`: the docs root as seen from the report's directory (for links). */
export function renderReport(format: Format, data: ReportData, reportDir: string, opts: RenderOptions = {}): string {
  switch (format) {
    case 'text': return textReport(data.findings, !!opts.color);
    case 'markdown': return markdownReport(data, reportDir, opts.title);
    case 'json': return toJson(data);
    case 'sarif': return jsonInert(toJson(sarifReport(data.findings, RULES, data.tool.version, { suppressed: opts.suppressed, pathPrefix: opts.pathPrefix, diagnostics: data.diagnostics })));
    case 'html': return htmlReport(data, opts.title);
    case 'github': return githubReport(data.findings, opts.pathPrefix);
    case 'junit': return junitReport(data.findings, opts.pathPrefix);
  }
}

export function withFindings(data: ReportData, findings: Finding[]): ReportData {
  const keep = new Set(findings.map((f) => f.fingerprint));
  const count = { error: 0, warning: 0, info: 0 };
  for (const f of findings) count[f.severity]++;
  return { ...data, findings, summary: { ...data.summary, findings: count }, groups: data.groups.map((g) => ({ ...g, findings: g.findings.filter((fp) => keep.has(fp)) })) };
}
