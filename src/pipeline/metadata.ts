/**
 * `docmodel metadata <csdl.xml> [--scopes FILE]... [paths..]`: build the docs model, then compare
 * it with the service metadata. The metadata is read after the model is built and only read:
 * it never fills or changes the model. The metadata files are named as given on the command line.
 */
import { readFileSync } from 'node:fs';
import { basename, sep } from 'node:path';
import { analyzeParallel } from './pipeline.js';
import { parseCsdl } from '../sources/csdl/csdl.js';
import { parseScopeCatalogue, type ScopeCatalogue } from '../sources/csdl/scopes.js';
import { docsFromModel } from '../checks/metadata/from-model.js';
import { compareMetadata, formatMetadataText, type MetadataReport } from '../checks/metadata/run.js';
import { emptyDocs, type DocsSide } from '../checks/metadata/docs-side.js';
import { csdlDocument, scopeCatalogueDocument } from '../checks/metadata/fixtures.js';
import type { MetadataExample, MetadataFinding, MetadataRule } from '../checks/metadata/types.js';

export interface MetadataRun { csdl: string; scopes: string[]; inputs: string[]; workers?: number; version?: string; root?: string }

/** The version a metadata file describes, from its name (`beta` in the name → beta). */
export function versionOfFile(file: string): string {
  return /beta/i.test(basename(file)) ? 'beta' : 'v1.0';
}

export async function runMetadata(o: MetadataRun): Promise<{ report: MetadataReport; text: string; summaryLine: string }> {
  const version = o.version ?? versionOfFile(o.csdl);
  if (version !== 'v1.0' && version !== 'beta') throw new Error(`--version must be v1.0 or beta, not ${JSON.stringify(version)}`);
  const csdl = parseCsdl(readFileSync(o.csdl, 'utf8'), o.csdl.split(sep).join('/'));
  let scopes: ScopeCatalogue | undefined;
  for (const f of o.scopes) {
    const s = parseScopeCatalogue(readFileSync(f, 'utf8'), f.split(sep).join('/'));
    if (!scopes) scopes = s;
    else for (const [k, v] of s.scopes) scopes.scopes.set(k, [...(scopes.scopes.get(k) ?? []), ...v]);
  }
  const a = await analyzeParallel(o.inputs, { workers: o.workers, root: o.root, requirePages: true });
  const docs = docsFromModel(a.model, version);
  const report = compareMetadata(docs, csdl, scopes);
  const s = report.summary;
  return {
    report, text: formatMetadataText(report),
    summaryLine: `docmodel metadata: ${version}: ${s.findings} findings (${s.bySeverity.warning} warning, ${s.bySeverity.info} info) from ${s.docs.types} documented types and ${s.docs.operations} operations vs ${s.metadata.types} metadata types`,
  };
}

/** Run one metadata rule on one of its examples (its CSDL and catalogue text parsed here; used by the tests). */
export function runExample(rule: MetadataRule, ex: MetadataExample): MetadataFinding[] {
  const docs: DocsSide = { ...emptyDocs(), ...ex.docs };
  const csdl = parseCsdl(csdlDocument(ex.csdl), 'example.csdl.xml');
  const scopes = ex.scopes ? parseScopeCatalogue(scopeCatalogueDocument(ex.scopes), 'example-scopes.xml') : undefined;
  return compareMetadata(docs, csdl, scopes, [rule]).findings;
}
