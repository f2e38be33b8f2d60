/** Terminal text: findings grouped by the file to fix, colored when the output is a TTY. */
import { sideTag, type Finding } from '../../checks/types.js';
import type { Diagnostic } from '../../model/schema.js';
import { countBySeverity } from '../../checks/engine.js';
import pc from 'picocolors';
import { text } from './escape.js';

/** Control characters and line breaks from page text never reach the terminal (escape.ts). */
const clean = text;

/** `unread`: the error-severity diagnostics (a page not read), listed after the findings: they count for --fail-on. */
export function textReport(findings: Finding[], color: boolean, opts: { groupBy?: 'area'; hidden?: number; unread?: readonly Diagnostic[] } = {}): string {
  const p = pc.createColors(color);
  const COLORS = { error: p.red, warning: p.yellow, info: p.cyan, dim: p.dim, bold: p.bold };
  const c = (k: keyof typeof COLORS, s: string) => COLORS[k](s);
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const file = opts.groupBy === 'area' ? `area ${f.area ?? '(none)'}` : f.sides[0]?.file ?? '(tree)';
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file)!.push(f);
  }
  const L: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    L.push(c('bold', clean(file)));
    for (const f of byFile.get(file)!.sort((a, b) => (a.sides[0]?.line ?? 0) - (b.sides[0]?.line ?? 0))) {
      const s = f.sides[0];
      const where = (opts.groupBy === 'area' ? (s ? `${s.file}:${s.line}` : '') : s ? `${s.line}:${s.column}` : '') + (s?.snapshot ? ` (${s.snapshot})` : '');
      L.push(`  ${clean(where)}`.padEnd(11) + ` ${c(f.severity, f.severity.padEnd(7))}${f.breaking ? ' ' + c('error', 'BREAKING') : ''} ${clean(f.message)}  ${c('dim', f.rule)}`);
      if (f.instances?.length) L.push(c('dim', `             ${f.instances.length} instances${f.pages?.length ? ` on ${f.pages.length} pages: ${clean(f.pages.slice(0, 5).join(', '))}${f.pages.length > 5 ? ', …' : ''}` : ''}`));
      for (const o of f.sides.slice(1, 6)) L.push(c('dim', `             ↔ ${clean(o.file)}:${o.line}${sideTag(o)}: ${clean(o.value).slice(0, 100)}`));
      if (f.sides.length > 6) L.push(c('dim', `             … ${f.sides.length - 6} more`));
    }
    L.push('');
  }
  if (opts.unread?.length) {
    L.push(c('bold', `Not read (${opts.unread.length} error diagnostic(s), counted as errors by --fail-on)`));
    for (const d of opts.unread) L.push(`  ${clean(`${d.src.file}:${d.src.line}`)} ${c('error', 'error  ')} ${clean(d.message)}  ${c('dim', d.rule)}`);
    L.push('');
  }
  const n = countBySeverity(findings);
  const breaking = findings.filter((f) => f.breaking).length;
  L.push(`${findings.length} findings: ${c('error', `${n.error} error`)}, ${c('warning', `${n.warning} warning`)}, ${c('info', `${n.info} info`)}${breaking ? `; ${breaking} breaking` : ''}${opts.hidden ? ` (${opts.hidden} cross-version info findings not shown: --all shows them)` : ''}`);
  return L.join('\n') + '\n';
}
