/**
 * Writing an output tree safely: each file through a temp file + rename (never half-written),
 * unchanged files left alone, and files a previous run wrote but this run did not (stale
 * outputs of removed pages) removed. Only files listed in the manifest are ever removed.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, readdirSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const MANIFEST = '.docmodel-manifest.json';

export interface WriteStats { written: number; unchanged: number; removed: number }

export function writeOutputs(outDir: string, files: Map<string, string>): WriteStats {
  mkdirSync(outDir, { recursive: true });
  const stats: WriteStats = { written: 0, unchanged: 0, removed: 0 };
  const previous = readManifest(outDir);
  const names = [...files.keys()].sort();
  for (const rel of names) {
    if (rel.includes('..') || rel.startsWith('/')) throw new Error(`refusing to write outside the output directory: ${rel}`);
    const abs = join(outDir, rel);
    const content = files.get(rel)!;
    if (existsSync(abs)) {
      try {
        if (readFileSync(abs, 'utf8') === content) { stats.unchanged++; continue; }
      } catch { /* unreadable: rewrite */ }
    }
    writeAtomic(abs, content);
    stats.written++;
  }
  const now = new Set(names);
  for (const rel of previous) {
    if (now.has(rel) || rel.includes('..')) continue;
    const abs = join(outDir, rel);
    if (existsSync(abs)) { rmSync(abs, { force: true }); stats.removed++; removeEmptyParents(outDir, dirname(abs)); }
  }
  writeAtomic(join(outDir, MANIFEST), JSON.stringify(names, null, 0).replace(/","/g, '",\n"') + '\n');
  return stats;
}

export function writeAtomic(abs: string, content: string): void {
  writeAtomicBuffer(abs, content);
}

export function writeAtomicBuffer(abs: string, content: string | Uint8Array): void {
  mkdirSync(dirname(abs), { recursive: true });
  const tmp = `${abs}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  writeFileSync(tmp, content);
  renameSync(tmp, abs);
}

function readManifest(outDir: string): string[] {
  try {
    const v = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8'));
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function removeEmptyParents(root: string, dir: string): void {
  while (dir.startsWith(root) && dir !== root) {
    try {
      if (readdirSync(dir).length) return;
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}
