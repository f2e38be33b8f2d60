/** The page cache: unchanged pages are never re-read; a changed page or include is. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, utimesSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { analyzeParallel } from '../src/pipeline/pipeline.js';
import { CACHE_FILE, PageCache, readShard, SHARD_DIR, shardBytes, shardOf } from '../src/pipeline/cache.js';
import { tempTree } from './helpers.js';
import { irDigest } from '../src/pipeline/digest.js';
import { sha1Hex } from '../src/util/hash.js';
import type { PageIR } from '../src/sources/graph-markdown/ir/schema.js';

const page = (m: string) => `# P\n\n## HTTP request\n\n\`\`\`http\n${m} /p\n\`\`\`\n\n## Permissions\n\n[!INCLUDE [perms](includes/perms.md)]\n`;

test('cache: nothing changed → stop early, or rebuild from cached IRs re-reading nothing; a change re-reads just that page', async () => {
  const dir = tempTree({ 'a.md': page('GET'), 'b.md': page('POST'), 'includes/perms.md': '|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Application|P.Read.All|\n' });
  const cachePath = join(tempTree({}), CACHE_FILE);
  const first = new PageCache(cachePath);
  const a1 = await analyzeParallel([dir], { workers: 1, cache: first });
  assert.deepEqual(a1.changed!.map((f) => f.split('/').pop()).sort(), ['a.md', 'b.md']);
  first.save({ summary: 's', findings: { error: 0, warning: 0, info: 0 }, outputs: [] });

  assert.deepEqual(await analyzeParallel([dir], { workers: 1, cache: new PageCache(cachePath), stopIfUnchanged: true }), { unchanged: true, reread: [] });
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

test('cache shards: a rebuild after one page changed writes only that page\'s shard; a page gone leaves its shard; an unreadable shard is a miss for its pages only', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`p${i}.md`] = `# P${i}\n\n## HTTP request\n\n\`\`\`http\nGET /p${i}\n\`\`\`\n`;
  const dir = tempTree(files);
  const cacheDir = tempTree({});
  const cachePath = join(cacheDir, CACHE_FILE);
  const run = async () => {
    const c = new PageCache(cachePath);
    const a = await analyzeParallel([dir], { workers: 0, cache: c });
    c.save();
    return (a.changed ?? []).map((f) => f.split('/').pop()).sort();
  };
  const shardFiles = () => new Map(readdirSync(join(cacheDir, SHARD_DIR)).map((n) => [n, statSync(join(cacheDir, SHARD_DIR, n)).ino]));
  assert.equal((await run()).length, 40);
  const abs = (n: number) => join(dir, `p${n}.md`);
  const expected = new Set(Array.from({ length: 40 }, (_, i) => `${shardOf(abs(i))}.v8`));
  const before = shardFiles();
  assert.deepEqual(new Set(before.keys()), expected);

  writeFileSync(abs(7), files['p7.md']!.replace('GET', 'POST'));
  assert.deepEqual(await run(), ['p7.md']);
  const after = shardFiles();
  const rewritten = [...after].filter(([n, ino]) => before.get(n) !== ino).map(([n]) => n);
  assert.deepEqual(rewritten, [`${shardOf(abs(7))}.v8`]);

  // p7 goes: its shard is rewritten without it, or removed when it held only p7.
  rmSync(abs(7));
  assert.deepEqual(await run(), []);
  const alone = ![...Array(40).keys()].some((i) => i !== 7 && shardOf(abs(i)) === shardOf(abs(7)));
  assert.equal(shardFiles().has(`${shardOf(abs(7))}.v8`), !alone);

  // Garbage in one shard: its pages (and only they) are re-read, and the shard is written again.
  const victim = shardOf(abs(3));
  writeFileSync(join(cacheDir, SHARD_DIR, `${victim}.v8`), 'not v8');
  const inVictim = [...Array(40).keys()].filter((i) => i !== 7 && shardOf(abs(i)) === victim).map((i) => `p${i}.md`).sort();
  assert.deepEqual(await run(), inVictim);
  assert.deepEqual(await run(), []);
});

test('cache shards: a shard rewritten with kept pages reads their bytes back from its file (checked): they stay cached with the same IRs; one whose bytes changed on disk meanwhile is dropped and read again next run', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) files[`p${i}.md`] = `# P${i}\n\n## HTTP request\n\n\`\`\`http\nGET /p${i}\n\`\`\`\n`;
  const dir = tempTree(files);
  const cachePath = join(tempTree({}), CACHE_FILE);
  const abs = (n: number) => join(dir, `p${n}.md`);
  // Two pages in one shard (100 pages in 256 shards: almost surely; else the test says so).
  const byShard = new Map<string, number[]>();
  for (let i = 0; i < 100; i++) byShard.set(shardOf(abs(i)), [...(byShard.get(shardOf(abs(i))) ?? []), i]);
  const pair = [...byShard.values()].find((l) => l.length >= 2);
  assert.ok(pair, 'no two pages share a shard');
  const [edited, kept] = pair as [number, number];
  const run = async (before?: () => void) => {
    const c = new PageCache(cachePath);
    const a = await analyzeParallel([dir], { workers: 0, cache: c });
    before?.();
    c.save();
    return { changed: (a.changed ?? []).map((f) => f.split('/').pop()).sort(), pages: a.pages };
  };
  const cold = await run();
  writeFileSync(abs(edited), files[`p${edited}.md`]!.replace('GET', 'POST'));
  assert.deepEqual((await run()).changed, [`p${edited}.md`]);
  // The kept page's entry was copied into the rewritten shard from the old file: still cached, same IR.
  const warm = await run();
  assert.deepEqual(warm.changed, []);
  const k = cold.pages.findIndex((p) => p.file === `p${kept}.md`);
  assert.deepStrictEqual(warm.pages[k], cold.pages[k]);
  assert.equal(warm.pages.find((p) => p.file === `p${edited}.md`)!.operations[0]!.method, 'POST');
  // The edited page changes again; before the save, the shard file is replaced under the cache: the kept pages' bytes cannot be read back.
  writeFileSync(abs(edited), files[`p${edited}.md`]!);
  const shardFile = join(cachePath, '..', SHARD_DIR, `${shardOf(abs(kept))}.v8`);
  assert.deepEqual((await run(() => writeFileSync(shardFile, 'not a shard'))).changed, [`p${edited}.md`]);
  // Every page the shard kept besides the edited one (two or more) is read again.
  const after = await run();
  assert.deepEqual(after.changed, (pair as number[]).filter((i) => i !== edited).map((i) => `p${i}.md`).sort());
  assert.deepStrictEqual(after.pages, cold.pages);
  assert.deepEqual((await run()).changed, []);
});

test('cache kept across runs (watch): unchanged pages\' IRs come back as the same frozen objects; a run that never saved leaves no trace', async () => {
  const dir = tempTree({ 'a.md': page('GET'), 'b.md': page('POST'), 'includes/perms.md': '|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Application|P.Read.All|\n' });
  const c = new PageCache(undefined, { memory: true });
  const a1 = await analyzeParallel([dir], { workers: 0, cache: c });
  c.save();
  const a2 = await analyzeParallel([dir], { workers: 0, cache: c });
  assert.deepEqual(a2.changed, []);
  assert.equal(a2.pages[0], a1.pages[0]);
  assert.ok(Object.isFrozen(a2.pages[0]!.operations[0]));
  assert.throws(() => { (a2.pages[0]!.operations as unknown[]).push({}); }, TypeError);
  // a2 is not saved (its build failed, say); b.md changes; the next run must see it.
  writeFileSync(join(dir, 'b.md'), page('PATCH'));
  const a3 = await analyzeParallel([dir], { workers: 0, cache: c });
  assert.deepEqual(a3.changed!.map((f) => f.split('/').pop()), ['b.md']);
  assert.equal(a3.pages[1]!.operations[0]!.method, 'PATCH');
  c.save();
  assert.deepEqual((await analyzeParallel([dir], { workers: 0, cache: c })).changed, []);
});

/** Paths (`.a.b[2]`) of members whose value is undefined: JSON has no such member. */
function undefinedMembers(v: unknown, path = ''): string[] {
  if (v === undefined) return [path];
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => undefinedMembers(x, Array.isArray(v) ? `${path}[${k}]` : `${path}.${k}`));
}

