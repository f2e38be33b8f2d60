/**
 * The CLI's relaunch with a larger young generation (src/cli/relaunch.ts): which commands get it,
 * that the child has the flag, and that the launcher is invisible — exit codes and signals pass
 * through, and a child whose launcher is killed ends too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, tempTree, INPUT } from './helpers.js';
import { keepInProcess, SEMI_SPACE_MB, semiSpaceMb } from '../src/cli/relaunch.js';

const CLI = join(ROOT, 'dist/src/cli/main.js');

test('relaunch: the commands that read a tree start a second process; the light ones, a given flag, Windows and DOCMODEL_RELAUNCH=0 do not', () => {
  const env = { PATH: '/bin' };
  assert.equal(keepInProcess(['build', 'docs'], env, [], 'linux'), undefined);
  for (const c of ['check', 'drift', 'stats', 'openapi', 'metadata']) assert.equal(keepInProcess([c], env, [], 'darwin'), undefined, c);
  assert.equal(keepInProcess(['rules'], env, [], 'linux'), 'a light command');
  assert.equal(keepInProcess(['explain', 'link-broken'], env, [], 'linux'), 'a light command');
  assert.equal(keepInProcess([], env, [], 'linux'), 'a light command');
  assert.equal(keepInProcess(['--version'], env, [], 'linux'), 'a light command');
  assert.equal(keepInProcess(['build'], env, ['--max-semi-space-size=8'], 'linux'), '--max-semi-space-size given');
  assert.equal(keepInProcess(['build'], { ...env, NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=16' }, [], 'linux'), '--max-semi-space-size given');
  // another flag that starts the same is not it
  assert.equal(keepInProcess(['build'], env, ['--max-semi-space-size-x'], 'linux'), undefined);
  assert.equal(keepInProcess(['build'], { ...env, DOCMODEL_RELAUNCH: '0' }, [], 'linux'), 'DOCMODEL_RELAUNCH=0');
  assert.equal(keepInProcess(['build'], env, [], 'win32'), 'Windows');
  assert.equal(keepInProcess(['build'], { ...env, DOCMODEL_RELAUNCHED: '1' }, [], 'linux'), 'relaunched already');
  assert.equal(semiSpaceMb([], {}), undefined);
  assert.equal(semiSpaceMb(['--max-semi-space-size=32'], { NODE_OPTIONS: '--max-semi-space-size=8' }), 8);
  assert.equal(semiSpaceMb(['--max-semi-space-size=32'], {}), 32);
});

test('relaunch: a build runs with the larger young generation unless told not to, and its exit code passes through', () => {
  const out = tempTree({});
  const run = (env: Record<string, string>, extra: string[] = []) =>
    spawnSync(process.execPath, [CLI, 'build', INPUT, '--out', out, '--quiet', ...extra], { encoding: 'utf8', env: { ...process.env, DOCMODEL_TIMING: '1', DOCMODEL_MAXRSS: '1', ...env } });
  const relaunched = run({});
  assert.equal(relaunched.status, 0, relaunched.stderr);
  assert.match(relaunched.stderr, new RegExp(`^heap: semi-spaces ${SEMI_SPACE_MB} MB$`, 'm'));
  // the child's peak, then the launcher's
  assert.match(relaunched.stderr, /^maxrss-kb: \d+\nlauncher-maxrss-kb: \d+\n$/m);
  const inProcess = run({ DOCMODEL_RELAUNCH: '0' });
  assert.equal(inProcess.status, 0, inProcess.stderr);
  assert.match(inProcess.stderr, /^heap: semi-spaces default MB$/m);
  assert.doesNotMatch(inProcess.stderr, /launcher-maxrss-kb/);
  // the seeds have warnings: --fail-on warning exits 1 through the launcher
  assert.equal(run({}, ['--fail-on', 'warning']).status, 1);
  // a usage error in the child: exit 2 and its message
  const bad = spawnSync(process.execPath, [CLI, 'check', join(out, 'no-such-dir')], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^docmodel: input path not found: /);
});

/** The pid of the launcher's one child (Linux `ps`). */
function childOf(pid: number): number | undefined {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  const pids = r.stdout.split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);
  return pids.length === 1 ? pids[0] : undefined;
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

async function until(what: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!what() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return what();
}

test('relaunch: a watch whose launcher is killed with SIGKILL ends; SIGINT to the launcher closes the watch with exit 0', { skip: process.platform !== 'linux' && 'needs Linux ps', timeout: 120_000 }, async () => {
  for (const how of ['SIGKILL', 'SIGINT'] as const) {
    const dir = tempTree({ 'docs/a.md': '# A\n\n## HTTP request\n\n```http\nGET /a\n```\n' });
    const launcher = spawn(process.execPath, [CLI, 'build', join(dir, 'docs'), '--out', join(dir, 'out'), '--watch'], { cwd: dir });
    let out = '';
    launcher.stdout.on('data', (d) => { out += String(d); });
    const exited = new Promise<[number | null, string | null]>((done) => launcher.once('exit', (code, signal) => done([code, signal])));
    let child: number | undefined;
    try {
      assert.ok(await until(() => /watching/.test(out), 60_000), out);
      child = childOf(launcher.pid!);
      assert.ok(child !== undefined && alive(child), `the relaunched process of ${launcher.pid}`);
      launcher.kill(how);
      const [code, signal] = await exited;
      if (how === 'SIGKILL') assert.equal(signal, 'SIGKILL');
      else assert.deepEqual([code, signal], [0, null]);
      assert.ok(await until(() => !alive(child!), 15_000), `process ${child} still runs after its launcher got ${how}`);
    } finally {
      if (launcher.exitCode === null && launcher.signalCode === null) launcher.kill('SIGKILL');
      if (child !== undefined && alive(child)) process.kill(child, 'SIGKILL');
    }
  }
});
