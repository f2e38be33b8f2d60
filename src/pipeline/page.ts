/**
 * One file → one page IR, whatever the file holds. Read problems, parse failures and
 * extractor failures all end as diagnostics on that page; this function does not throw.
 */
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';
import { readSource, errorText } from '../sources/graph-markdown/ingest/read.js';
import { parsePage } from '../sources/graph-markdown/parse/page.js';
import type { IncludeResolver } from '../sources/graph-markdown/parse/includes.js';
import { emptyPageIR, extractPage } from '../sources/graph-markdown/extract/index.js';
import { sortDiagnostics } from '../util/order.js';
import { registeredSeverity } from '../checks/diagnostics.js';
export function processFile(abs: string, display: string, resolver?: IncludeResolver): PageIR {
  const src = readSource(abs);
  return processText(display, abs, src.text, src.problems, resolver);
}

export function processText(display: string, abs: string, text: string, problems: { rule: string; message: string; fatal: boolean }[] = [], resolver?: IncludeResolver): PageIR {
  const at = { file: display, line: 1, column: 1 };
  const fatal = problems.find((p) => p.fatal);
  if (fatal) {
    const ir = emptyPageIR(display, 'unreadable');
    ir.diagnostics = problems.map((p) => ({ rule: p.rule, severity: registeredSeverity(p.rule), message: p.message, src: at }));
    return ir;
  }
  let ir: PageIR;
  try {
    const parsed = parsePage(display, abs, text, resolver ? { includes: resolver } : {});
    ir = extractPage(parsed);
  } catch (e) {
    ir = emptyPageIR(display, 'unreadable');
    ir.diagnostics.push({ rule: 'page-parse-failed', severity: 'error', message: `The page could not be parsed: ${errorText(e)}`, src: at });
  }
  for (const p of problems) ir.diagnostics.unshift({ rule: p.rule, severity: registeredSeverity(p.rule), message: p.message, src: at });
  ir.diagnostics = sortDiagnostics(ir.diagnostics);
  return ir;
}
