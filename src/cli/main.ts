#!/usr/bin/env node
/**
 * docmodel command line: `docmodel --help`, `docmodel <command> --help`.
 * Exit codes: 0 success (findings below --fail-on), 1 findings reach --fail-on, 2 usage or tool error.
 * The commands are src/cli/commands/<name>.ts, listed in src/cli/commands/index.ts. The commands that
 * read a tree run in a second process with a larger young generation (see relaunch.ts); the rest of
 * the CLI is loaded only in the process that runs the command.
 */
import { fileURLToPath } from 'node:url';
import { keepInProcess, relaunch, watchLauncher } from './relaunch.js';

const argv = process.argv.slice(2);
if (keepInProcess(argv, process.env, process.execArgv, process.platform) === undefined) {
  process.exitCode = await relaunch(fileURLToPath(import.meta.url), argv);
  // For benchmarks: the launcher's own peak resident set (the child prints its own; the two add up).
  if (process.env.DOCMODEL_MAXRSS) process.stderr.write(`launcher-maxrss-kb: ${process.resourceUsage().maxRSS}\n`);
} else {
  watchLauncher();
  const { exitQuietlyOnEpipe, main } = await import('./program.js');
  exitQuietlyOnEpipe();
  process.exitCode = await main(argv);
  // For benchmarks: the peak resident set of the whole process (all worker threads included).
  if (process.env.DOCMODEL_MAXRSS) process.stderr.write(`maxrss-kb: ${process.resourceUsage().maxRSS}\n`);
}
