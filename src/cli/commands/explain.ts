/** `docmodel explain <rule-id>`: one rule, with a before/after example. */
import { isWholeTreeRule } from '../../checks/types.js';
import { RULES, findRule } from '../../checks/registry.js';
import { DIAGNOSTICS, findDiagnostic } from '../../checks/diagnostics.js';
import { METADATA_RULES, describeMetadataRule, findMetadataRule } from '../../checks/metadata/registry.js';
import { closest } from '../../util/suggest.js';
import { UsageError } from '../shared.js';
import type { CommandModule } from './types.js';

function indent(s: string): string {
  return s.split('\n').map((l) => '    ' + l).join('\n');
}

export const explainCommand: CommandModule = {
  register(program, ctx) {
    program.command('explain')
      .description('describe one rule (what it checks, severity, contexts, before/after example) or one diagnostic')
      .argument('<id>', 'a rule id (see `docmodel rules`) or a diagnostic id')
      .action((id: string) => {
        const r = findRule(id);
        const m = r ? undefined : findMetadataRule(id);
        if (m) {
          const d = describeMetadataRule(m);
          process.stdout.write(`${d.id} (${d.severity}; context: metadata — docmodel metadata, or check with config "metadata" / --metadata)\n\n${d.summary}\n\n${d.description}\n\nBefore:\n${indent(d.example.before)}\n\nAfter:\n${indent(d.example.after)}\n`);
          ctx.setExit(0);
          return;
        }
        const dk = r ? undefined : findDiagnostic(id);
        if (dk) {
          process.stdout.write(`${dk.id} (diagnostic; ${dk.severity}; stage: ${dk.stage}; ${dk.suppressible ? 'suppressible' : 'not suppressible'})\n\n${dk.summary}\n\n${dk.description}\n`);
          ctx.setExit(0);
          return;
        }
        if (!r) {
          const near = closest(id, [...RULES.map((x) => x.id), ...METADATA_RULES.map((x) => x.id), ...DIAGNOSTICS.map((x) => x.id)]);
          throw new UsageError(`no rule or diagnostic ${JSON.stringify(id)}${near ? ` (did you mean ${near}?)` : ''}; see \`docmodel rules\``);
        }
        process.stdout.write(`${r.id} (${r.severity}; confidence ${r.confidence ?? 'medium'}; contexts: ${r.contexts.join(', ')}${isWholeTreeRule(r) ? '; whole tree only' : ''})\n\n${r.summary}\n\n${r.description}\n\nBefore:\n${indent(r.example.before)}\n\nAfter:\n${indent(r.example.after)}\n`);
        ctx.setExit(0);
      });
  },
};
