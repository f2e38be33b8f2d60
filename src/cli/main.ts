#!/usr/bin/env node
/**
 * docmodel command line: `docmodel --help`, `docmodel <command> --help`.
 * Exit codes: 0 success (findings below --fail-on), 1 findings reach --fail-on, 2 usage or tool error.
 * The commands are src/cli/commands/<name>.ts, listed in src/cli/commands/index.ts.
 */
import { exitQuietlyOnEpipe, main } from './program.js';

exitQuietlyOnEpipe();
process.exitCode = await main(process.argv.slice(2));
// For benchmarks: the peak resident set of the whole process (all worker threads included).
if (process.env.DOCMODEL_MAXRSS) process.stderr.write(`maxrss-kb: ${process.resourceUsage().maxRSS}\n`);
