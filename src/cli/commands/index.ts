/**
 * The commands, in the order `docmodel --help` lists them. To add a command: write
 * `src/cli/commands/<name>.ts` exporting a CommandModule and add one line here.
 */
import type { CommandModule } from './types.js';
import { buildCommand } from './build.js';
import { checkCommand } from './check.js';
import { driftCommand } from './drift.js';
import { statsCommand } from './stats.js';
import { rulesCommand } from './rules.js';
import { explainCommand } from './explain.js';
import { openapiCommand } from './openapi.js';
import { metadataCommand } from './metadata.js';

export const COMMANDS: CommandModule[] = [
  buildCommand,
  checkCommand,
  driftCommand,
  statsCommand,
  openapiCommand,
  metadataCommand,
  rulesCommand,
  explainCommand,
];

export type { CommandModule, CliContext } from './types.js';
