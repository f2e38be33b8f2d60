/** `docmodel rules`: the reconciliation rules, one per line. */
import { isWholeTreeRule } from '../../checks/types.js';
import { RULES } from '../../checks/registry.js';
import { METADATA_RULES } from '../../checks/metadata/registry.js';
import type { CommandModule } from './types.js';

export const rulesCommand: CommandModule = {
  register(program, ctx) {
    program.command('rules')
      .description('list the reconciliation and metadata rules: id, default severity, confidence, contexts, summary')
      .action(() => {
        const w = Math.max(...RULES.map((r) => r.id.length));
        for (const r of [...RULES].sort((a, b) => (a.id < b.id ? -1 : 1))) {
          process.stdout.write(`${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${(r.confidence ?? 'medium').padEnd(6)}  ${r.contexts.join(',').padEnd(20)}  ${r.summary}${isWholeTreeRule(r) ? ' (whole tree)' : ''}\n`);
        }
        process.stdout.write(`${RULES.length} rules (whole tree: reports what the tree lacks, so not run on a part of a docs tree; see tree-partial)\n\nMetadata rules (docmodel metadata, or check with config "metadata" / --metadata):\n`);
        for (const r of [...METADATA_RULES].sort((a, b) => (a.id < b.id ? -1 : 1))) process.stdout.write(`${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${''.padEnd(6)}  ${'metadata'.padEnd(20)}  ${r.summary}\n`);
        process.stdout.write(`${METADATA_RULES.length} metadata rules\n`);
        ctx.setExit(0);
      });
  },
};