test('an IR is the same plain JSON data whether a worker sent it, the cache kept it or this thread made it; the cache keeps its JSON, checked against its digest', async () => {
  // The five seed pages: real pages, whose IRs leave many optional members unset.
  const seeds = Object.fromEntries(readdirSync('input').map((f) => [f.replace(/\.txt$/, '.md'), readFileSync(join('input', f))]));
  const dir = tempTree(seeds);
  const cachePath = join(tempTree({}), CACHE_FILE);
  const c = new PageCache(cachePath);
  const fresh = await analyzeParallel([dir], { workers: 1, cache: c });
  c.save();
  const cached = await analyzeParallel([dir], { workers: 1, cache: new PageCache(cachePath) });
  const inThread = await analyzeParallel([dir], { workers: 0 });
  assert.deepEqual(cached.changed, []);
  assert.equal(fresh.pages.length, 5);
  for (const [i, p] of fresh.pages.entries()) {
    // deepStrictEqual tells a member set to undefined from one that is absent.
    assert.deepStrictEqual(cached.pages[i], p);
    assert.deepStrictEqual(inThread.pages[i], p);
    assert.deepEqual(undefinedMembers(p), [], p.file);
  }
  // On disk: each entry's bytes are the IR's JSON, and the SHA-1 of those bytes is the IR's digest.
  const entries = readdirSync(join(cachePath, '..', SHARD_DIR)).flatMap((f) => {
    const r = readShard(join(cachePath, '..', SHARD_DIR, f))!;
    return Object.values(r.entries).map((e) => ({ digest: e.digest, data: Buffer.from(r.body.subarray(e.at![0], e.at![0] + e.at![1])) }));
  });
  assert.equal(entries.length, 5);
  const byDigest = new Map(fresh.pages.map((p) => [irDigest(p), p] as const));
  for (const e of entries) {
    assert.equal(createHash('sha1').update(e.data).digest('hex'), e.digest);
    assert.deepStrictEqual(JSON.parse(e.data.toString('utf8')) as PageIR, byDigest.get(e.digest));
  }
  // Bytes that no longer match their digest are a miss: the page is read again, and comes out the same.
  const shard = join(cachePath, '..', SHARD_DIR, readdirSync(join(cachePath, '..', SHARD_DIR))[0]!);
  const f = readShard(shard)!;
  const withBytes = Object.fromEntries(Object.entries(f.entries).map(([k, e]) => [k, { ...e, data: Buffer.from(f.body.subarray(e.at![0], e.at![0] + e.at![1])) }]));
  const [abs, entry] = Object.entries(withBytes)[0]!;
  const text = entry.data.toString('utf8').replace('"irVersion"', '"irVersioN"');
  withBytes[abs] = { digest: entry.digest, data: Buffer.from(text) };
  writeFileSync(shard, shardBytes(f.key, withBytes));
  const again = await analyzeParallel([dir], { workers: 1, cache: new PageCache(cachePath) });
  assert.deepEqual(again.changed!.map((x) => join(dir, x)), [abs]);
  assert.deepStrictEqual(again.pages, fresh.pages);
});

test('sha1Hex is the SHA-1 createHash gives, of texts (as UTF-8, astral and lone surrogates included) and of bytes', () => {
  for (const text of ['', 'a', 'Übersicht 𝔾raph', '\ud800 alone', 'x'.repeat(100_000)]) {
    assert.equal(sha1Hex(text), createHash('sha1').update(text).digest('hex'), JSON.stringify(text.slice(0, 20)));
    const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
    assert.equal(sha1Hex(bytes), createHash('sha1').update(bytes).digest('hex'));
  }
  assert.equal(sha1Hex('abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
});
