/**
 * Metadata findings as findings of a check — the one place a `MetadataFinding` becomes a
 * `Finding` (context `metadata`): the page's side first (the file to fix), then the metadata
 * side (its file, the element and its line). A finding only the metadata has (an undocumented
 * type) has the metadata side alone. Rule settings, suppressions, the baseline, grouping and
 * every report format then treat them as any other finding.
 *
 * The fingerprint adds the version to the metadata command's (rule, subject, field, arguments):
 * the same undocumented type in v1.0 and in beta are two findings of one check. Like every
 * fingerprint it holds no path.
 */
import type { ApiVersion } from '../../model/schema.js';
import { fingerprint } from '../fingerprint.js';
import type { Finding, Side } from '../types.js';
import type { MetadataReport } from './run.js';

export function metadataToFindings(report: MetadataReport): Finding[] {
  const version = report.version as ApiVersion;
  return report.findings.map((m) => {
    const sides: Side[] = [];
    if (m.docs) sides.push({ file: m.docs.file, line: m.docs.line, column: m.docs.column, version, value: m.docs.value });
    if (m.metadata) sides.push({ file: m.metadata.file, line: m.metadata.line, column: 1, version, value: `${m.metadata.element} = ${m.metadata.value}`, element: m.metadata.element });
    const f: Finding = {
      rule: m.rule, severity: m.severity, context: 'metadata', subject: m.subject, field: m.field, message: m.message, sides,
      fingerprint: fingerprint(m.rule, m.subject, m.field, [version, m.fingerprint]), confidence: 'medium',
    };
    if (m.policy) f.policy = m.policy;
    return f;
  });
}
