/** A command module: one file per command, listed in ./index.ts. */
import type { Command } from 'commander';

export interface CliContext {
  /** The exit code the process ends with. */
  setExit(code: number): void;
}

export interface CommandModule {
  /** Add the command (its options, help and action) to the program. */
  register(program: Command, ctx: CliContext): void;
}
