/**
 * JUnit XML for CI test dashboards: one <testsuite> per file to fix, one failing <testcase> per
 * finding (classname = file, name = rule and subject); a run without findings is one passing
 * test case. Text is XML-escaped and characters XML 1.0 cannot carry are replaced.
 */
import { sideTag, type Finding } from '../../checks/types.js';
import { joinPrefix, sidePath } from './sarif.js';
import type { Diagnostic } from '../../model/schema.js';
import { inertControls } from './escape.js';

function xml(s: string): string {
  // Controls, line separators and bidi characters as every report replaces them (escape.ts), then what XML 1.0 cannot carry.
  return inertControls(s)
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '?')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function junitReport(findings: Finding[], pathPrefix = '', name = 'docmodel', oldPathPrefix = '', unread: readonly Diagnostic[] = []): string {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const s = f.sides[0];
    // A drift side of the old snapshot: its path in that snapshot (the prefix places the new one).
    const file = !s ? '(tree)' : `${sidePath(s, pathPrefix, oldPathPrefix)}${s.snapshot === 'old' ? ' (old)' : ''}`;
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file)!.push(f);
  }
  const failures = findings.length + unread.length;
  const L = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${xml(name)}" tests="${Math.max(1, failures)}" failures="${failures}">`];
  // Pages not read (error diagnostics, which --fail-on error counts): a failing test each, as the text and GitHub reports list them.
  if (unread.length) {
    L.push(`  <testsuite name="${xml(`${name}: not read`)}" tests="${unread.length}" failures="${unread.length}">`);
    for (const d of unread) {
      const file = joinPrefix(pathPrefix, d.src.file);
      L.push(`    <testcase classname="${xml(file)}" name="${xml(`${d.rule}: ${file}`)}">`, `      <failure type="error" message="${xml(d.message)}">${xml(`${file}:${d.src.line}:${d.src.column} error ${d.message} (${d.rule})`)}</failure>`, '    </testcase>');
    }
    L.push('  </testsuite>');
  }
  if (!failures) {
    L.push(`  <testsuite name="${xml(name)}" tests="1" failures="0">`, `    <testcase classname="${xml(name)}" name="reconciliation"/>`, '  </testsuite>');
  }
  for (const file of [...byFile.keys()].sort()) {
    const fs = byFile.get(file)!;
    L.push(`  <testsuite name="${xml(file)}" tests="${fs.length}" failures="${fs.length}">`);
    for (const f of fs) {
      const s = f.sides[0];
      const where = !s ? file : `${sidePath(s, pathPrefix, oldPathPrefix)}:${s.line}:${s.column}${s.snapshot === 'old' ? ' (old)' : ''}`;
      const detail = [`${where} ${f.severity} ${f.message} (${f.rule})`, ...f.sides.slice(1).map((o) => `  ↔ ${sidePath(o, pathPrefix, oldPathPrefix)}:${o.line}${sideTag(o)}: ${o.value}`), `fingerprint: ${f.fingerprint}`].join('\n');
      L.push(`    <testcase classname="${xml(file)}" name="${xml(`${f.rule}: ${f.subject} ${f.field}`)}">`);
      L.push(`      <failure type="${f.severity}" message="${xml(f.message)}">${xml(detail)}</failure>`);
      L.push('    </testcase>');
    }
    L.push('  </testsuite>');
  }
  L.push('</testsuites>');
  return L.join('\n') + '\n';
}
