import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, tempTree, INPUT } from './helpers.js';

const CLI = join(ROOT, 'dist/src/cli/main.js');
function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('build prints a one-line summary and writes the outputs', () => {
  const out = tempTree({});
  const r = run(['build', INPUT, '--out', out]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^docmodel: 5 pages, 2 operations, \d+ types, 0 enums; findings: 0 error, \d+ warning, \d+ info; \d+ diagnostics; .*\n$/);
  for (const f of ['ir.schema.json', 'model.json', 'reconciliation.md', 'reconciliation.json', 'models/v1.0/index.ts', 'models/beta/operations.ts', 'ir/003_0fc59fc350b59631.json']) {
    assert.ok(existsSync(join(out, f)), f);
  }
});

test('--fail-on sets the exit code from the findings', () => {
  const out = tempTree({});
  // the seeds have warnings and no error (the Intune workload pages are not compared with user-update)
  assert.equal(run(['build', INPUT, '--out', out, '--quiet', '--fail-on', 'warning']).code, 1);
  assert.equal(run(['build', INPUT, '--out', out, '--quiet', '--fail-on', 'error']).code, 0);
  const clean = tempTree({ 'p.md': '# Get thing\n\n## HTTP request\n\n```http\nGET /things/{id}\n```\n' });
  assert.equal(run(['build', clean, '--out', join(clean, 'out'), '--quiet', '--fail-on', 'error']).code, 0);
});

test('argument and file errors are one-line messages with exit 2, not stack traces', () => {
  const missing = run(['build', '/no/such/path']);
  assert.equal(missing.code, 2);
  assert.equal(missing.err, 'docmodel: input path not found: /no/such/path\n');
  const bad = run(['build', INPUT, '--fail-on', 'fatal']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /^docmodel: option '--fail-on <level>' argument 'fatal' is invalid\. Allowed choices are error, warning, info, never\.\n/);
  const unknown = run(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /^docmodel: unknown command 'frobnicate'\n/);
  const typo = run(['chekc']);
  assert.equal(typo.code, 2);
  assert.match(typo.err, /\(Did you mean check\?\)/);
  const optTypo = run(['build', '--otu', 'x']);
  assert.equal(optTypo.code, 2);
  assert.match(optTypo.err, /^docmodel: unknown option '--otu'\n\(Did you mean --out\?\)/);
  const opt = run(['build', '--nope']);
  assert.equal(opt.code, 2);
  assert.doesNotMatch(opt.err, /at .*\.js:\d+/);
  // An empty --output; an area no finding has (said, with the nearest; the run goes on); a config choice out of its words.
  const empty = run(['check', INPUT, '-o', '', '--no-config']);
  assert.deepEqual([empty.code, empty.err], [2, 'docmodel: --output "" names no file (leave --output out to write to standard output)\n']);
  const area = run(['check', INPUT, '--area', 'microsoft-identity-platfrom', '--no-config', '-q']);
  assert.equal(area.code, 0);
  assert.match(area.err, /^docmodel: --area microsoft-identity-platfrom: no finding has this area \(did you mean microsoft-identity-platform\?\); areas with findings: /);
  const cfg = tempTree({ 'docmodel.config.json': '{ "failOn": "warn" }' });
  const badConfig = run(['check', INPUT, '-q'], cfg);
  assert.deepEqual([badConfig.code, badConfig.err], [2, `docmodel: ${join(cfg, 'docmodel.config.json')}: /failOn: expected one of "error", "warning", "info", "never", got "warn"\n`]);
  // A page cache that is a file: said before the run (it was an internal error with a machine path once the check was done).
  const file = join(tempTree({ f: 'x' }), 'f');
  const cache = run(['check', INPUT, '--cache', file, '-q', '--no-config']);
  assert.deepEqual([cache.code, cache.err], [2, `docmodel: --cache ${file} is a file, not a directory: give a directory for the page cache\n`]);
});

