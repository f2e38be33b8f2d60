/**
 * The command line, on commander: `docmodel <command> --help` for every command, suggestions
 * for mistyped commands and options ("did you mean"), one-line errors with exit 2, and an
 * EPIPE (the reader of our output went away, e.g. `| head`) ends quietly with exit 0.
 */
import { Command, CommanderError } from 'commander';
import { toolVersion } from '../util/version.js';
import { InputError } from '../sources/graph-markdown/ingest/walk.js';
import { SuppressionError } from '../checks/suppress.js';
import { ConfigError } from '../config/load.js';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './shared.js';

export function createProgram(setExit: (code: number) => void): Command {
  const program = new Command('docmodel')
    .description('API reference markdown → page IR, merged API model, TypeScript models, reconciliation reports')
    .version(toolVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help (also `docmodel <command> --help`)')
    // The program's options only before a command: `metadata … --version beta` is the command's option (it printed the tool's version).
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      outputError: (str, write) => write(`docmodel: ${str.replace(/^error: /, '')}`),
    })
    .addHelpText('after', `
Exit codes: 0 done; 1 findings reach --fail-on; 2 usage or tool error (one line; DOCMODEL_DEBUG=1 adds a stack trace).
Config: docmodel.config.json or .jsonc, found from the working directory upward (schema/config.schema.json).`);
  program.addHelpCommand('help [command]', 'show help for a command');
  const ctx = { setExit };
  for (const c of COMMANDS) c.register(program, ctx);
  return program;
}

function isEpipe(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { code?: unknown }).code === 'EPIPE';
}

/**
 * A reader that went away (`docmodel check -f json | head -1`): stop quietly, exit 0. Any other
 * error writing standard output or error (`> /dev/full`: ENOSPC) is a tool error: one line on
 * standard error when it can still be written, exit 2 (it was thrown from the stream's handler,
 * past main's catch: a stack trace and exit 1, the code of findings at --fail-on).
 */
export function exitQuietlyOnEpipe(): void {
  for (const [name, s] of [['standard output', process.stdout], ['standard error', process.stderr]] as const) {
    s.on('error', (e) => {
      if (isEpipe(e)) process.exit(0);
      if (s !== process.stderr) {
        try { process.stderr.write(`docmodel: cannot write ${name}: ${(e as NodeJS.ErrnoException).code ?? e.message}\n`); } catch { /* nowhere left to say it */ }
      }
      process.exit(2);
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = createProgram((c) => { code = c; });
  if (argv.length === 0) {
    process.stderr.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; everything commander rejects is a usage error.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? (e.exitCode === 0 ? 0 : 2) : 2;
    }
    if (isEpipe(e)) return 0;
    if (e instanceof UsageError || e instanceof InputError || e instanceof SuppressionError || e instanceof ConfigError) {
      process.stderr.write(`docmodel: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`docmodel: internal error: ${e instanceof Error ? e.message : String(e)}\n${process.env.DOCMODEL_DEBUG ? (e as Error).stack + '\n' : 'Set DOCMODEL_DEBUG=1 for a stack trace.\n'}`);
    return 2;
  }
}
