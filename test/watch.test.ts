/**
 * The writer's loop: `build --watch` (driven through watchBuild, the function the CLI calls) and
 * `check --watch` (through the CLI) print the findings an edit added and resolved, by
 * fingerprint, at file:line, then the summary line. The tree is real corpus pages
 * (test/fixtures/partial); the edit adds a broken link to v1.0/api/user-get.md, then reverts it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ROOT, filesOf, tempTree } from './helpers.js';
import { watchBuild } from '../src/cli/commands/build.js';
import { FindingTracker, formatChanges, watchLoop } from '../src/cli/watch.js';
import { check, firstLook, type CheckResult, type Finding } from '../src/index.js';
import { concernsPages } from '../src/checks/policy.js';

const CLI = join(ROOT, 'dist/src/cli/main.js');
const FIXTURE = join(ROOT, 'test/fixtures/partial/api-reference');
const PAGE = 'v1.0/api/user-get.md';
const EDIT = '\nSee [the missing page](../resources/nothere.md).\n';
const FINDING = 'warning v1.0/api/user-get.md:236 link-broken: Link target ../resources/nothere.md does not exist';
/** The first-look line: the saved page, its related pages (user-get.md shares GET /users/{id} with user.md and links to pages of the tree), the time, and what changed on it. */
// 7 findings on the pages before the edit (8 until session 37: response-status-differs no longer reports GET /users/{id}'s
// 200 OK against another page's 200 OK or 202 Accepted — statuses that nest).
const FIRST_LOOK = (added: number, resolved: number, on = 7 + added) =>
  new RegExp(`^docmodel: first look at v1\\.0/api/user-get\\.md \\(4 related page\\(s\\) modelled, \\d+\\.\\d\\d s\\): ${on} finding\\(s\\) on the page\\(s\\); ${added} added, ${resolved} resolved; the full rebuild follows$`);

