/** `docmodel openapi [paths..] [--out DIR]`: only the OpenAPI 3.1 export (DIR/openapi/<version>.yaml and .json). */
import { resolve } from 'node:path';
import { runOpenApi } from '../../pipeline/openapi.js';
import { addCommon, checkOutDir, resolveCommon, type CommonOpts } from '../shared.js';
import type { CommandModule } from './types.js';

export const openapiCommand: CommandModule = {
  register(program, ctx) {
    const cmd = program.command('openapi')
      .description('write only the OpenAPI 3.1 export of the docs model: DIR/openapi/<version>.yaml and .json (build writes the same files among its outputs)')
      .argument('[paths...]', 'files or directories to read (default: config "inputs", else input/)')
      .option('-o, --out <dir>', 'output directory (default: config "out", else generated/)');
    addCommon(cmd);
    cmd.action(async (paths: string[], f: CommonOpts & { out?: string }) => {
      const c = resolveCommon(f);
      const root = f.root ?? c.config.root;
      const inputs = paths.length ? paths : (c.config.inputs ?? (root !== undefined ? [root] : ['input']));
      const out = f.out ?? c.config.out ?? 'generated';
      checkOutDir(out, inputs, root);
      const s = await runOpenApi({ inputs, outDir: resolve(out), workers: c.workers, root });
      if (!f.quiet) for (const v of s.versions) process.stderr.write(`docmodel openapi: ${v.version}: ${v.paths} paths, ${v.operations} operations, ${v.schemas} schemas, ${v.skipped} operations left out\n`);
      ctx.setExit(0);
    });
  },
};
