/**
 * The CLI as CI and editors use it: --help for every command, config files (rule off / error,
 * JSONC, did-you-mean), colors, EPIPE, the one-line errors that write nothing, fingerprints that
 * do not depend on the working directory, baselines (--update-baseline, SARIF as a baseline),
 * suppressed findings in SARIF, and no absolute path of the input tree in any output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { ROOT, INPUT, tempTree } from './helpers.js';
import { COMMANDS } from '../src/cli/commands/index.js';
import { createProgram } from '../src/cli/program.js';
import { configJsonSchema } from '../src/config/schema.js';

const CLI = join(ROOT, 'dist/src/cli/main.js');
function run(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', env: env as NodeJS.ProcessEnv });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

test('every command has --help (exit 0, its own usage); the registry lists them all', () => {
  const names = createProgram(() => {}).commands.map((c) => c.name());
  assert.equal(names.length, COMMANDS.length);
  assert.deepEqual(names, ['build', 'check', 'drift', 'stats', 'openapi', 'metadata', 'rules', 'explain']);
  for (const name of names) {
    const r = run([name, '--help']);
    assert.equal(r.code, 0, `${name} --help: ${r.err}`);
    assert.match(r.out, new RegExp(`^Usage: docmodel ${name} `), name);
    const short = run([name, '-h']);
    assert.equal(short.code, 0);
    assert.equal(short.out, r.out);
  }
  const top = run(['--help']);
  assert.equal(top.code, 0);
  for (const n of names) assert.match(top.out, new RegExp(`^  ${n} `, 'm'));
  assert.equal(run(['help', 'check']).out, run(['check', '--help']).out);
  // Short flags are documented where they exist.
  assert.match(run(['check', '--help']).out, /-f, --format <format>[\s\S]*-o, --output <file>[\s\S]*-c, --config <file>[\s\S]*-j, --workers <n>[\s\S]*-q, --quiet[\s\S]*-r, --root <dir>/);
  assert.equal(run([]).code, 2, 'no command: usage on stderr, exit 2');
});

test('a config file turns one rule off and raises another to error: findings and exit code follow; flags override it', () => {
  const dir = tempTree({});
  cpSync(INPUT, join(dir, 'input'), { recursive: true });
  const base = JSON.parse(run(['check', '-f', 'json', '-q', '--fail-on', 'error'], { cwd: dir }).out);
  const count = (d: { findings: { rule: string; severity: string }[] }, rule: string) => d.findings.filter((f) => f.rule === rule).length;
  assert.equal(count(base, 'template-text-unresolved'), 1);
  assert.equal(count(base, 'status-line-malformed'), 1);
  assert.ok(base.findings.some((f: { rule: string; severity: string }) => f.rule === 'status-line-malformed' && f.severity === 'warning'));
  assert.equal(base.findings.filter((f: { severity: string }) => f.severity === 'error').length, 0);
  assert.equal(run(['check', '-q', '--fail-on', 'error'], { cwd: dir }).code, 0, 'no error finding without config');

  // One rule off, another raised to error: the findings and the exit code follow.
  writeFileSync(join(dir, 'docmodel.config.jsonc'), `{
    // JSONC: comments and trailing commas are fine
    "$schema": "./node_modules/docmodel/schema/config.schema.json",
    "inputs": ["input"],
    "rules": { "template-text-unresolved": "off", "status-line-malformed": "error", },
    "failOn": "error",
  }\n`);
  const raised = run(['check', '-f', 'json', '-q'], { cwd: dir });
  assert.equal(raised.code, 1, raised.err);
  const raisedData = JSON.parse(raised.out);
  assert.equal(count(raisedData, 'template-text-unresolved'), 0);
  assert.equal(raisedData.findings.length, base.findings.length - 1);
  const errors = raisedData.findings.filter((f: { severity: string }) => f.severity === 'error');
  assert.deepEqual(errors.map((f: { rule: string }) => f.rule), ['status-line-malformed']);
  const summary = run(['check', '-f', 'json'], { cwd: dir }).err;
  assert.match(summary, /findings: 1 error, 17 warning, 9 info \(not shown: 1 of rules turned off\)/);
  // A flag wins over the config; --no-config ignores it.
  assert.equal(run(['check', '-q', '--fail-on', 'never'], { cwd: dir }).code, 0);
  assert.equal(run(['check', 'input', '-q', '--no-config', '--fail-on', 'error'], { cwd: dir }).code, 0);
  // The config is found from a subfolder too (upward search), and its paths are relative to it.
  mkdirSync(join(dir, 'sub'));
  assert.equal(run(['check', '-q'], { cwd: join(dir, 'sub') }).code, 1);

  // Mistakes in a config are one line, exit 2, with a suggestion.
  writeFileSync(join(dir, 'docmodel.config.json'), '{ "rules": { "response-status-differ": "off" } }');
  const typo = run(['check', '-q', '--config', join(dir, 'docmodel.config.json')], { cwd: dir });
  assert.equal(typo.code, 2);
  assert.match(typo.err, /rules: no rule "response-status-differ" \(did you mean response-status-differs\?\)\n$/);
  writeFileSync(join(dir, 'docmodel.config.json'), '{ "rules": { "response-status-differs": "loud" } }');
  assert.equal(run(['check', '-q', '-c', 'docmodel.config.json'], { cwd: dir }).code, 2);
  writeFileSync(join(dir, 'docmodel.config.json'), '{ "inputz": [] }');
  assert.match(run(['check', '-q', '-c', 'docmodel.config.json'], { cwd: dir }).err, /^docmodel: .*docmodel\.config\.json: .*\n$/);
  writeFileSync(join(dir, 'docmodel.config.json'), '{ "inputs": [ }');
  assert.match(run(['check', '-q', '-c', 'docmodel.config.json'], { cwd: dir }).err, /docmodel\.config\.json:1:\d+: ValueExpected\n$/);
});

test('the published config schema is the one the tool validates with, and accepts a full example', () => {
  const committed = JSON.parse(readFileSync(join(ROOT, 'schema/config.schema.json'), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(configJsonSchema())), 'schema/config.schema.json is stale: run npm run schema');
  const validate = new Ajv.default({ strict: false }).compile(committed);
  assert.ok(validate({ inputs: ['docs'], root: 'docs', out: 'out', rules: { 'link-broken': 'off', 'title-mismatch': 'error' }, failOn: 'warning', suppressions: [{ rule: 'link-broken', selector: { file: 'a.md' }, reason: 'r' }], baseline: 'b.json', reports: [{ format: 'sarif', output: 'x.sarif' }, { format: 'github' }], workers: 2, cache: '.cache' }), JSON.stringify(validate.errors));
  assert.equal(validate({ rules: { x: 'loud' } }), false);
  assert.equal(validate({ reports: [{ format: 'pdf' }] }), false);
});

test('colors: --color / --no-color, NO_COLOR and FORCE_COLOR', () => {
  const esc = /\x1b\[/;
  assert.ok(!esc.test(run(['check', '-q']).out), 'not a terminal: no color');
  assert.ok(esc.test(run(['check', '-q', '--color']).out));
  assert.ok(esc.test(run(['check', '-q'], { env: { FORCE_COLOR: '1' } }).out));
  assert.ok(!esc.test(run(['check', '-q', '--no-color'], { env: { FORCE_COLOR: '1' } }).out));
  assert.ok(!esc.test(run(['check', '-q'], { env: { NO_COLOR: '1', FORCE_COLOR: undefined } }).out));
});

test('a reader that goes away (| head -1) ends the run quietly with exit 0', async () => {
  const child = spawn(process.execPath, [CLI, 'check', '-f', 'json', '-q'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += String(d); });
  // Read one chunk, then close our end of the pipe, as `head -1` does.
  await new Promise<void>((res) => child.stdout.once('data', () => { child.stdout.destroy(); res(); }));
  const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
  assert.equal(code, 0, err);
  assert.doesNotMatch(err, /EPIPE|at .*\.js:\d+/);
  // The shell pipeline the issue reported.
  const sh = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check -f json -q | head -1; echo "rc=\${PIPESTATUS:-}"`], { cwd: ROOT, encoding: 'utf8' });
  assert.match(sh.stdout, /^\{\n/);
  assert.equal(sh.stderr, '');
});

test('errors that write nothing: no pages, --out equal to or containing an input, --out naming a file, --output a directory', () => {
  const dir = tempTree({ 'docs/a.md': '# A\n\n## HTTP request\n\n```http\nGET /a\n```\n', 'empty/includes/x.md': 'fragment only', 'file.txt': 'x' });
  const before = listFiles(dir);
  const cases: [string[], RegExp][] = [
    [['build', join(dir, 'empty'), '--out', join(dir, 'out')], /^docmodel: no pages found in .*empty \(looked for \.md, \.markdown and \.txt files outside includes\/ and snippets\/ folders\)\n$/],
    [['check', join(dir, 'empty')], /^docmodel: no pages found in /],
    [['build', join(dir, 'docs'), '--out', join(dir, 'docs')], /^docmodel: --out .*docs is the input .*docs: the outputs would be written among the docs; choose another directory\n$/],
    [['build', join(dir, 'docs'), '--out', dir], /^docmodel: --out .* contains the input .*docs: the outputs would be written among the docs/],
    [['build', join(dir, 'docs'), '--out', join(dir, 'file.txt')], /^docmodel: --out .*file\.txt is a file, not a directory: give a directory for the outputs\n$/],
    [['check', join(dir, 'docs'), '-f', 'json', '-o', join(dir, 'docs')], /^docmodel: --output .*docs is a directory: give a file name\n$/],
    [['check', join(dir, 'docs'), '-f', 'markdown', '-o', join(dir, 'docs/report.md')], /is inside the input .* and would be read as a page next time/],
    [['check', join(dir, 'docs'), '-f', 'pdf'], /^docmodel: option '-f, --format <format>'|^docmodel: --format takes text, markdown, json, sarif, html, github, junit \(got "pdf"\)\n$/],
    [['check', '--changed-from', join(dir, 'file.txt')], /^docmodel: --changed-from needs --root/],
  ];
  for (const [args, re] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, re, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, `one line: ${r.err}`);
  }
  assert.deepEqual(listFiles(dir), before, 'nothing written');
  // An output folder inside the input is fine: it is never read as input.
  assert.equal(run(['build', join(dir, 'docs'), '--out', join(dir, 'docs/out'), '-q']).code, 0);
});

test('fingerprints and paths are the same from three working directories (repo root, the tree itself, elsewhere)', () => {
  const elsewhere = tempTree({});
  const runs = [
    run(['check', 'input', '-f', 'json', '-q']),
    run(['check', '.', '-f', 'json', '-q'], { cwd: INPUT }),
    run(['check', INPUT, '-f', 'json', '-q'], { cwd: elsewhere }),
  ].map((r) => JSON.parse(r.out) as { findings: { fingerprint: string; sides: { file: string }[] }[] });
  const fps = runs.map((d) => d.findings.map((f) => f.fingerprint));
  assert.equal(fps[0]!.length, 28);
  assert.deepEqual(fps[1], fps[0]);
  assert.deepEqual(fps[2], fps[0]);
  const files = runs.map((d) => [...new Set(d.findings.flatMap((f) => f.sides.map((s) => s.file)))].sort());
  assert.deepEqual(files[0], ['000_5be97bd32e2c4279.txt', '001_b74111fdae0f9f28.txt', '002_3cb1465fe3e08b31.txt', '003_0fc59fc350b59631.txt', '004_fd11c5a4c97dea3e.txt']);
  assert.deepEqual(files[1], files[0]);
  assert.deepEqual(files[2], files[0]);
});

test('--update-baseline writes the current findings; the baseline then hides exactly them (JSON or SARIF); the summary counts what it hid', () => {
  const dir = tempTree({});
  cpSync(INPUT, join(dir, 'docs'), { recursive: true });
  const baseline = join(dir, 'baseline.json');
  const w = run(['check', 'docs', '-f', 'json', '--update-baseline', baseline], { cwd: dir });
  assert.equal(w.code, 0, w.err);
  assert.equal(JSON.parse(w.out).findings.length, 0, 'everything is in the new baseline');
  assert.match(w.err, /baseline .*baseline\.json written: 31 findings \(31 added, 0 pruned\)/);
  const file = JSON.parse(readFileSync(baseline, 'utf8'));
  assert.equal(file.findings.length, 31, 'one entry per finding, the instances of a grouped finding included');
  assert.ok(file.findings.every((f: { fingerprint: string; file: string | null }) => /^[0-9a-f]{16}$/.test(f.fingerprint) && (f.file === null || !f.file.startsWith('/'))));
  const all = JSON.parse(run(['check', 'docs', '-f', 'json', '-q'], { cwd: dir }).out).findings as { fingerprint: string; rule: string }[];

  // Change the docs: one status line repaired (a finding goes), a new page (its findings come).
  const p3 = join(dir, 'docs/003_0fc59fc350b59631.txt');
  writeFileSync(p3, readFileSync(p3, 'utf8').replace('HTTP 1.1 200 OK', 'HTTP/1.1 200 OK'));
  writeFileSync(join(dir, 'docs/005_new.md'), '# Get widget\n\nSee [the widget resource](no-such-widget.md).\n');
  const after = JSON.parse(run(['check', 'docs', '-f', 'json', '-q'], { cwd: dir }).out).findings as { fingerprint: string; rule: string; instances?: unknown[] }[];
  const old = new Set(all.map((f) => f.fingerprint));
  const fresh = after.filter((f) => !old.has(f.fingerprint));
  assert.ok(fresh.length >= 1, 'the change brought a new finding');
  const shown = run(['check', 'docs', '-f', 'json', '--baseline', baseline], { cwd: dir });
  assert.deepEqual((JSON.parse(shown.out).findings as { fingerprint: string }[]).map((f) => f.fingerprint), fresh.map((f) => f.fingerprint));
  // The repair removed exactly one of the 31 baselined findings; the other 30 are hidden.
  assert.match(shown.err, /\(not shown: 30 in the baseline\)/);

  // The same with a SARIF log as the baseline.
  const sarif = join(dir, 'old.sarif');
  writeFileSync(sarif, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'docmodel' } }, results: [...file.findings.map((f: { fingerprint: string }) => ({ partialFingerprints: { 'docmodel/v1': f.fingerprint } }))] }] }));
  const viaSarif = run(['check', 'docs', '-f', 'json', '-q', '--baseline', sarif], { cwd: dir });
  assert.deepEqual(JSON.parse(viaSarif.out).findings.map((f: { fingerprint: string }) => f.fingerprint), fresh.map((f) => f.fingerprint));

  // Updating again prunes what is gone and adds what is new.
  const again = run(['check', 'docs', '-q', '--update-baseline', baseline], { cwd: dir });
  assert.equal(again.code, 0);
  const gone = all.filter((f) => !new Set(after.map((x) => x.fingerprint)).has(f.fingerprint)).length;
  assert.ok(gone >= 1, 'the repair removed a finding');
  assert.equal(JSON.parse(readFileSync(baseline, 'utf8')).findings.length, 31, '30 kept + 1 new');
  const msg = run(['check', 'docs', '--update-baseline', baseline], { cwd: dir }).err;
  assert.match(msg, /written: 31 findings \(0 added, 0 pruned\)/);
});

test('suppressed findings stay in SARIF with a suppressions entry; the summary counts them', () => {
  const dir = tempTree({});
  cpSync(INPUT, join(dir, 'docs'), { recursive: true });
  writeFileSync(join(dir, 'sup.json'), JSON.stringify([{ rule: 'status-line-malformed', selector: { file: '003_0fc59fc350b59631.txt' }, reason: 'legacy page, fixed upstream' }]));
  const r = run(['check', 'docs', '-f', 'sarif', '--suppressions', 'sup.json'], { cwd: dir });
  assert.equal(r.code, 0, r.err);
  const results = JSON.parse(r.out).runs[0].results as { ruleId: string; suppressions?: { kind: string; justification: string }[] }[];
  const sup = results.filter((x) => x.suppressions);
  assert.equal(sup.length, 1);
  assert.equal(sup[0]!.ruleId, 'status-line-malformed');
  assert.deepEqual(sup[0]!.suppressions, [{ kind: 'external', status: 'accepted', justification: 'legacy page, fixed upstream' }]);
  const findingResults = results.filter((x) => !/^[a-z-]+:/.test((x as unknown as { partialFingerprints: Record<string, string> }).partialFingerprints['docmodel/v1']!));
  assert.equal(findingResults.length, 28, 'every finding is listed, the suppressed one included (diagnostics are results too)');
  assert.match(r.err, /findings: 0 error, 18 warning, 9 info \(not shown: 1 suppressed\)/);
  // The JSON report leaves it out.
  const j = JSON.parse(run(['check', 'docs', '-f', 'json', '-q', '--suppressions', 'sup.json'], { cwd: dir }).out);
  assert.equal(j.findings.length, 27);
});

test('no output of a build given an absolute path holds that path (IR, model, TypeScript, reports)', () => {
  const dir = tempTree({});
  const tree = join(dir, 'somewhere', 'docs-tree');
  cpSync(INPUT, tree, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/partial/api-reference'), join(tree, 'api-reference'), { recursive: true });
  const out = join(dir, 'out');
  const r = run(['build', tree, '--out', out, '-q', '--no-cache'], { cwd: tempTree({}) });
  assert.equal(r.code, 0, r.err);
  const files = listFiles(out);
  assert.ok(files.length > 20);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.ok(!text.includes(tree), `${relative(out, f)} holds the absolute input path`);
    assert.ok(!text.includes(dir), `${relative(out, f)} holds the temp folder`);
  }
  const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
  assert.ok(model.operations.some((o: { variants: { document: string }[] }) => o.variants.some((v) => v.document === 'api-reference/v1.0/api/user-list-manager.md')), JSON.stringify(model.operations[0]).slice(0, 400));
  assert.ok(existsSync(join(out, 'ir/api-reference/v1.0/api/user-list-manager.json')));
  // Spliced include text keeps its provenance, relative to the docs root.
  const ir = JSON.parse(readFileSync(join(out, 'ir/api-reference/v1.0/api/user-list-manager.json'), 'utf8'));
  assert.ok(ir.includes.some((i: { resolved?: string }) => i.resolved === 'api-reference/includes/limited-info.md'), JSON.stringify(ir.includes));
});

test('progress on stderr only on a terminal; one summary line otherwise; nothing with --quiet', (t) => {
  const out = join(tempTree({}), 'r.json');
  const plain = run(['check', 'input', '-j', '1', '-f', 'json', '-o', out]);
  assert.match(plain.err, /^docmodel check: 5 pages, 2 operations, \d+ types, \d+ enums; findings: 0 error, 19 warning, 9 info; \d+ diagnostics \(\d+\.\d s\)\n$/);
  assert.equal(run(['check', 'input', '-j', '1', '-f', 'json', '-o', out, '-q']).err, '');
  if (spawnSync('script', ['--version'], { encoding: 'utf8' }).status !== 0) { t.skip('util-linux `script` (a pseudo-terminal) is not available'); return; }
  const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" check input -j 1 -f json -o "${out}"`, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
  assert.match(tty.stdout, /\r\x1b\[2Kdocmodel check: reading pages \d\/5/);
  assert.match(tty.stdout, /\r\x1b\[2Kdocmodel check: 5 pages read; merging the model and running the rules/);
  assert.match(tty.stdout, /\r\x1b\[2Kdocmodel check: 5 pages, 2 operations/);
  const quiet = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" check input -j 1 -f json -o "${out}" -q`, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(quiet.stdout, '');
});

test('config "reports" (formats and output paths, relative to the config file) and inline "suppressions"', () => {
  const dir = tempTree({});
  cpSync(INPUT, join(dir, 'docs'), { recursive: true });
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'docmodel.config.json'), JSON.stringify({
    inputs: ['docs'],
    reports: [{ format: 'junit', output: 'reports/docmodel.xml' }, { format: 'github' }],
    suppressions: [{ rule: 'status-line-malformed', selector: { file: '003_0fc59fc350b59631.txt' }, reason: 'legacy' }],
  }));
  const r = run(['check'], { cwd: join(dir, 'sub') });
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim().split('\n').length, 27, 'github annotations on stdout, the suppressed finding left out');
  assert.ok(r.out.split('\n').every((l) => l === '' || l.startsWith('::')));
  assert.match(readFileSync(join(dir, 'reports/docmodel.xml'), 'utf8'), /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="docmodel" tests="27" failures="27">/);
  assert.match(r.err, /\(not shown: 1 suppressed\)/);
  // Flags replace the config's reports.
  assert.match(run(['check', '-f', 'json', '-q'], { cwd: dir }).out, /^\{/);
});

test('a build\'s reports carry the findings the rule settings, suppressions and baseline leave, as check reports them (they held every finding, and SARIF each suppressed one twice)', () => {
  const dir = tempTree({});
  cpSync(INPUT, join(dir, 'docs'), { recursive: true });
  writeFileSync(join(dir, 'sup.json'), JSON.stringify([{ rule: 'status-line-malformed', selector: { file: '003_0fc59fc350b59631.txt' }, reason: 'legacy page' }]));
  writeFileSync(join(dir, 'docmodel.config.json'), JSON.stringify({ rules: { 'section-empty': 'off' } }));
  const base = run(['check', 'docs', '-f', 'json', '-q', '--no-config'], { cwd: dir });
  const all = JSON.parse(base.out).findings as { rule: string; fingerprint: string }[];
  writeFileSync(join(dir, 'base.json'), JSON.stringify({ findings: all.filter((f) => f.rule === 'example-value-placeholder') }));
  const args = ['--suppressions', 'sup.json', '--baseline', 'base.json', '-q'];
  const b = run(['build', 'docs', '-o', 'out', ...args], { cwd: dir });
  assert.equal(b.code, 0, b.err);
  const c = run(['check', 'docs', '-f', 'json', ...args], { cwd: dir });
  const fps = (j: { findings: { fingerprint: string }[] }) => j.findings.map((f) => f.fingerprint);
  const built = JSON.parse(readFileSync(join(dir, 'out/reconciliation.json'), 'utf8'));
  assert.deepEqual(fps(built), fps(JSON.parse(c.out)));
  const rules = new Set(built.findings.map((f: { rule: string }) => f.rule));
  for (const gone of ['section-empty', 'status-line-malformed', 'example-value-placeholder']) assert.equal(rules.has(gone), false, gone);
  assert.equal(built.findings.length, all.length - 3 - 1 - 3);
  // SARIF: the suppressed finding once, with its suppression; nothing of the rule turned off or of the baseline.
  const results = JSON.parse(readFileSync(join(dir, 'out/reconciliation.sarif'), 'utf8')).runs[0].results as { ruleId: string; suppressions?: unknown[] }[];
  assert.deepEqual(results.filter((x) => x.ruleId === 'status-line-malformed').map((x) => !!x.suppressions), [true]);
  assert.equal(results.filter((x) => x.ruleId === 'section-empty' || x.ruleId === 'example-value-placeholder').length, 0);
});

test('a suppression entry with a key misspelled or an empty selector is a usage error naming it (it silenced every finding of the rule); two config files in one folder too (the .jsonc was ignored)', () => {
  const dir = tempTree({});
  cpSync(INPUT, join(dir, 'docs'), { recursive: true });
  const sup = (entry: object) => { writeFileSync(join(dir, 'sup.json'), JSON.stringify([{ rule: 'section-empty', reason: 'r', ...entry }])); return run(['check', 'docs', '-q', '--no-config', '--suppressions', 'sup.json'], { cwd: dir }); };
  const typo = sup({ selector: { flie: 'v1.0/resources/user.md' } });
  assert.deepEqual([typo.code, typo.err.trim()], [2, 'docmodel: sup.json: suppression 1: unknown selector key "flie" (a selector has subject, field, file)']);
  const empty = sup({ selector: {} });
  assert.deepEqual([empty.code, empty.err.trim()], [2, 'docmodel: sup.json: suppression 1: the selector is empty, so it would silence every finding of section-empty; name a subject, field or file (to turn the rule off, set it to "off" under "rules" in the config)']);
  const key = sup({ fingerprint: 'abc', reson: 'x' });
  assert.deepEqual([key.code, key.err.trim()], [2, 'docmodel: sup.json: suppression 1: unknown key "reson" (an entry has rule, fingerprint, selector, reason, expires)']);
  // The same entry inline in a config file: the key is named (it said "/suppressions: Expected union value").
  writeFileSync(join(dir, 'docmodel.config.json'), JSON.stringify({ suppressions: [{ rule: 'section-empty', reason: 'r', selector: { flie: 'x.md' } }] }));
  const inline = run(['check', 'docs', '-q'], { cwd: dir });
  assert.equal(inline.code, 2);
  assert.match(inline.err, /docmodel\.config\.json: suppressions: suppression 1: unknown selector key "flie"/);
  writeFileSync(join(dir, 'docmodel.config.json'), '{}');
  writeFileSync(join(dir, 'docmodel.config.jsonc'), '{ "failOn": "never" }');
  const two = run(['check', 'docs', '-q'], { cwd: dir });
  assert.equal(two.code, 2);
  assert.match(two.err, /docmodel\.config\.json and .*docmodel\.config\.jsonc: two config files in one folder; keep one/);
});

test('a page not read (an error diagnostic) fails --fail-on error, is listed by the text report and annotated by the GitHub format (it was counted only in the summary, exit 0)', () => {
  const good = '# Get thing\n\n## HTTP request\n\n```http\nGET /things/{id}\n```\n';
  const dir = tempTree({ 'v1.0/api/a.md': good });
  writeFileSync(join(dir, 'v1.0/api/bin.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
  const t = run(['check', dir, '--no-config', '--fail-on', 'error', '-q']);
  assert.equal(t.code, 1, t.err);
  assert.match(t.out, /Not read \(1 error diagnostic\(s\), counted as errors by --fail-on\)\n  v1\.0\/api\/bin\.md:1 error   The file looks binary \(3 NUL bytes in the first 8\); not parsed  file-binary\n/);
  const g = run(['check', dir, '--no-config', '-f', 'github', '-q']);
  assert.equal(g.code, 0);
  assert.match(g.out, /^::error file=v1\.0\/api\/bin\.md,line=1,col=1,title=file-binary \(docmodel\)::The file looks binary/m);
  // JUnit and HTML list it too (a red build had no failing test; the HTML had no word of it).
  const j = run(['check', dir, '--no-config', '-f', 'junit', '-q']).out;
  assert.match(j, /<testsuites name="docmodel" tests="1" failures="1">\n  <testsuite name="docmodel: not read" tests="1" failures="1">\n    <testcase classname="v1\.0\/api\/bin\.md" name="file-binary: v1\.0\/api\/bin\.md">\n      <failure type="error" message="The file looks binary/);
  const h = run(['check', dir, '--no-config', '-f', 'html', '-q']).out;
  assert.match(h, /<section id="unread"><h2>Not read \(1 error diagnostic\(s\), counted as errors by --fail-on\)<\/h2><ul><li><a href="[^"]*v1\.0\/api\/bin\.md">v1\.0\/api\/bin\.md:1<\/a> The file looks binary/);
  // Without the binary page, nothing fails.
  assert.equal(run(['check', join(dir, 'v1.0/api/a.md'), '--no-config', '--fail-on', 'error', '-q']).code, 0);
});

test('a partial check names what it does not read: a page outside --root is a usage error, a missing page is said to be checked as deleted (both passed silently with exit 0)', () => {
  const page = '# Get thing\n\n## HTTP request\n\n```http\nGET /things/{id}\n```\n';
  const dir = tempTree({ 'docs/v1.0/api/a.md': page, 'other/b.md': page });
  const out = run(['check', '--root', join(dir, 'docs'), join(dir, 'other/b.md'), '--no-config']);
  assert.equal(out.code, 2);
  assert.match(out.err, /other\/b\.md is not inside the docs root .*docs: nothing of it would be checked\n$/);
  const typo = run(['check', '--root', join(dir, 'docs'), join(dir, 'docs/v1.0/api/nope.md'), '--no-config']);
  assert.equal(typo.code, 0, typo.err);
  assert.match(typo.err, /docmodel check: v1\.0\/api\/nope\.md does not exist: checked as a deleted page \(the pages that link to it are reported\)\n/);
});
