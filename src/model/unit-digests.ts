/**
 * Digests of the model's units from the digests of the pages they are made of: what names a unit in
 * the memos of the rules (src/pipeline/finding-memo.ts) and in the outputs' keyed pieces
 * (`model.json`'s operation groups, the OpenAPI path items). A model-level function: the
 * pipeline and the emitters take it from here.
 */
import type { ApiVersion, OperationGroup } from './schema.js';
import { sha1Hex } from '../util/hash.js';

/**
 * The digest of each operation group whose pages all have one (`pageDigest`, by display path), by
 * identity: everything an operation-unit rule may read of the group — its identity, key, method,
 * path, parameters, primary pages and aliases, and per variant its page's IR digest, which of the
 * page's operations it is, and what the model set on it from beyond the page (primary, workload,
 * subtype). The rest of a variant is made from its page alone. With `version`, the group as that
 * version has it (its variants and primary page there; groups without one are left out): what an
 * output made of one version reads (see openApiOutputs).
 */
export function operationDigests(operations: readonly OperationGroup[], pageDigest: (file: string) => string | undefined, version?: ApiVersion): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of operations) {
    const vs = version === undefined ? g.variants : g.variants.filter((v) => v.version === version);
    if (!vs.length) continue;
    const variants: unknown[] = [];
    for (const v of vs) {
      const d = pageDigest(v.doc.file);
      if (d === undefined) break;
      variants.push([d, v.doc.operations.indexOf(v.operation), v.primary, v.workload, v.subtype ?? null]);
    }
    if (variants.length < vs.length) continue;
    const primary = version === undefined ? g.primary : g.primary.filter((p) => p.version === version);
    out.set(g.identity, sha1Hex(JSON.stringify([g.identity, g.key, g.method, g.path, g.parameters, primary, g.aliases, variants])));
  }
  return out;
}
