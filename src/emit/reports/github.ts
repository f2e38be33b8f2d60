/**
 * GitHub Actions workflow commands: one annotation per finding
 * (`::error file=…,line=…,col=…,title=…::message`), shown on the pull request's diff.
 * Paths are the docs-root paths behind `pathPrefix` (the docs root's path in the repository:
 * annotations name files relative to the repository root). Data and property values are
 * escaped as the runner expects (%, CR, LF; and `:` `,` in properties), so page text cannot
 * start a command of its own.
 */
import { sideTag, type Finding } from '../../checks/types.js';
import { inertControls } from './escape.js';
import type { Diagnostic } from '../../model/schema.js';
import { joinPrefix, sidePath } from './sarif.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(s: string): string {
  return inertControls(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `unread`: error-severity diagnostics (a page not read), annotated as errors after the findings. */
export function githubReport(findings: Finding[], pathPrefix = '', oldPathPrefix = '', unread: readonly Diagnostic[] = []): string {
  const lines = findings.map((f) => {
    const s = f.sides[0];
    // A drift side of the old snapshot is not a file of the checked-out tree: named in the message, not annotated.
    const old = s?.snapshot === 'old';
    const props = [
      ...(s && !old ? [`file=${escapeProperty(joinPrefix(pathPrefix, s.file))}`, `line=${s.line}`, `col=${s.column}`] : []),
      `title=${escapeProperty(`${f.rule} (docmodel)`)}`,
    ];
    const at = (o: Finding['sides'][number]) => `${sidePath(o, pathPrefix, oldPathPrefix)}:${o.line}${sideTag(o)}`;
    const others = f.sides.slice(1, 6).map((o) => `${at(o)}: ${o.value}`);
    const more = f.sides.length > 6 ? [`… ${f.sides.length - 6} more`] : [];
    const body = [old ? `${at(s)}: ${f.message}` : f.message, ...others.map((o) => `↔ ${o}`), ...more].join('\n');
    return `::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(body)}`;
  });
  for (const d of unread) lines.push(`::error file=${escapeProperty(joinPrefix(pathPrefix, d.src.file))},line=${d.src.line},col=${d.src.column},title=${escapeProperty(`${d.rule} (docmodel)`)}::${escapeData(d.message)}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}
