/** `docmodel explain <rule-id>`: one rule, with a before/after example. */
import { RULES, findRule } from '../../checks/registry.js';
import { closest } from '../../util/suggest.js';
import { UsageError } from '../shared.js';
import type { CommandModule } from './types.js';

function indent(s: string): string {
  return s.split('\n').map((l) => '    ' + l).join('\n');
}

export const explainCommand: CommandModule = {
  register(program, ctx) {
    program.command('explain')
      .description('describe one rule: what it checks, severity, contexts, before/after example')
      .argument('<rule-id>', 'a rule id (see `docmodel rules`)')
      .action((id: string) => {
        const r = findRule(id);
        if (!r) {
          const near = closest(id, RULES.map((x) => x.id));
          throw new UsageError(`no rule ${JSON.stringify(id)}${near ? ` (did you mean ${near}?)` : ''}; see \`docmodel rules\``);
        }
        process.stdout.write(`${r.id} (${r.severity}; contexts: ${r.contexts.join(', ')})\n\n${r.summary}\n\n${r.description}\n\nBefore:\n${indent(r.example.before)}\n\nAfter:\n${indent(r.example.after)}\n`);
        ctx.setExit(0);
      });
  },
};
