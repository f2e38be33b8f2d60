/**
 * SARIF 2.1.0 for code scanning: one result per finding, its first side (the file to fix) as
 * the location, the other sides as relatedLocations, the fingerprint as partialFingerprints,
 * rule metadata in tool.driver.rules. Suppressed findings stay, with a `suppressions` entry
 * (kind and justification), so code scanning shows them as dismissed rather than gone. Paths
 * are relative to the docs root, behind an optional prefix (the root's path in the repository).
 */
import type { Finding } from '../../checks/types.js';
import type { RuleDescriptor } from '../../checks/types.js';
import { createHash } from 'node:crypto';
import { SARIF_FINGERPRINT_KEY, type SuppressedFinding } from '../../checks/suppress.js';
import { uriPath } from './escape.js';
import type { Diagnostic } from '../../model/schema.js';
import { findDiagnostic } from '../../checks/diagnostics.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** The uriBaseId of a drift side in the old snapshot (described in the run's originalUriBaseIds). */
export const OLD_SNAPSHOT = 'OLD_SNAPSHOT';

/** Percent-encoded per segment (`#`, `?`, `%` in a file name stay part of the path), behind the optional prefix. */
function uri(file: string, prefix: string): string {
  return uriPath(joinPrefix(prefix, file.split('\\').join('/')));
}

/**
 * `prefix` + `/` + `file`, for paths relative to the docs root shown from elsewhere (a repository
 * root). A file outside the docs root (a metadata file: `../../meta/v1.0.csdl.xml`) climbs out of
 * the prefix: `docs/api-reference` + that → `meta/v1.0.csdl.xml`.
 */
export function joinPrefix(prefix: string, file: string): string {
  let p = prefix;
  while (p.endsWith('/')) p = p.slice(0, -1);
  if (!p || p === '.' || file.startsWith('/')) return file;
  const parts = p.split('/');
  let f = file;
  while (f.startsWith('../') && parts.length && parts[parts.length - 1] !== '..') { parts.pop(); f = f.slice(3); }
  return parts.length ? `${parts.join('/')}/${f}` : f;
}

/** A side's path from the repository root: behind `oldPrefix` for a drift side of the old snapshot, `prefix` otherwise. */
export function sidePath(s: { file: string; snapshot?: 'old' | 'new' }, prefix: string, oldPrefix: string): string {
  return joinPrefix(s.snapshot === 'old' ? oldPrefix : prefix, s.file);
}

export interface SarifOptions {
  /** Findings silenced by suppressions: listed with a `suppressions` entry. */
  suppressed?: SuppressedFinding[];
  /** Prepended to every path (e.g. the docs root's path in the repository). */
  pathPrefix?: string;
  /** Page diagnostics, each a result at its position (rule metadata from the diagnostics catalogue). */
  diagnostics?: Diagnostic[];
}

export function sarifReport(findings: Finding[], rules: readonly RuleDescriptor[], toolVersion: string, opts: SarifOptions = {}): object {
  const prefix = opts.pathPrefix ?? '';
  // A drift side of the old snapshot is relative to that snapshot's root, which the prefix (the new root's place) does not locate.
  const artifact = (s: Finding['sides'][number]) => (s.snapshot === 'old' ? { uri: uri(s.file, ''), uriBaseId: OLD_SNAPSHOT } : { uri: uri(s.file, prefix) });
  const location = (s: Finding['sides'][number]) => ({ physicalLocation: { artifactLocation: artifact(s), region: { startLine: s.line, startColumn: s.column } } });
  const all: (Finding | SuppressedFinding)[] = [...findings, ...(opts.suppressed ?? [])];
  const diagnostics = opts.diagnostics ?? [];
  const used = [...new Set([...all.map((f) => f.rule), ...diagnostics.map((x) => x.rule)])].sort();
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
  const results = all.filter((f) => f.sides.length > 0).map((f) => ({
    ruleId: f.rule,
    ruleIndex: index.get(f.rule)!,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.sides[0]!)],
    relatedLocations: f.sides.slice(1).map((s, i) => ({ id: i + 1, ...location(s), message: { text: `${s.version ?? ''}${s.snapshot ? ` (${s.snapshot})` : ''} ${s.value}`.trim() || s.file } })),
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      context: f.context, subject: f.subject, field: f.field, ...(f.breaking !== undefined ? { breaking: f.breaking } : {}),
      ...(f.confidence ? { confidence: f.confidence } : {}), ...(f.policy ? { policy: f.policy } : {}), ...(f.area ? { area: f.area } : {}), ...(f.author ? { author: f.author } : {}),
      ...(f.instances?.length ? { instances: f.instances.map((i) => i.fingerprint), pages: f.pages ?? [] } : {}),
    },
    ...('suppression' in f ? { suppressions: [{ kind: f.suppression.kind, status: 'accepted', justification: f.suppression.justification }] } : {}),
  }));
  // Diagnostics: what reading and extraction could not turn into facts, each at its position.
  // A diagnostic's fingerprint: rule, page and message, not the line (a line added above re-keyed it, closing and reopening
  // its alert); the same message twice on a page is numbered (five query-option-not-supported of one line shared one).
  const seen = new Map<string, number>();
  for (const x of diagnostics) {
    const base = `${x.rule}:${x.src.file}:${createHash('sha1').update(x.message).digest('hex').slice(0, 16)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    results.push({
      ruleId: x.rule, ruleIndex: index.get(x.rule)!, level: LEVEL[x.severity], message: { text: x.message },
      locations: [location({ file: x.src.file, line: x.src.line, column: x.src.column, version: null, value: '' })],
      relatedLocations: [], partialFingerprints: { [SARIF_FINGERPRINT_KEY]: n > 1 ? `${base}:${n}` : base },
      properties: { context: 'page', subject: x.src.file, field: 'diagnostic' },
    });
  }
  // A finding with no place in a page (tree-partial, a rule that failed on the whole tree, an expired suppression): a
  // notification of the run — code scanning refuses a result without a location, and it was left out of the log.
  const sideless = all.filter((f) => f.sides.length === 0);
  const invocations = sideless.length ? [{
    executionSuccessful: true,
    toolExecutionNotifications: sideless.map((f) => ({
      associatedRule: { id: f.rule, index: index.get(f.rule)! }, level: LEVEL[f.severity], message: { text: f.message },
      properties: { fingerprint: f.fingerprint, context: f.context, subject: f.subject, field: f.field, ...('suppression' in f ? { suppression: f.suppression } : {}) },
    })),
  }] : undefined;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'docmodel', version: toolVersion, informationUri: 'https://www.npmjs.com/package/docmodel', rules: ruleList } },
      ...(invocations ? { invocations } : {}),
      columnKind: 'unicodeCodePoints',
      ...(all.some((f) => f.sides.some((x) => x.snapshot === 'old')) ? { originalUriBaseIds: { [OLD_SNAPSHOT]: { description: { text: 'The docs root of the old snapshot (the first tree given to docmodel drift); paths of its sides are relative to it.' } } } } : {}),
      results,
    }],
  };
}
