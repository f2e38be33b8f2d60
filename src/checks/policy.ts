/**
 * What the user decided about the findings, applied in one place after the rules ran: per-rule
 * severity or `off` (config `rules`), suppressions (file, config and page annotations), the
 * baseline, and — for a partial check — the pages the report is limited to.
 */
import type { Document, Severity } from '../model/schema.js';
import type { Finding } from './types.js';
import { applyBaseline, applySuppressions, type Baseline, type SuppressedFinding, type Suppression } from './suppress.js';
import { sortFindings } from './engine.js';

export type RuleSetting = Severity | 'off';

export interface Policy {
  rules?: Record<string, RuleSetting>;
  suppressions?: Suppression[];
  baseline?: Baseline;
  /** Report only findings with a side in one of these pages (paths relative to the docs root). */
  only?: Set<string>;
}

export interface PolicyResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Findings left out because the baseline holds them. */
  baselineHidden: number;
  /** Findings of rules set to `off`. */
  rulesOff: number;
  /** Findings outside the pages of a partial check. */
  outsidePages: number;
}

/** A finding concerns a page when one of its sides is in it, or its subject is the page. */
export function concernsPages(f: Finding, pages: Set<string>): boolean {
  return f.sides.some((s) => pages.has(s.file)) || pages.has(f.subject);
}

export function applyPolicy(findings: Finding[], pages: Document[], p: Policy): PolicyResult {
  let rulesOff = 0;
  let fs: Finding[] = [];
  for (const f of findings) {
    const setting = p.rules?.[f.rule];
    if (setting === 'off') { rulesOff++; continue; }
    fs.push(setting ? { ...f, severity: setting } : f);
  }
  if (p.rules && Object.keys(p.rules).length) fs = sortFindings(fs);
  let outsidePages = 0;
  if (p.only) {
    const before = fs.length;
    fs = fs.filter((f) => concernsPages(f, p.only!));
    outsidePages = before - fs.length;
  }
  const s = applySuppressions(fs, p.suppressions ?? [], pages);
  const suppressed = p.only ? s.suppressedFindings.filter((f) => concernsPages(f, p.only!)) : s.suppressedFindings;
  let kept = s.findings;
  let baselineHidden = 0;
  if (p.baseline) {
    const before = kept.length;
    kept = applyBaseline(kept, p.baseline);
    baselineHidden = before - kept.length;
  }
  return { findings: kept, suppressed, baselineHidden, rulesOff, outsidePages };
}
