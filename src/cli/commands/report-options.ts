/** Report options shared by check and drift, and their summary line. */
import { Option, type Command } from 'commander';
import { FORMATS } from '../../emit/reports/formats.js';
import { buildSummary, type CheckResult } from '../../index.js';

const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

export function addReportOptions(cmd: Command): Command {
  return cmd
    .option('-f, --format <format>', `report format, repeatable: ${FORMATS.join(', ')} (default: config "reports", else text)`, collect)
    .option('-o, --output <file>', 'write the report of the --format at the same position to this file (repeatable; without it: standard output)', collect)
    .option('--all', 'text, markdown and html: include cross-version info findings and every operation table (json and sarif always have them)')
    .option('--area <area>', 'only findings of this area (front matter ms.prod, else the folder); repeatable', collect)
    .addOption(new Option('--group-by <key>', 'text and markdown: group findings by area').choices(['area']))
    .option('--path-prefix <dir>', 'prepend to paths in sarif, github and junit reports: the docs root\'s path in the repository (github default: the docs root relative to the working directory)');
}

/** One line for stderr: what was found and what was hidden (suppressed, baseline, rules off), baseline updates. */
export function summaryLine(label: string, r: CheckResult): string {
  const b = r.baselineUpdate;
  return `${label}: ${buildSummary(r)}${b ? `; baseline ${b.file} written: ${b.total} findings (${b.added} added, ${b.pruned} pruned)` : ''}`;
}
