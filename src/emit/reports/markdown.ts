/**
 * The readable report: counts by severity; per operation documented by several pages a
 * side-by-side table of each field's value per page and its findings with file:line links to
 * every side; then page and tree findings; then extraction diagnostics.
 */
import { sideTag, type Finding } from '../../checks/types.js';
import type { ReportData } from './report-data.js';
import { fileLink, md } from './escape.js';

function shortName(file: string): string {
  return file.split('/').pop()!;
}

/** Sides listed per finding in Markdown (the JSON report has them all). */
const MAX_SIDES = 12;

/** Anchor id of an operation table (also used by the HTML report's deep links). */
export function opAnchor(key: string): string {
  return 'op-' + key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Pages listed for a finding that stands for several. */
const MAX_PAGES = 20;

function itemLines(f: Finding, dir: string, tables: Set<string>, oldDir = dir): string[] {
  const tags = [f.breaking ? '**breaking**' : '', `\`${f.rule}\``, `${f.context}`, f.confidence ? `confidence ${f.confidence}` : '', f.area ? `area ${md(f.area)}` : '', f.author ? `author ${md(f.author)}` : ''].filter(Boolean);
  const subjects = new Set([f.subject, ...(f.instances ?? []).map((i) => i.subject)]);
  const table = [...subjects].find((x) => tables.has(x));
  const out = [`- **${f.severity}** ${tags.join(' · ')} — ${md(f.message)}${table ? ` ([operation table](#${opAnchor(table)}))` : ''} <sub>fingerprint ${f.fingerprint}</sub>`];
  for (const s of f.sides.slice(0, MAX_SIDES)) {
    out.push(`  - [${md(s.file)}:${s.line}](${fileLink(s.snapshot === 'old' ? oldDir : dir, s.file, s.line)})${sideTag(s)}: ${md(s.value) || '—'}`);
  }
  if (f.sides.length > MAX_SIDES) out.push(`  - … ${f.sides.length - MAX_SIDES} more sides (the JSON report has all)`);
  if (f.instances?.length) {
    const pages = f.pages ?? [];
    // Instances only the service metadata has (undocumented types) are on no page.
    if (!pages.length) out.push(`  - ${f.instances.length} instances (the JSON report lists every one)`);
    else out.push(`  - ${f.instances.length} instances on ${pages.length} pages: ${pages.slice(0, MAX_PAGES).map((p) => `[${md(shortName(p))}](${fileLink(dir, p, 1)})`).join(', ')}${pages.length > MAX_PAGES ? `, … ${pages.length - MAX_PAGES} more (the JSON report lists every instance)` : ''}`);
  }
  return out;
}

export function markdownReport(d: ReportData, reportDir: string, title = 'Reconciliation report', opts: { all?: boolean; groupBy?: 'area'; hidden?: number; oldReportDir?: string } = {}): string {
  const L: string[] = [];
  const s = d.summary;
  const drift = d.findings.some((f) => f.context === 'drift');
  L.push(`# ${md(title)}`, '');
  L.push(`${s.pages} pages, ${s.operations} operations, ${s.types} types, ${s.enums} enums.`, '');
  L.push('| | error | warning | info |', '|---|---:|---:|---:|');
  L.push(`| ${drift ? 'changes' : 'findings'} (one per root cause) | ${s.findings.error} | ${s.findings.warning} | ${s.findings.info} |`);
  L.push(`| instances they stand for | ${s.instances.error} | ${s.instances.warning} | ${s.instances.info} |`);
  L.push(`| page diagnostics | ${s.diagnostics.error} | ${s.diagnostics.warning} | ${s.diagnostics.info} |`, '');
  if (drift) L.push(`**${s.breaking} breaking change(s)**, listed first. Breaking: narrows what a request may send or removes what a response returns (error in v1.0, warning in beta).`, '');
  if (opts.hidden) L.push(`${opts.hidden} cross-version info finding(s) (a difference only between beta and v1.0, usually expected) are not shown; \`--all\` shows them, the JSON and SARIF reports always have them.`, '');
  L.push('Order: severity, then the rule\'s confidence, then reach (v1.0 before beta, same-version before cross-version). A difference between pages of the same version is a conflict (context `variant`); one only between beta and v1.0 is info (context `cross-version`).', '');
  const rules = Object.entries(s.byRule);
  if (rules.length) {
    L.push('<details><summary>Findings per rule and per area</summary>', '');
    L.push('| rule | error | warning | info |', '|---|---:|---:|---:|');
    for (const [r, c] of rules) L.push(`| \`${r}\` | ${c.error} | ${c.warning} | ${c.info} |`);
    L.push('', '| area | findings |', '|---|---:|');
    for (const [a, n] of Object.entries(s.byArea)) L.push(`| ${md(a)} | ${n} |`);
    L.push('', '</details>', '');
  }
  const withFindings = new Set(d.groups.filter((g) => g.findings.length).map((g) => g.key));
  const shownGroups = opts.all ? d.groups : d.groups.filter((g) => withFindings.has(g.key));
  const tables = new Set(shownGroups.map((g) => g.key));
  if (d.findings.length) {
    L.push(`## ${drift ? 'Changes' : 'Findings'} (${d.findings.length})`, '');
    if (opts.groupBy === 'area') {
      const byArea = new Map<string, Finding[]>();
      for (const f of d.findings) {
        const a = f.area ?? '(none)';
        if (!byArea.has(a)) byArea.set(a, []);
        byArea.get(a)!.push(f);
      }
      for (const a of [...byArea.keys()].sort()) {
        L.push(`### Area ${md(a)} (${byArea.get(a)!.length})`, '');
        for (const f of byArea.get(a)!) L.push(...itemLines(f, reportDir, tables, opts.oldReportDir));
        L.push('');
      }
    } else {
      for (const f of d.findings) L.push(...itemLines(f, reportDir, tables, opts.oldReportDir));
      L.push('');
    }
  }
  const byFingerprint = new Map(d.findings.map((f) => [f.fingerprint, f]));
  if (shownGroups.length) {
    L.push(opts.all ? '## Operations documented by more than one page' : '## Operations with findings, side by side', '');
    if (!opts.all) L.push(`Only the ${shownGroups.length} operations that have findings (of ${d.groups.length} documented by more than one page); \`--all\` shows every one.`, '');
    for (const g of shownGroups) {
      L.push(`<a id="${opAnchor(g.key)}"></a>`, '', `### ${md(g.key)}`, '');
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
      if (gf.length) L.push(`Findings: ${gf.map((f) => `\`${f.rule}\` (${f.severity})`).join(', ')}`, '');
    }
  }
  if (d.diagnostics.length) {
    const byRule = new Map<string, { n: number; sev: string; first: (typeof d.diagnostics)[number] }>();
    for (const x of d.diagnostics) {
      const e = byRule.get(x.rule);
      if (e) e.n++; else byRule.set(x.rule, { n: 1, sev: x.severity, first: x });
    }
    L.push('## Extraction diagnostics', '', '| rule | severity | count | first at |', '|---|---|---:|---|');
    for (const [r, e] of [...byRule.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))) L.push(`| \`${r}\` | ${e.sev} | ${e.n} | [${md(e.first.src.file)}:${e.first.src.line}](${fileLink(reportDir, e.first.src.file, e.first.src.line)}) |`);
    L.push('');
    if (opts.all) {
      L.push('| where | severity | rule | message |', '|---|---|---|---|');
      for (const x of d.diagnostics) L.push(`| [${md(x.src.file)}:${x.src.line}](${fileLink(reportDir, x.src.file, x.src.line)}) | ${x.severity} | \`${x.rule}\` | ${md(x.message)} |`);
      L.push('');
    } else L.push('Every diagnostic is in the JSON report (and here with `--all`).', '');
  }
  return L.join('\n');
}
