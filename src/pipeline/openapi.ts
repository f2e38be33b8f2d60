/**
 * `docmodel openapi [paths..] [--out DIR] [--workers N]`: read the pages, build the model and
 * write only the OpenAPI export (DIR/openapi/<version>.yaml and .json). `build` writes the same
 * files among its other outputs.
 */
import { join } from 'node:path';
import { analyzeParallel } from './pipeline.js';
import { writeAtomic } from './output.js';
import { emitOpenApi } from '../emit/openapi/index.js';

export interface OpenApiRun { inputs: string[]; outDir: string; workers?: number; root?: string }

export interface OpenApiSummary {
  files: string[];
  versions: { version: string; paths: number; operations: number; schemas: number; skipped: number }[];
}

export async function runOpenApi(o: OpenApiRun): Promise<OpenApiSummary> {
  const a = await analyzeParallel(o.inputs, { workers: o.workers, exclude: [o.outDir], root: o.root, requirePages: true });
  const out = emitOpenApi(a.model, a.findings);
  for (const [rel, text] of out.files) writeAtomic(join(o.outDir, rel), text);
  const versions = [...out.documents].map(([version, d]) => {
    const paths = d.paths as Record<string, Record<string, unknown>>;
    return {
      version,
      paths: Object.keys(paths).length,
      operations: Object.values(paths).reduce((n, p) => n + Object.keys(p).length, 0),
      schemas: Object.keys((d.components as { schemas: object }).schemas).length,
      skipped: ((d['x-docmodel-skipped'] as unknown[] | undefined) ?? []).length,
    };
  });
  return { files: [...out.files.keys()].sort(), versions };
}
