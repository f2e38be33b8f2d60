/** The tool's own version, from package.json. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'docmodel') return (cached = String(pkg.version));
    } catch { /* keep looking upward */ }
    dir = dirname(dir);
  }
  return (cached = '0.0.0');
}

let codeHash: string | undefined;

/**
 * A hash of the tool's own compiled code (every .js file of the installed tool), so caches are
 * invalidated by any change to the tool, not only by a version bump.
 */
export function toolCodeHash(): string {
  if (codeHash) return codeHash;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const h = createHash('sha1');
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.js')) h.update(n).update(readFileSync(p));
    }
  };
  try { walk(root); } catch { /* unreadable install: version only */ }
  return (codeHash = h.digest('hex').slice(0, 16));
}
