/**
 * `docmodel metadata <csdl.xml> [--scopes FILE]... [paths..]`: build the docs model, then compare
 * it with the service metadata. The metadata is read after the model is built and only read:
 * it never fills or changes the model. The metadata files are named relative to the docs root, as every path of a report is.
 */
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { analyzeParallel } from './pipeline.js';
import { parseCsdl } from '../sources/csdl/csdl.js';
import { parseScopeCatalogue, type ScopeCatalogue } from '../sources/csdl/scopes.js';
import { InputError } from '../sources/graph-markdown/ingest/walk.js';
import { docsFromModel } from '../checks/metadata/from-model.js';
import { compareMetadata, formatMetadataText, type MetadataReport } from '../checks/metadata/run.js';
import { emptyDocs, type DocsSide } from '../checks/metadata/docs-side.js';
import { csdlDocument, scopeCatalogueDocument } from '../checks/metadata/fixtures.js';
import type { Csdl } from '../checks/metadata/service-side.js';
import type { MetadataExample, MetadataFinding, MetadataRule } from '../checks/metadata/types.js';
import type { ApiModel } from '../model/types.js';

/** One version's service metadata: a CSDL file, the permission-scope catalogues of the same version, the version (default: from the CSDL's file name). */
export interface MetadataSource { csdl: string; scopes?: string[]; version?: string }

export interface MetadataRun { csdl: string; scopes: string[]; inputs: string[]; workers?: number; version?: string; root?: string }

/** The version a metadata file describes, from its name (`beta` in the name → beta). */
export function versionOfFile(file: string): string {
  return /beta/i.test(basename(file)) ? 'beta' : 'v1.0';
}

/** A metadata file that cannot be read or is no CSDL / scope catalogue (exit 2, one line naming the file). */
export class MetadataError extends InputError {}

/** Metadata files read and parsed, before any page is (a missing or unreadable file is an InputError naming it). */
export interface LoadedMetadata { version: string; csdl: Csdl; scopes?: ScopeCatalogue }

/** A path for messages: relative to the working directory when inside it. */
function shown(file: string): string {
  const r = relative(process.cwd(), resolve(file));
  return (r && !r.startsWith('..') && !isAbsolute(r) ? r : file).split(sep).join('/');
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new MetadataError(`cannot read the ${what} ${shown(file)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * Read one version's metadata, its files named as given (`/`-separated); the metadata command and check name them
 * relative to the docs root once it is known (`metadataRelativeTo`).
 */
export function loadMetadata(src: MetadataSource): LoadedMetadata {
  const name = (f: string) => f.split(sep).join('/');
  const version = src.version ?? versionOfFile(src.csdl);
  if (version !== 'v1.0' && version !== 'beta') throw new MetadataError(`metadata version must be v1.0 or beta, not ${JSON.stringify(version)}`);
  const parsed = <T>(f: () => T): T => {
    try { return f(); } catch (e) { throw e instanceof MetadataError ? e : new MetadataError((e as Error).message); }
  };
  const csdl = parsed(() => parseCsdl(readText(src.csdl, 'CSDL file'), name(src.csdl)));
  let scopes: ScopeCatalogue | undefined;
  for (const f of src.scopes ?? []) {
    const s = parsed(() => parseScopeCatalogue(readText(f, 'permission-scope catalogue'), name(f)));
    if (!scopes) scopes = s;
    else for (const [k, v] of s.scopes) scopes.scopes.set(k, [...(scopes.scopes.get(k) ?? []), ...v]);
  }
  return { version, csdl, ...(scopes ? { scopes } : {}) };
}

/** The same metadata with its files named relative to the docs root (check: every path in a finding is), `/`-separated. */
export function metadataRelativeTo(m: LoadedMetadata, docsRoot: string): LoadedMetadata {
  const rel = (f: string) => relative(docsRoot, resolve(f)).split(sep).join('/') || '.';
  return { ...m, csdl: { ...m.csdl, file: rel(m.csdl.file) }, ...(m.scopes ? { scopes: { ...m.scopes, file: rel(m.scopes.file) } } : {}) };
}

/** The one comparison both `docmodel metadata` and `check` run: an already-built model (only read) against one version's metadata. */
export function compareModelWithMetadata(model: ApiModel, m: LoadedMetadata): MetadataReport {
  return compareMetadata(docsFromModel(model, m.version), m.csdl, m.scopes);
}

export async function runMetadata(o: MetadataRun): Promise<{ report: MetadataReport; text: string; summaryLine: string }> {
  if (o.version !== undefined && o.version !== 'v1.0' && o.version !== 'beta') throw new InputError(`--version must be v1.0 or beta, not ${JSON.stringify(o.version)}`);
  const m = loadMetadata({ csdl: o.csdl, scopes: o.scopes, version: o.version });
  const a = await analyzeParallel(o.inputs, { workers: o.workers, root: o.root, requirePages: true });
  // The metadata files named relative to the docs root, as every other path of the report (and as `check --metadata`
  // names them): a CSDL given by its absolute path puts no machine's path in the report.
  const report = compareModelWithMetadata(a.model, metadataRelativeTo(m, a.docsRoot));
  const s = report.summary;
  return {
    report, text: formatMetadataText(report),
    summaryLine: `docmodel metadata: ${m.version}: ${s.findings} findings (${s.bySeverity.warning} warning, ${s.bySeverity.info} info) from ${s.docs.types} documented types and ${s.docs.operations} operations vs ${s.metadata.types} metadata types`,
  };
}

/** Run one metadata rule on one of its examples (its CSDL and catalogue text parsed here; used by the tests). */
export function runExample(rule: MetadataRule, ex: MetadataExample): MetadataFinding[] {
  const docs: DocsSide = { ...emptyDocs(), ...ex.docs };
  const csdl = parseCsdl(csdlDocument(ex.csdl), 'example.csdl.xml');
  const scopes = ex.scopes ? parseScopeCatalogue(scopeCatalogueDocument(ex.scopes), 'example-scopes.xml') : undefined;
  return compareMetadata(docs, csdl, scopes, [rule]).findings;
}
