/**
 * The heavy commands run in a second Node process started with a larger young generation.
 *
 * Why: a build holds every page's IR and the model in its main thread (0.4–0.7 GB on the 2021
 * tree) and makes most of it in bursts (the cached IRs parsed, the model merged, the outputs'
 * texts). With V8's default young generation (16 MB semi-spaces) a one-page rebuild of that tree
 * made 268 scavenges, 1.18 s of its 8.4 s, each copying what the burst had made so far; with
 * 64 MB semi-spaces the same rebuild took 0.92× the time (`farm-bench -n 5`, session 50), the
 * cold build 0.99×, peak memory about 30–75 MB more. V8 sizes the young generation when the
 * process starts (`v8.setFlagsFromString` later changes nothing, measured), and page workers
 * already get theirs through `resourceLimits` (see pool.ts); so the CLI starts itself once more
 * with Node's own flag, which costs one Node start (about 40 ms) and about 45 MB for the waiting
 * launcher. Not done when the flag is already given (on the command line or in NODE_OPTIONS), for
 * the light commands (`rules`, `explain`, help, version), on Windows (no process groups to hand
 * Ctrl-C over), or with DOCMODEL_RELAUNCH=0.
 *
 * The launcher is invisible: the child inherits the three standard streams (colours and TTY
 * detection unchanged), its exit code becomes the launcher's, and a child killed by a signal
 * kills the launcher with the same signal. The child runs in its own process group, so a Ctrl-C
 * at the terminal reaches only the launcher, which hands every SIGINT, SIGTERM and SIGHUP on once
 * (a watch's first Ctrl-C closes it, the second exits at once, as without a launcher). The child
 * holds an IPC channel to the launcher and ends itself (SIGTERM, so a watch closes as on a Ctrl-C)
 * when the launcher is gone, even by `kill -9`.
 */
import { spawn } from 'node:child_process';

/** Semi-space size (MB) the relaunched process gets: its young generation is three times this. */
export const SEMI_SPACE_MB = 64;
const FLAG = '--max-semi-space-size';
/** Commands that read a tree (the others print a list or a text and need no heap). */
const HEAVY = new Set(['build', 'check', 'drift', 'stats', 'openapi', 'metadata']);
/** Set in the child's environment: it is the relaunched process. */
const MARK = 'DOCMODEL_RELAUNCHED';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Why this process runs the command itself, or undefined when it should start the relaunched one. */
export function keepInProcess(argv: readonly string[], env: NodeJS.ProcessEnv, execArgv: readonly string[], platform: NodeJS.Platform): string | undefined {
  if (env[MARK]) return 'relaunched already';
  if (env.DOCMODEL_RELAUNCH === '0') return 'DOCMODEL_RELAUNCH=0';
  if (platform === 'win32') return 'Windows';
  if ([...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a === FLAG || a.startsWith(`${FLAG}=`))) return `${FLAG} given`;
  if (!HEAVY.has(argv[0] ?? '')) return 'a light command';
  return undefined;
}

/** The young generation this process was started with: the flag's value in MB, or undefined for V8's default. */
export function semiSpaceMb(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].map((a) => new RegExp(`^${FLAG}=(\\d+)$`).exec(a)?.[1]).filter((x) => x !== undefined);
  return given.length ? Number(given[given.length - 1]) : undefined;
}

/**
 * Run `script argv` in a child Node with the larger young generation and settle as it does: resolves
 * with its exit code, or kills this process with the signal that ended it.
 */
export function relaunch(script: string, argv: readonly string[]): Promise<number> {
  return new Promise((settle) => {
    const child = spawn(process.execPath, [...process.execArgv, `${FLAG}=${SEMI_SPACE_MB}`, script, ...argv], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      detached: true,
      env: { ...process.env, [MARK]: '1' },
    });
    const handOn = (sig: NodeJS.Signals) => () => { child.kill(sig); };
    const handlers = FORWARDED.map((sig) => [sig, handOn(sig)] as const);
    for (const [sig, h] of handlers) process.on(sig, h);
    child.on('error', (e) => {
      for (const [sig, h] of handlers) process.removeListener(sig, h);
      process.stderr.write(`docmodel: cannot start ${process.execPath} (${e.message}); set DOCMODEL_RELAUNCH=0 to run in this process\n`);
      settle(2);
    });
    child.on('exit', (code, signal) => {
      for (const [sig, h] of handlers) process.removeListener(sig, h);
      if (signal) process.kill(process.pid, signal);
      else settle(code ?? 2);
    });
  });
}

/**
 * In the relaunched process: forget the mark (a docmodel this one starts is not relaunched) and end
 * this process when the launcher is gone. The channel does not keep the process alive.
 */
export function watchLauncher(): void {
  if (!process.env[MARK]) return;
  delete process.env[MARK];
  if (!process.channel) return;
  process.channel.unref();
  process.on('disconnect', () => { process.kill(process.pid, 'SIGTERM'); });
}
