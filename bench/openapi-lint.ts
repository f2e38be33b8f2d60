/**
 * Redocly's lint (@redocly/openapi-core, the `recommended` ruleset) on an OpenAPI export:
 * counts per severity and per rule, for each file given (or DIR/openapi/*.yaml).
 *
 *   node dist/bench/openapi-lint.js [generated]            # the seeds' export
 *   node dist/bench/openapi-lint.js /tmp/out/openapi/v1.0.yaml
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createConfig, lint } from '@redocly/openapi-core';

export interface LintCounts { file: string; bySeverity: Record<string, number>; byRule: [string, number][] }

export async function lintCounts(file: string): Promise<LintCounts> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lint({ ref: resolve(file), config });
  const bySeverity: Record<string, number> = { error: 0, warn: 0 };
  const byRule = new Map<string, number>();
  for (const p of problems) {
    bySeverity[p.severity] = (bySeverity[p.severity] ?? 0) + 1;
    byRule.set(`${p.ruleId} (${p.severity})`, (byRule.get(`${p.ruleId} (${p.severity})`) ?? 0) + 1);
  }
  return { file, bySeverity, byRule: [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const targets = args.length ? args : ['generated'];
  const files: string[] = [];
  for (const t of targets) {
    if (existsSync(t) && statSync(t).isDirectory()) {
      const dir = existsSync(join(t, 'openapi')) ? join(t, 'openapi') : t;
      for (const f of readdirSync(dir).sort()) if (f.endsWith('.yaml')) files.push(join(dir, f));
    } else files.push(t);
  }
  for (const f of files) {
    const c = await lintCounts(f);
    process.stdout.write(`${c.file}: ${c.bySeverity.error} errors, ${c.bySeverity.warn} warnings (redocly recommended)\n`);
    for (const [rule, n] of c.byRule) process.stdout.write(`  ${String(n).padStart(7)}  ${rule}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('openapi-lint.js')) await main();
