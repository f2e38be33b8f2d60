/**
 * Run the metadata rules: docs side + CSDL (+ scope catalogue) → findings, sorted, with
 * fingerprints, and counts per rule, per severity and per policy.
 */
import { actionCalls, resourceGets, typedCalls } from './calls.js';
import type { Severity } from '../../model/schema.js';
import type { Csdl } from './service-side.js';
import type { ScopeCatalogue } from './service-side.js';
import { fingerprint } from '../fingerprint.js';
import { compareStr } from '../../util/order.js';
import { metadataContext } from './context.js';
import type { DocsSide } from './docs-side.js';
import { METADATA_RULES } from './registry.js';
import { UNREPORTED_POLICIES, type MetadataFinding, type MetadataRule } from './types.js';

export interface MetadataReport {
  version: string;
  csdl: string;
  scopes?: string;
  summary: {
    findings: number;
    bySeverity: Record<Severity, number>;
    /** Rule id → count (every registered rule listed, 0 included). */
    byRule: Record<string, number>;
    /** Policy tag → count. */
    byPolicy: Record<string, number>;
    /** Policy tag → drafts counted, not reported (UNREPORTED_POLICIES says why; the text output prints the reason). */
    notReported: Record<string, number>;
    /** `actionCalls`: documented POSTs that resolve to an action and list its parameters in a table (what the action-parameter rules compare); `typedCalls`: documented calls of an action or function whose Response section states a type (what metadata-operation-return-differs compares); `resourceGets`: documented GETs of an entity set, singleton or property whose Response section states a type, one per section (what metadata-response-type-differs compares). */
    docs: { types: number; enums: number; operations: number; permissions: number; actionCalls: number; typedCalls: number; resourceGets: number };
    metadata: { types: number; enums: number; operations: number; containerElements: number; scopes: number };
  };
  findings: MetadataFinding[];
}

export function compareMetadata(docs: DocsSide, csdl: Csdl, scopes?: ScopeCatalogue, rules: readonly MetadataRule[] = METADATA_RULES): MetadataReport {
  const ctx = metadataContext(docs, csdl, scopes);
  const findings: MetadataFinding[] = [];
  const notReported: Record<string, number> = {};
  for (const r of rules) {
    for (const d of r.check(ctx)) {
      if (d.policy && d.policy in UNREPORTED_POLICIES) { notReported[d.policy] = (notReported[d.policy] ?? 0) + 1; continue; }
      const { args, severity, ...rest } = d;
      findings.push({ ...rest, severity: severity ?? r.severity, fingerprint: fingerprint(d.rule, d.subject, d.field, args ?? []) });
    }
  }
  findings.sort((a, b) => compareStr(a.docs?.file ?? '~', b.docs?.file ?? '~') || (a.docs?.line ?? 0) - (b.docs?.line ?? 0)
    || (a.metadata?.line ?? 0) - (b.metadata?.line ?? 0) || compareStr(a.rule, b.rule) || compareStr(a.fingerprint, b.fingerprint));
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = Object.fromEntries([...rules].map((r) => r.id).sort().map((id) => [id, 0]));
  const byPolicy: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    if (f.policy) byPolicy[f.policy] = (byPolicy[f.policy] ?? 0) + 1;
  }
  return {
    version: docs.version, csdl: csdl.file, ...(scopes ? { scopes: scopes.file } : {}),
    summary: {
      findings: findings.length, bySeverity, byRule, byPolicy: Object.fromEntries(Object.entries(byPolicy).sort()),
      notReported: Object.fromEntries(Object.entries(notReported).sort()),
      docs: { types: docs.types.length, enums: docs.enums.length, operations: docs.operations.length, permissions: docs.permissions.length, actionCalls: actionCalls(ctx).length, typedCalls: typedCalls(ctx).length, resourceGets: resourceGets(ctx).length },
      metadata: { types: csdl.types.length, enums: csdl.enums.length, operations: csdl.operations.length, containerElements: csdl.container.length, scopes: scopes?.scopes.size ?? 0 },
    },
    findings,
  };
}

export function formatMetadataText(r: MetadataReport): string {
  const lines: string[] = [];
  for (const f of r.findings) {
    const where = f.docs ? `${f.docs.file}:${f.docs.line}:${f.docs.column}` : `${f.metadata!.file}:${f.metadata!.line}`;
    const meta = f.metadata ? `  [metadata: ${f.metadata.element} (${f.metadata.file}:${f.metadata.line}) = ${f.metadata.value}]` : '';
    lines.push(`${where}: ${f.severity} ${f.rule}${f.policy ? ` (policy ${f.policy})` : ''}: ${f.message}${meta}`);
  }
  lines.push('', `Summary (${r.version}; ${r.csdl}${r.scopes ? ` + ${r.scopes}` : ''}): ${r.summary.findings} findings — ${r.summary.bySeverity.error} error, ${r.summary.bySeverity.warning} warning, ${r.summary.bySeverity.info} info`);
  for (const [id, n] of Object.entries(r.summary.byRule)) lines.push(`  ${id.padEnd(40)} ${String(n).padStart(6)}`);
  for (const [p, n] of Object.entries(r.summary.byPolicy)) lines.push(`  of which policy ${p.padEnd(25)} ${String(n).padStart(6)}`);
  for (const [p, n] of Object.entries(r.summary.notReported)) lines.push(`  not reported (policy ${p}): ${n} — ${UNREPORTED_POLICIES[p]?.reason ?? ''}`);
  const d = r.summary.docs, m = r.summary.metadata;
  lines.push(`  docs: ${d.types} types (resource pages), ${d.enums} enums, ${d.operations} operations (${d.actionCalls} action calls with a table of parameters, ${d.typedCalls} action/function calls with a stated response type, ${d.resourceGets} GETs of a resource with one), ${d.permissions} permission names; metadata: ${m.types} entity/complex types, ${m.enums} enums, ${m.operations} actions/functions, ${m.containerElements} entity sets/singletons, ${m.scopes} scopes`);
  return lines.join('\n') + '\n';
}
