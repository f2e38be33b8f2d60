/**
 * The readable report: counts by severity; per operation documented by several pages a
 * side-by-side table of each field's value per page and its findings with file:line links to
 * every side; then page and tree findings; then extraction diagnostics.
 */
import type { Finding } from '../../checks/types.js';
import type { ReportData } from './report-data.js';
import { fileLink, md } from './escape.js';

function shortName(file: string): string {
  return file.split('/').pop()!;
}

/** Sides listed per finding in Markdown (the JSON report has them all). */
const MAX_SIDES = 12;

function findingLines(f: Finding, dir: string): string[] {
  const out = [`- **${f.severity}** \`${f.rule}\` (${f.context}) — ${md(f.message)} <sub>fingerprint ${f.fingerprint}</sub>`];
  if (f.sides.length > MAX_SIDES) out.push(`  - (${f.sides.length} sides; the first ${MAX_SIDES} are listed, reconciliation.json has all)`);
  for (const s of f.sides.slice(0, MAX_SIDES)) {
    out.push(`  - [${md(s.file)}:${s.line}](${fileLink(dir, s.file, s.line)})${s.version ? ` (${s.version})` : ''}: ${md(s.value) || '—'}`);
  }
  return out;
}

/** Findings in order; a rule with more than COMPACT findings in one group becomes one table. */
const COMPACT = 5;

function groupedFindings(fs: Finding[], dir: string): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of fs) {
    if (!byRule.has(f.rule)) byRule.set(f.rule, []);
    byRule.get(f.rule)!.push(f);
  }
  const out: string[] = [];
  for (const f of fs) {
    const same = byRule.get(f.rule)!;
    if (same.length <= COMPACT) { out.push(...findingLines(f, dir)); continue; }
    if (same[0] !== f) continue;
    out.push(`- \`${f.rule}\`: ${same.length} findings (${[...new Set(same.map((x) => x.severity))].join(', ')}; ${[...new Set(same.map((x) => x.context))].join(', ')}), one per ${md(same[0]!.field.split('.')[0]!)} field:`, '');
    const files = [...new Set(same.flatMap((x) => x.sides.map((s) => s.file)))].sort();
    out.push(`  | field | severity | ${files.map((x) => md(x.split('/').pop()!)).join(' | ')} | fingerprint |`, `  |---|---|${files.map(() => '---').join('|')}|---|`);
    for (const x of same) {
      const cells = files.map((file) => {
        const s = x.sides.find((y) => y.file === file);
        return s ? `[${md(s.value) || '—'}](${fileLink(dir, s.file, s.line)})` : '';
      });
      out.push(`  | ${md(x.field)} | ${x.severity} | ${cells.join(' | ')} | ${x.fingerprint} |`);
    }
    out.push('');
  }
  out.push('');
  return out;
}

export function markdownReport(d: ReportData, reportDir: string, title = 'Reconciliation report'): string {
  const L: string[] = [];
  const s = d.summary;
  L.push(`# ${md(title)}`, '');
  L.push(`${s.pages} pages, ${s.operations} operations, ${s.types} types, ${s.enums} enums.`, '');
  L.push('| | error | warning | info |', '|---|---:|---:|---:|');
  L.push(`| findings | ${s.findings.error} | ${s.findings.warning} | ${s.findings.info} |`);
  L.push(`| page diagnostics | ${s.diagnostics.error} | ${s.diagnostics.warning} | ${s.diagnostics.info} |`, '');
  L.push('Severity in context: a difference between pages of the same version is a conflict (error or warning, context `variant`); the same difference only between beta and v1.0 is usually expected and reported as info (context `cross-version`).', '');
  const byFingerprint = new Map(d.findings.map((f) => [f.fingerprint, f]));
  const inGroups = new Set(d.groups.flatMap((g) => g.findings));
  if (d.groups.length) {
    L.push('## Operations documented by more than one page', '');
    for (const g of d.groups) {
      L.push(`### ${md(g.key)}`, '');
      const head = g.pages.map((p) => `[${md(shortName(p.file))}](${fileLink(reportDir, p.file, p.line)}) (${p.version ?? '?'})`);
      L.push(`| field | ${head.join(' | ')} |`, `|---|${g.pages.map(() => '---').join('|')}|`);
      for (const f of g.fields) {
        const differs = new Set(f.values.filter((v) => v !== '')).size > 1;
        L.push(`| ${differs ? '**' + md(f.field) + '** ≠' : md(f.field)} | ${f.values.map((v) => md(v) || '—').join(' | ')} |`);
      }
      L.push('');
      if (g.bodyProperties.length) {
        L.push('<details><summary>Request-body properties per page</summary>', '');
        L.push(`| property | ${g.pages.map((p) => md(shortName(p.file))).join(' | ')} |`, `|---|${g.pages.map(() => '---').join('|')}|`);
        for (const b of g.bodyProperties) L.push(`| ${md(b.name)} | ${b.values.map((v) => md(v) || '—').join(' | ')} |`);
        L.push('', '</details>', '');
      }
      const gf = g.findings.map((fp) => byFingerprint.get(fp)!).filter(Boolean);
      if (gf.length) {
        L.push(`#### Findings (${gf.length})`, '');
        L.push(...groupedFindings(gf, reportDir));
      }
    }
  }
  const bySubject = new Map<string, Finding[]>();
  for (const f of d.findings.filter((x) => !inGroups.has(x.fingerprint))) {
    if (!bySubject.has(f.subject)) bySubject.set(f.subject, []);
    bySubject.get(f.subject)!.push(f);
  }
  if (bySubject.size) {
    L.push('## Other findings (within pages and across the tree)', '');
    for (const subject of [...bySubject.keys()].sort()) {
      L.push(`### ${md(subject)}`, '');
      for (const f of bySubject.get(subject)!) L.push(...findingLines(f, reportDir));
      L.push('');
    }
  }
  if (d.diagnostics.length) {
    L.push('## Extraction diagnostics', '', '| where | severity | rule | message |', '|---|---|---|---|');
    for (const x of d.diagnostics) L.push(`| [${md(x.src.file)}:${x.src.line}](${fileLink(reportDir, x.src.file, x.src.line)}) | ${x.severity} | \`${x.rule}\` | ${md(x.message)} |`);
    L.push('');
  }
  return L.join('\n');
}