test('--output is written through the path as a shell\'s > would: a link stays a link (its target written), a FIFO is written into; the rename over the path replaced them (as root, -o /dev/stdout replaced the device file)', () => {
  const dir = tempTree({ 'target.json': 'old' });
  symlinkSync('target.json', join(dir, 'link.json'));
  const viaLink = run(['check', INPUT, '-f', 'json', '-o', join(dir, 'link.json'), '-q', '--no-config']);
  assert.equal(viaLink.code, 0, viaLink.err);
  assert.ok(lstatSync(join(dir, 'link.json')).isSymbolicLink());
  const report = JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8')) as { summary: { pages: number } };
  assert.equal(report.summary.pages, 5);
  // A dangling link: its target is made.
  symlinkSync('made.json', join(dir, 'dangling.json'));
  assert.equal(run(['check', INPUT, '-f', 'json', '-o', join(dir, 'dangling.json'), '-q', '--no-config']).code, 0);
  assert.deepEqual([lstatSync(join(dir, 'dangling.json')).isSymbolicLink(), readFileSync(join(dir, 'made.json'), 'utf8')], [true, readFileSync(join(dir, 'target.json'), 'utf8')]);
  const fifo = join(dir, 'pipe.json');
  if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here
  const r = spawnSync('sh', ['-c', `cat "$1" > "$2" & "$3" "$4" check "$5" -f json -o "$1" -q --no-config; wait`, 'sh', fifo, join(dir, 'read.json'), process.execPath, CLI, INPUT], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(lstatSync(fifo).isFIFO());
  assert.equal(readFileSync(join(dir, 'read.json'), 'utf8'), readFileSync(join(dir, 'target.json'), 'utf8'));
});

test('an output folder that cannot be made under /proc is one line and exit 2 at once (Node\'s recursive mkdir never returned there: the run spun at full CPU)', { skip: existsSync('/proc/self') ? false : 'no /proc here' }, () => {
  for (const [args, said] of [
    [['check', INPUT, '-f', 'json', '-o', '/proc/docmodel-none/r.json', '-q', '--no-config'], 'docmodel: cannot write /proc/docmodel-none/r.json: ENOENT\n'],
    [['build', INPUT, '--out', '/proc/docmodel-none/out', '-q', '--no-config'], 'docmodel: cannot create the output directory /proc/docmodel-none/out: ENOENT\n'],
  ] as const) {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.deepEqual([r.status, r.stderr], [2, said], args.join(' '));
  }
});

test('metadata --version is the command\'s (the API version of the CSDL), not the program\'s (it printed the tool version and compared nothing)', () => {
  const r = run(['metadata', 'test/fixtures/metadata/v1.0-user.csdl.xml', INPUT, '--version', 'beta', '-f', 'json', '--no-config', '-q']);
  assert.equal(r.code, 0, r.err);
  assert.equal((JSON.parse(r.out) as { version: string }).version, 'beta');
  assert.match(run(['--version']).out, /^\d+\.\d+\.\d+\n$/);
});

test('an error writing standard output (> /dev/full) is one line and exit 2, not a stack trace and exit 1 (the code of findings at --fail-on)', { skip: existsSync('/dev/full') ? false : 'no /dev/full here' }, () => {
  const full = openSync('/dev/full', 'w');
  try {
    for (const args of [['rules'], ['check', INPUT, '-f', 'json', '--no-config', '-q']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      assert.deepEqual([r.status, r.stderr], [2, 'docmodel: cannot write standard output: ENOSPC\n'], args.join(' '));
    }
  } finally {
    closeSync(full);
  }
});

test('build --stats prints the coverage also when the outputs are up to date (it printed only "up to date")', () => {
  const out = join(tempTree({}), 'out');
  const first = run(['build', INPUT, '--out', out, '--stats', '--no-config']);
  const again = run(['build', INPUT, '--out', out, '--stats', '--no-config']);
  assert.equal(again.code, 0, again.err);
  const coverage = (s: string) => s.slice(s.indexOf('pages: '));
  assert.match(first.out, /^pages: 5 /m);
  assert.equal(coverage(again.out), coverage(first.out));
  assert.match(again.out, /22 unchanged/);
});

test('rules lists every rule; explain prints one with its example', () => {
  const r = run(['rules']);
  assert.equal(r.code, 0);
  assert.match(r.out, /^response-status-differs\s+error\s+medium\s+variant,cross-version\s+Pages of one operation state different success status codes$/m);
  const e = run(['explain', 'content-length-mismatch']);
  assert.equal(e.code, 0);
  assert.match(e.out, /^content-length-mismatch \(warning; confidence high; contexts: page\)\n/);
  assert.match(e.out, /Before:\n {4}Content-length: 491/);
  assert.equal(run(['explain', 'nope']).code, 2);
});

test('stale outputs of removed pages are removed; files the tool did not write are kept', () => {
  const dir = tempTree({ 'docs/a.md': '# A\n\n## HTTP request\n\n```http\nGET /a\n```\n', 'docs/b.md': '# B\n\n## HTTP request\n\n```http\nGET /b\n```\n' });
  const out = join(dir, 'out');
  assert.equal(run(['build', join(dir, 'docs'), '--out', out, '--quiet']).code, 0);
  assert.ok(existsSync(join(out, 'ir/b.json')));
  mkdirSync(join(out, 'mine'), { recursive: true });
  writeFileSync(join(out, 'mine/notes.txt'), 'keep');
  writeFileSync(join(dir, 'docs/b.md'), '');
  spawnSync('rm', [join(dir, 'docs/b.md')]);
  const r = run(['build', join(dir, 'docs'), '--out', out]);
  assert.match(r.out, /1 removed/);
  assert.ok(!existsSync(join(out, 'ir/b.json')));
  assert.equal(readFileSync(join(out, 'mine/notes.txt'), 'utf8'), 'keep');
});

test('--watch rebuilds on a change and prints the page it re-read', async () => {
  const dir = tempTree({ 'docs/a.md': '# A\n\n## HTTP request\n\n```http\nGET /a\n```\n', 'docs/b.md': '# B\n\n## HTTP request\n\n```http\nGET /b\n```\n' });
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [CLI, 'build', join(dir, 'docs'), '--out', join(dir, 'out'), '--watch'], { cwd: dir });
  let out = '';
  child.stdout.on('data', (d) => { out += String(d); });
  const waitFor = async (re: RegExp, ms: number) => {
    const until = Date.now() + ms;
    while (!re.test(out) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return re.test(out);
  };
  try {
    assert.ok(await waitFor(/watching/, 30_000), out);
    writeFileSync(join(dir, 'docs/b.md'), '# B\n\n## HTTP request\n\n```http\nPOST /b\n```\n');
    assert.ok(await waitFor(/re-read 1 page\(s\): .*b\.md/, 30_000), out);
    // Ctrl-C ends it (a CI run once left one alive 16 minutes after its Ctrl-C).
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGINT');
    // The 15 s limit is cleared once decided: a pending timer held this file's process open after its last test.
    let limit: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'alive'>((done) => { limit = setTimeout(() => done('alive'), 15_000); })]);
    clearTimeout(limit);
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('the library called from `node --input-type=module -e`: its page and printer workers start (a worker given a file inherits --input-type, which fails it)', () => {
  const out = join(tempTree({}), 'out');
  const index = JSON.stringify(pathToFileURL(join(ROOT, 'dist/src/index.js')).href);
  const script = `import { build } from ${index};
const r = await build({ inputs: [${JSON.stringify(INPUT)}], out: ${JSON.stringify(out)}, workers: 1 });
console.log(JSON.stringify(r.analysis.pages.map((p) => [p.format, p.diagnostics.filter((d) => d.rule === 'page-worker-crashed').length])));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  const pages = JSON.parse(r.stdout) as [string, number][];
  assert.equal(pages.length, 5);
  assert.deepEqual(pages.filter(([format, crashed]) => format === 'unreadable' || crashed > 0), []);
  // The TypeScript came from the printer worker too (a cold build): the models are there.
  assert.ok(existsSync(join(out, 'models/v1.0/operations.ts')));
});

test('the CLI run under V8 options (`node --max-old-space-size=… --stack-trace-limit=…`): its workers start (a worker given the options as execArgv refuses V8\'s)', () => {
  const out = join(tempTree({}), 'out');
  const r = spawnSync(process.execPath, ['--max-old-space-size=2048', '--stack-trace-limit=20', CLI, 'build', INPUT, '--out', out, '--workers', '1', '--no-config'], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  const irs = readdirSync(join(out, 'ir')).map((f) => JSON.parse(readFileSync(join(out, 'ir', f), 'utf8')) as { format: string; diagnostics: { rule: string }[] });
  assert.equal(irs.length, 5);
  assert.deepEqual(irs.filter((ir) => ir.format === 'unreadable' || ir.diagnostics.some((d) => d.rule === 'page-worker-crashed')), []);
  assert.ok(existsSync(join(out, 'models/v1.0/operations.ts')));
});