/** A wait bounded by its own deadline: one that never ended would outlive the test's timeout and keep the watcher (and the run) alive. */
async function within<T>(p: Promise<T>, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no result within ${ms / 1000} s`)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

/** The fixture, six pages copied from the corpus, stands for a whole tree (it is run with wholeTree; see tree-partial). */
function copyTree(): { dir: string; tree: string } {
  const dir = tempTree({});
  const tree = join(dir, 'api-reference');
  cpSync(FIXTURE, tree, { recursive: true });
  return { dir, tree };
}

test('build --watch prints the finding an edit adds, then resolves it when the edit is reverted; outputs equal a cold build', { timeout: 120_000 }, async () => {
  const { dir, tree } = copyTree();
  const out = join(dir, 'out');
  let printed = '';
  const loop = await watchBuild({ opts: { inputs: [tree], out, workers: 1, requirePages: true, wholeTree: true }, quiet: false, stats: false, failLevel: undefined }, [tree], (s) => { printed += s; });
  try {
    assert.match(printed, /^docmodel: 6 pages, 4 operations, .*\ndocmodel: watching .*\n$/);
    const original = readFileSync(join(tree, PAGE), 'utf8');

    printed = '';
    appendFileSync(join(tree, PAGE), EDIT);
    await within(loop.waitForRuns(1));
    // First the first look at the saved page (a model of it and its related pages), then the rebuild's own lines.
    const [look, lookAdded, head, added, summary, ...rest] = printed.split('\n');
    assert.match(look!, FIRST_LOOK(1, 0));
    assert.equal(lookAdded, `  added    ${FINDING}`);
    assert.equal(head, `docmodel: re-read 1 page(s): ${PAGE}; findings: 1 added, 0 resolved`);
    assert.equal(added, `  added    ${FINDING}`);
    assert.match(summary!, /^docmodel: 6 pages, 4 operations, .* findings: 0 error, 254 warning, 7 info; .* files written/);
    assert.deepEqual(rest, ['']);
    // What the watch wrote (pages from the in-memory cache) is what a cold build of the edited tree writes.
    const cold = join(dir, 'cold');
    const r = spawnSync(process.execPath, [CLI, 'build', tree, '--out', cold, '--no-cache', '--workers', '1', '--quiet', '--whole-tree'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(filesOf(out), filesOf(cold));

    printed = '';
    writeFileSync(join(tree, PAGE), original);
    await within(loop.waitForRuns(2));
    const lines = printed.split('\n');
    assert.match(lines[0]!, FIRST_LOOK(0, 1));
    assert.equal(lines[1], `  resolved ${FINDING}`);
    assert.equal(lines[2], `docmodel: re-read 1 page(s): ${PAGE}; findings: 0 added, 1 resolved`);
    assert.equal(lines[3], `  resolved ${FINDING}`);
    assert.match(lines[4]!, /findings: 0 error, 253 warning, 7 info/);
    assert.equal(lines.length, 6);

    // A save that changes no fact (a comment): the first look, then the last build stands — nothing rendered or written.
    printed = '';
    appendFileSync(join(tree, PAGE), '\n<!-- reviewed -->\n');
    await within(loop.waitForRuns(3));
    const third = printed.split('\n');
    assert.match(third[0]!, FIRST_LOOK(0, 0));
    assert.match(third[1]!, /^docmodel: 1 page\(s\) changed \(v1\.0\/api\/user-get\.md\) but none of their facts did; .* is up to date/);
    assert.equal(third.length, 4);
    const cold3 = join(dir, 'cold3');
    const r3 = spawnSync(process.execPath, [CLI, 'build', tree, '--out', cold3, '--no-cache', '--workers', '1', '--quiet', '--whole-tree'], { encoding: 'utf8' });
    assert.equal(r3.status, 0, r3.stderr);
    assert.deepEqual(filesOf(out), filesOf(cold3));
  } finally {
    await loop.close();
  }
});

test('check --watch prints the whole report once, then what each edit changed', { timeout: 120_000 }, async () => {
  const { tree } = copyTree();
  const child = spawn(process.execPath, [CLI, 'check', tree, '--workers', '1', '-f', 'github', '--watch', '--whole-tree']);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += String(d); });
  child.stderr.on('data', (d) => { err += String(d); });
  // Its own deadline: a wait that never ends would outlive the test's timeout and keep the child (and the run) alive.
  const waitFor = async (get: () => string, re: RegExp) => {
    const until = Date.now() + 60_000;
    while (!re.test(get())) {
      if (child.exitCode !== null) throw new Error(`check exited ${child.exitCode}: ${err}`);
      if (Date.now() > until) throw new Error(`no ${re} within 60 s; stdout: ${out.slice(-2000)}\nstderr: ${err.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    await waitFor(() => err, /watching/);
    const report = out;
    assert.match(report, /^::warning file=/); // the github report, once
    appendFileSync(join(tree, PAGE), EDIT);
    await waitFor(() => out, /findings: 1 added/);
    await waitFor(() => err, /254 warning/);
    const [look, lookAdded, ...rebuild] = out.slice(report.length).split('\n');
    assert.match(look!, FIRST_LOOK(1, 0));
    assert.equal(lookAdded, `  added    ${FINDING}`);
    assert.equal(rebuild.join('\n'), `docmodel: re-read 1 page(s): ${PAGE}; findings: 1 added, 0 resolved\n  added    ${FINDING}\n`);
  } finally {
    child.kill('SIGINT');
  }
});

