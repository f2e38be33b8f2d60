/**
 * SARIF 2.1.0 for code scanning: one result per finding, its first side (the file to fix) as
 * the location, the other sides as relatedLocations, the fingerprint as partialFingerprints,
 * rule metadata in tool.driver.rules.
 */
import type { Finding } from '../../checks/types.js';
import type { Rule } from '../../checks/types.js';
import { uriPath } from './escape.js';
import type { Diagnostic } from '../../model/schema.js';
import { findDiagnostic } from '../../checks/diagnostics.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Percent-encoded per segment: `#`, `?` or `%` in a file name stay part of the path (encodeURI kept them raw, and threw on a lone surrogate). */
const uri = uriPath;

function location(s: Finding['sides'][number]) {
  return { physicalLocation: { artifactLocation: { uri: uri(s.file) }, region: { startLine: s.line, startColumn: s.column } } };
}

export function sarifReport(findings: Finding[], rules: readonly Rule[], toolVersion: string, diagnostics: Diagnostic[] = []): object {
  const used = [...new Set([...findings.map((f) => f.rule), ...diagnostics.map((x) => x.rule)])].sort();
  const ruleList = used.map((id) => {
    const r = rules.find((x) => x.id === id);
    const dk = r ? undefined : findDiagnostic(id);
    if (dk) {
      return {
        id, name: id,
        shortDescription: { text: dk.summary },
        fullDescription: { text: dk.description },
        defaultConfiguration: { level: LEVEL[dk.severity] },
        help: { text: dk.description },
        properties: { kind: 'diagnostic', stage: dk.stage, suppressible: dk.suppressible },
      };
    }
    return {
      id,
      name: id,
      shortDescription: { text: r?.summary ?? id },
      fullDescription: { text: r?.description ?? id },
      defaultConfiguration: { level: LEVEL[r?.severity ?? 'warning'] },
      help: { text: r ? `${r.description}\n\nBefore:\n${r.example.before}\n\nAfter:\n${r.example.after}` : id },
      properties: { contexts: r?.contexts ?? [] },
    };
  });
  const index = new Map(used.map((id, i) => [id, i]));
  const results = findings.filter((f) => f.sides.length > 0).map((f) => ({
    ruleId: f.rule,
    ruleIndex: index.get(f.rule)!,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.sides[0]!)],
    relatedLocations: f.sides.slice(1).map((s, i) => ({ id: i + 1, ...location(s), message: { text: `${s.version ?? ''} ${s.value}`.trim() || s.file } })),
    partialFingerprints: { 'docmodel/v1': f.fingerprint },
    properties: {
      context: f.context, subject: f.subject, field: f.field, ...(f.breaking !== undefined ? { breaking: f.breaking } : {}),
      ...(f.confidence ? { confidence: f.confidence } : {}), ...(f.area ? { area: f.area } : {}), ...(f.author ? { author: f.author } : {}),
      ...(f.instances?.length ? { instances: f.instances.map((i) => i.fingerprint), pages: f.pages ?? [] } : {}),
    },
  }));
  // Diagnostics: what reading and extraction could not turn into facts, each at its position.
  for (const x of diagnostics) {
    results.push({
      ruleId: x.rule, ruleIndex: index.get(x.rule)!, level: LEVEL[x.severity], message: { text: x.message },
      locations: [location({ file: x.src.file, line: x.src.line, column: x.src.column, version: null, value: '' })],
      relatedLocations: [], partialFingerprints: { 'docmodel/v1': `${x.rule}:${x.src.file}:${x.src.line}:${x.src.column}` },
      properties: { context: 'page', subject: x.src.file, field: 'diagnostic' },
    });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'docmodel', version: toolVersion, informationUri: 'https://www.npmjs.com/package/docmodel', rules: ruleList } },
      columnKind: 'unicodeCodePoints',
      results,
    }],
  };
}
