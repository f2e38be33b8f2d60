/** The page cache: unchanged pages are never re-read; a changed page or include is. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync, utimesSync } from 'node:fs';
import { analyzeParallel } from '../src/pipeline/pipeline.js';
import { CACHE_FILE, PageCache } from '../src/pipeline/cache.js';
import { tempTree } from './helpers.js';

const page = (m: string) => `# P\n\n## HTTP request\n\n\`\`\`http\n${m} /p\n\`\`\`\n\n## Permissions\n\n[!INCLUDE [perms](includes/perms.md)]\n`;

test('cache: nothing changed → stop early, or rebuild from cached IRs re-reading nothing; a change re-reads just that page', async () => {
  const dir = tempTree({ 'a.md': page('GET'), 'b.md': page('POST'), 'includes/perms.md': '|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Application|P.Read.All|\n' });
  const cachePath = join(tempTree({}), CACHE_FILE);
  const first = new PageCache(cachePath);
  const a1 = await analyzeParallel([dir], { workers: 1, cache: first });
  assert.deepEqual(a1.changed!.map((f) => f.split('/').pop()).sort(), ['a.md', 'b.md']);
  first.save({ summary: 's', findings: { error: 0, warning: 0, info: 0 }, outputs: [] });

  assert.equal(await analyzeParallel([dir], { workers: 1, cache: new PageCache(cachePath), stopIfUnchanged: true }), null);
  const again = await analyzeParallel([dir], { workers: 1, cache: new PageCache(cachePath) });
  assert.deepEqual(again.changed, []);
  assert.equal(JSON.stringify(again.pages), JSON.stringify(a1.pages));

  // A touch without a content change is still a hit; a content change in an include re-reads both pages.
  utimesSync(join(dir, 'a.md'), new Date(), new Date(Date.now() + 5000));
  assert.deepEqual((await analyzeParallel([dir], { workers: 1, cache: new PageCache(cachePath) })).changed, []);
  writeFileSync(join(dir, 'includes/perms.md'), '|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Application|P.ReadWrite.All|\n');
  const c = new PageCache(cachePath);
  const a3 = await analyzeParallel([dir], { workers: 1, cache: c });
  assert.deepEqual(a3.changed!.map((f) => f.split('/').pop()).sort(), ['a.md', 'b.md']);
  assert.equal(a3.pages[0]!.permissions!.entries[0]!.permissions[0]!.name, 'P.ReadWrite.All');
  c.save();
  writeFileSync(join(dir, 'b.md'), page('DELETE'));
  const a4 = await analyzeParallel([dir], { workers: 1, cache: new PageCache(cachePath) });
  assert.deepEqual(a4.changed!.map((f) => f.split('/').pop()), ['b.md']);
});