test('the watch loop: a second write right after the first is not lost; a save gets its first look before the last run\'s leftovers are collected; an idle loop collects them on its own; a first look that throws is reported and the run goes on', { timeout: 60_000 }, async () => {
  const dir = tempTree({ 'a.md': '# A\n' });
  const file = join(dir, 'a.md');
  const errors: string[] = [];
  const start = async (idleCollectMs: number, events: string[], failLook = false) => watchLoop({
    paths: [dir], debounceMs: 30, idleCollectMs,
    collect: () => events.push('collect'),
    firstLook: async (changed) => { events.push(`look ${changed.map((c) => c.split(/[\\/]/).pop()).join(',')}`); if (failLook) throw new Error('look failed'); },
    run: async () => { events.push('run'); },
    onError: (e) => errors.push(e instanceof Error ? e.message : String(e)),
  });
  // A run that never comes fails the test instead of leaving the watcher open.
  const runs = (l: { waitForRuns(n: number): Promise<void> }, n: number) => Promise.race([l.waitForRuns(n), new Promise((_, no) => setTimeout(() => no(new Error(`run ${n} never came`)), 20_000).unref())]);
  // Never idle long enough: the leftovers of run 1 are collected in run 2, after its first look, before its rebuild.
  const events: string[] = [];
  const loop = await start(600_000, events);
  try {
    writeFileSync(file, '# A\n\nOne.\n');
    await runs(loop, 1);
    // At once (a formatter writing after the editor): chokidar drops this change when it comes within 50 ms of the last; the loop sees it anyway.
    writeFileSync(file, '# A\n\nTwo.\n');
    await runs(loop, 2);
    assert.deepEqual(events, ['look a.md', 'run', 'look a.md', 'collect', 'run']);
  } finally {
    await loop.close();
  }
  // Idle at once: collected after the run, with no save waiting; a first look that fails does not stop the run.
  const idleEvents: string[] = [];
  const idle = await start(1, idleEvents, true);
  try {
    writeFileSync(file, '# A\n\nThree.\n');
    await runs(idle, 1);
    for (let i = 0; i < 400 && !idleEvents.includes('collect'); i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(idleEvents, ['look a.md', 'run', 'collect']);
    assert.deepEqual(errors, ['look failed']);
  } finally {
    await idle.close();
  }
});

test('findings are compared by fingerprint: a grouped finding stands for its instances, and a finding on a page gone is resolved', () => {
  const side = (file: string, line: number) => ({ file, line, column: 1, version: 'v1.0' as const, value: 'x' });
  const f = (fp: string, file: string, line: number, extra: Partial<Finding> = {}): Finding =>
    ({ rule: 'r', severity: 'warning', context: 'page', subject: file, field: 'f', message: `m ${fp}`, sides: [side(file, line)], fingerprint: fp, ...extra });
  const run = (pages: string[], changed: string[], findings: Finding[]) =>
    ({ findings, analysis: { pages: pages.map((file) => ({ file })), changed } } as unknown as CheckResult);
  const t = new FindingTracker();
  assert.equal(t.next(run(['a.md', 'b.md', 'c.md'], ['a.md', 'b.md', 'c.md'], [f('g', 'a.md', 3, { instances: [f('i1', 'a.md', 3), f('i2', 'b.md', 9)] }), f('k', 'c.md', 2)])), undefined);
  // b.md changed: the group loses instance i2 and gains i3; c.md is gone with its finding.
  const c = t.next(run(['a.md', 'b.md'], ['b.md'], [f('g', 'a.md', 3, { severity: 'error', instances: [f('i1', 'a.md', 3), f('i3', 'b.md', 12)] })]))!;
  // i1 kept its fingerprint but the group's severity rose: the warning is resolved and an error added (it was said neither).
  assert.equal(formatChanges(c), [
    'docmodel: re-read 1 page(s): b.md; 1 page(s) gone: c.md; findings: 2 added, 3 resolved',
    '  added    error   b.md:12 r: m i3',
    '  added    error   a.md:3 r: m i1',
    '  resolved warning b.md:9 r: m i2',
    '  resolved warning c.md:2 r: m k',
    '  resolved warning a.md:3 r: m i1',
    '',
  ].join('\n'));
  // Findings that read the same at one place (one per operation of a page's table) are one line, counted.
  const t2 = new FindingTracker();
  t2.next(run(['a.md'], ['a.md'], []));
  const same = t2.next(run(['a.md'], ['a.md'], [f('x1', 'a.md', 20, { message: 'same' }), f('x2', 'a.md', 20, { message: 'same' })]))!;
  assert.equal(formatChanges(same), 'docmodel: re-read 1 page(s): a.md; findings: 2 added, 0 resolved\n  added    warning a.md:20 r: same (×2)\n');
  // The same fingerprint in another context (a version difference become a same-version conflict) is a change too.
  const d = t.next(run(['a.md', 'b.md'], ['a.md'], [f('g', 'a.md', 3, { severity: 'error', instances: [f('i1', 'a.md', 3, { context: 'variant' }), f('i3', 'b.md', 12)] })]))!;
  assert.deepEqual([d.added.map((x) => x.fingerprint), d.resolved.map((x) => x.fingerprint)], [['i1'], ['i1']]);
});

/** Fingerprints of the findings (a grouped finding: its instances) that concern the pages. */
function fingerprintsOn(findings: Finding[], pages: Set<string>): string[] {
  return findings.flatMap((f) => (f.instances?.length ? f.instances : [f])).filter((f) => concernsPages(f, pages)).map((f) => f.fingerprint).sort();
}

test('the first look at an edited page finds what the full rebuild finds on it (pages with variants, cross-version and type findings)', { timeout: 120_000 }, async () => {
  // Real pages: the precision fixtures hold operations documented on several pages and versions.
  const dir = tempTree({});
  const tree = join(dir, 'docs');
  cpSync(join(ROOT, 'test/fixtures/corpus/precision/2021-07'), tree, { recursive: true });
  const last = await check({ inputs: [tree], workers: 1, wholeTree: true });
  const edits: [string, (t: string) => string][] = [
    // a broken link and a changed response status on a page that shares its operation with others
    ['beta/api/educationschool-get.md', (t) => `${t}\nSee [gone](../resources/gone.md).\n`.replace('`200 OK`', '`201 Created`')],
    // a resource page: a property renamed, as a writer would
    ['beta/resources/educationschool.md', (t) => t.replace(/\|\s*principalEmail\s*\|/, '| principalMail |')],
  ];
  for (const [page, edit] of edits) {
    const abs = join(tree, page);
    const original = readFileSync(abs, 'utf8');
    writeFileSync(abs, edit(original));
    const look = await firstLook(last, [abs]);
    const full = await check({ inputs: [tree], workers: 1, wholeTree: true });
    const on = new Set([page]);
    assert.deepEqual(look.pages, [page]);
    assert.deepEqual(fingerprintsOn(look.findings, on), fingerprintsOn(full.findings, on), page);
    assert.notDeepEqual(fingerprintsOn(last.findings, on), fingerprintsOn(full.findings, on), `${page}: the edit changes its findings`);
    writeFileSync(abs, original);
  }
});

test('the first look at an edited include fragment looks at the pages that include it, and agrees with the full rebuild there (it looked at nothing)', { timeout: 120_000 }, async () => {
  const page = (v: string, perms: string) => `# Get widget\n\n## Permissions\n\n${perms}\n\n## HTTP request\n\n\`\`\`http\nGET /widgets/{id}\n\`\`\`\n\n## Response\n\nIf successful, this method returns a \`200 OK\` response code (${v}).\n`;
  const table = (name: string) => `|Permission type|Permissions|\n|:--|:--|\n|Delegated (work or school account)|${name}|\n|Delegated (personal Microsoft account)|Not supported.|\n|Application|${name}|\n`;
  const dir = tempTree({
    'docs/v1.0/api/widget-get.md': page('v1.0', '[!INCLUDE [permissions-table](../../includes/permissions/widget-get-permissions.md)]'),
    'docs/v1.0/api/widget-list.md': page('v1.0 list', '[!INCLUDE [permissions-table](../../includes/permissions/widget-get-permissions.md)]').replace('# Get widget', '# List widgets').replace('/widgets/{id}', '/widgets'),
    'docs/beta/api/widget-get.md': page('beta', table('Widget.Read.All')),
    'docs/includes/permissions/widget-get-permissions.md': table('Widget.Read.All'),
  });
  const tree = join(dir, 'docs');
  const last = await check({ inputs: [tree], workers: 1, wholeTree: true });
  const fragment = join(tree, 'includes/permissions/widget-get-permissions.md');
  writeFileSync(fragment, table('Gadget.Read.All'));
  const look = await firstLook(last, [fragment]);
  const full = await check({ inputs: [tree], workers: 1, wholeTree: true });
  assert.deepEqual(look.pages, ['v1.0/api/widget-get.md', 'v1.0/api/widget-list.md']);
  const on = new Set(look.pages);
  assert.deepEqual(fingerprintsOn(look.findings, on), fingerprintsOn(full.findings, on));
  // The edit made the v1.0 pages' permissions differ from beta's: the first look says so at once.
  assert.deepEqual(look.findings.filter((f) => f.rule === 'permission-set-differs').map((f) => f.message), ['Permission sets differ (differs between versions): {Widget.Read.All} vs {Gadget.Read.All}']);
});

test('the warm page worker keeps the page limits: a page over the time limit becomes page-timeout, and the next page is read by a fresh worker', { timeout: 60_000 }, async () => {
  const { WarmPageWorker } = await import('../src/pipeline/warm-worker.js');
  const { tree } = copyTree();
  const task = { abs: join(tree, PAGE), display: PAGE, root: tree, base: tree };
  const slow = new WarmPageWorker({ timeoutMs: 1 });
  const timedOut = await slow.process(task);
  assert.deepEqual(timedOut.diagnostics.map((d) => d.rule), ['page-timeout']);
  await slow.close();
  const warm = new WarmPageWorker();
  warm.warmUp();
  const [a, b] = await Promise.all([warm.process(task), warm.process(task)]);
  assert.equal(a!.file, PAGE);
  assert.deepEqual(a, b);
  assert.ok(a!.operations.length > 0);
  await warm.close();
});
