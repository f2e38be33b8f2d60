/** `docmodel metadata <csdl.xml> [--scopes FILE]... [paths..]`: the docs model against the service's metadata. */
import { Option } from 'commander';
import { resolve } from 'node:path';
import { runMetadata } from '../../pipeline/metadata.js';
import { countBySeverity } from '../../checks/engine.js';
import { writeNamedFile } from '../../pipeline/output.js';
import { toJson } from '../../util/order.js';
import { addCommon, checkOutputFile, exitFor, failOnLevel, resolveCommon, type CommonOpts } from '../shared.js';
import type { CommandModule } from './types.js';

type MetadataOpts = CommonOpts & { scopes?: string[]; version?: string; format: 'text' | 'json'; output?: string; failOn?: string };

export const metadataCommand: CommandModule = {
  register(program, ctx) {
    const cmd = program.command('metadata')
      .description('compare the docs model with the service metadata (OData CSDL) and permission-scope catalogues: types, properties, navigation properties, base types, enum members, actions/functions, entity sets, permission names')
      .argument('<csdl>', 'the CSDL (EDMX) file, e.g. v1.0.csdl.xml')
      .argument('[paths...]', 'files or directories to read (default: config "inputs", else input/)')
      .option('-s, --scopes <file>', 'a permission-scope catalogue (XML); repeat for several', (v: string, prev: string[] = []) => [...prev, v])
      .addOption(new Option('--version <version>', 'API version the CSDL describes (default: from its file name)').choices(['v1.0', 'beta']))
      .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
      .option('--output <file>', 'write the report to a file instead of stdout')
      .addOption(new Option('--fail-on <level>', 'exit 1 when a finding reaches this severity').choices(['error', 'warning', 'info', 'never']));
    addCommon(cmd);
    cmd.action(async (csdl: string, paths: string[], f: MetadataOpts) => {
      const c = resolveCommon(f);
      const root = f.root ?? c.config.root;
      const inputs = paths.length ? paths : (c.config.inputs ?? (root !== undefined ? [root] : ['input']));
      if (f.output) checkOutputFile(f.output, inputs);
      const r = await runMetadata({ csdl, scopes: f.scopes ?? [], inputs, workers: c.workers, version: f.version, root });
      const text = f.format === 'json' ? toJson(r.report) : r.text;
      if (f.output) writeNamedFile(resolve(f.output), text); else process.stdout.write(text);
      if (!f.quiet) process.stderr.write(r.summaryLine + '\n');
      ctx.setExit(exitFor(failOnLevel(f.failOn ?? c.config.failOn), countBySeverity(r.report.findings)));
    });
  },
};
