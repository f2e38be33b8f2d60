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

export const FORMATS = ['text', 'markdown', 'json', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export function renderReport(format: Format, data: ReportData, reportDir: string, opts: { color?: boolean; title?: string } = {}): string {
  switch (format) {
    case 'text': return textReport(data.findings, !!opts.color);
    case 'markdown': return markdownReport(data, reportDir, opts.title);
    case 'json': return toJson(data);
    case 'sarif': return jsonInert(toJson(sarifReport(data.findings, RULES, data.tool.version, data.diagnostics)));
    case 'html': return htmlReport(data, opts.title);
  }
}

export function withFindings(data: ReportData, findings: Finding[]): ReportData {
  const keep = new Set(findings.map((f) => f.fingerprint));
  const count = { error: 0, warning: 0, info: 0 };
  for (const f of findings) count[f.severity]++;
  return { ...data, findings, summary: { ...data.summary, findings: count }, groups: data.groups.map((g) => ({ ...g, findings: g.findings.filter((fp) => keep.has(fp)) })) };
}
