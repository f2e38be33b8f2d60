/** The tool's own version, from package.json. */
import { readFileSync } from 'node:fs';
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
