/**
 * The writer's loop (`build --watch`, `check --watch`): rebuild on every save and print what the
 * edit changed — the findings added and resolved since the previous run, by fingerprint, each at
 * its file:line (a side on a page re-read when it has one) — before the summary line.
 *
 * `FindingTracker` compares runs; `watchLoop` turns file events into debounced runs, one at a
 * time (a save during a run queues one more run). Both are driven directly by the tests.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { firstLook, type CheckOptions, type CheckResult, type Finding } from '../index.js';
import type { FocusResult } from '../pipeline/focus.js';
import type { WarmPageWorker } from '../pipeline/warm-worker.js';
import { concernsPages } from '../checks/policy.js';
import { text } from '../emit/reports/escape.js';
import { compareStr } from '../util/order.js';
import { collectGarbage } from '../util/heap.js';

/** What one run changed, compared with the previous one. */
export interface FindingChanges {
  /** Pages processed afresh (display paths). */
  reread: string[];
  /** Pages of the previous run that are gone. */
  removed: string[];
  added: Finding[];
  resolved: Finding[];
  /** Where each finding is shown: a side on a re-read or removed page if it has one, else its first side. */
  where: Map<Finding, string>;
}

/**
 * The findings of a run by fingerprint: a grouped finding stands for its instances, each with
 * its own fingerprint (and the group's severity, which rule settings may have changed).
 */
function byFingerprint(findings: Finding[]): Map<string, Finding> {
  const m = new Map<string, Finding>();
  for (const f of findings) {
    if (f.instances?.length) for (const x of f.instances) m.set(x.fingerprint, { ...x, severity: f.severity });
    else m.set(f.fingerprint, f);
  }
  return m;
}

/**
 * Findings added and resolved between two runs (by fingerprint, severity and context), each placed at a side on one of
 * the `touched` pages when it has one, else its first side; those concerning the touched pages
 * first, then by place, rule and fingerprint — the same bytes whatever the order of the run.
 */
function diffRuns(before: Map<string, Finding>, now: Map<string, Finding>, touched: Set<string>): Pick<FindingChanges, 'added' | 'resolved' | 'where'> {
  const where = new Map<Finding, string>();
  const place = (f: Finding): Finding => {
    const s = f.sides.find((x) => touched.has(x.file)) ?? f.sides[0];
    where.set(f, s ? `${s.file}:${s.line}` : f.subject);
    return f;
  };
  const order = (a: Finding, b: Finding) =>
    Number(!concernsPages(a, touched)) - Number(!concernsPages(b, touched)) || comparePlace(where.get(a)!, where.get(b)!) ||
    compareStr(a.rule, b.rule) || compareStr(a.fingerprint, b.fingerprint);
  // The same fingerprint at another severity or in another context (a version difference that became a same-version
  // conflict: the fingerprint names rule, subject and field) is the old finding resolved and a new one added.
  const same = (a: Finding | undefined, b: Finding) => a !== undefined && a.severity === b.severity && a.context === b.context;
  const added = [...now].filter(([fp, f]) => !same(before.get(fp), f)).map(([, f]) => place(f)).sort(order);
  const resolved = [...before].filter(([fp, f]) => !same(now.get(fp), f)).map(([, f]) => place(f)).sort(order);
  return { added, resolved, where };
}

/** A list of pages, the first ten named. */
function pageList(ps: string[]): string {
  return `${ps.slice(0, 10).map(text).join(', ')}${ps.length > 10 ? `, … (${ps.length - 10} more)` : ''}`;
}

/** The added and resolved lines, at most LIST_LIMIT of each. */
function findingLines(c: Pick<FindingChanges, 'added' | 'resolved' | 'where'>): string[] {
  const L: string[] = [];
  const list = (label: string, fs: Finding[]) => {
    // Findings that read the same at the same place (one per operation of a page's table) are one line, counted.
    const lines = new Map<string, number>();
    for (const f of fs) {
      const line = `  ${label} ${f.severity.padEnd(7)} ${text(c.where.get(f)!)} ${f.rule}: ${text(f.message)}`;
      lines.set(line, (lines.get(line) ?? 0) + 1);
    }
    const all = [...lines];
    for (const [line, n] of all.slice(0, LIST_LIMIT)) L.push(n > 1 ? `${line} (×${n})` : line);
    if (all.length > LIST_LIMIT) L.push(`  … ${all.length - LIST_LIMIT} more ${label.trim()}`);
  };
  list('added   ', c.added);
  list('resolved', c.resolved);
  return L;
}

export class FindingTracker {
  private last: { findings: Map<string, Finding>; pages: Set<string> } | undefined;

  /** Remember this run; from the second run on, return what changed since the previous one. */
  next(r: CheckResult): FindingChanges | undefined {
    const findings = byFingerprint(r.findings);
    const pages = new Set(r.analysis.pages.map((p) => p.file));
    const prev = this.last;
    this.last = { findings, pages };
    if (!prev) return undefined;
    const reread = [...(r.analysis.changed ?? [])].sort(compareStr);
    const removed = [...prev.pages].filter((p) => !pages.has(p)).sort(compareStr);
    const touched = new Set([...reread, ...removed]);
    return { reread, removed, ...diffRuns(prev.findings, findings, touched) };
  }
}

/**
 * The first-look lines (`firstLook`, before the rebuild): the changed pages' findings added and
 * resolved against the last run's findings on those pages. The rebuild's own lines follow.
 */
export function formatFirstLook(last: CheckResult | undefined, f: FocusResult, ms: number): string {
  if (!f.pages.length) return '';
  const pages = new Set(f.pages);
  const before = new Map([...byFingerprint(last?.findings ?? [])].filter(([, x]) => concernsPages(x, pages)));
  const now = byFingerprint(f.findings);
  const c = diffRuns(before, now, pages);
  return [
    `docmodel: first look at ${pageList(f.pages)} (${f.modelPages} related page(s) modelled, ${(ms / 1000).toFixed(2)} s): ${now.size} finding(s) on the page(s); ${c.added.length} added, ${c.resolved.length} resolved; the full rebuild follows`,
    ...findingLines(c),
  ].join('\n') + '\n';
}

/** The first look at the changed pages (see firstLook); a failure there is reported and the rebuild goes on. */
export async function printFirstLook(last: CheckResult, changed: string[], o: Pick<CheckOptions, 'rules' | 'suppressions' | 'baseline'>, write: (s: string) => void, worker?: WarmPageWorker): Promise<void> {
  const t = performance.now();
  try {
    write(formatFirstLook(last, await firstLook(last, changed, o, worker), performance.now() - t));
  } catch (e) {
    process.stderr.write(`docmodel: first look failed (the rebuild goes on): ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

/** `file:line` places: by file, then by line as a number. */
function comparePlace(a: string, b: string): number {
  const m = /^(.*):(\d+)$/;
  const x = m.exec(a);
  const y = m.exec(b);
  if (!x || !y) return compareStr(a, b);
  return compareStr(x[1]!, y[1]!) || Number(x[2]) - Number(y[2]);
}

/** When a change is looked at again (ms): after chokidar's 50 ms window in which it drops a file's next change. */
export const CHANGE_SETTLE_MS = 60;

/** Quiet time after a run before the loop collects its leftovers (ms): more than a save's debounce, so a save right after a run is looked at first. */
export const IDLE_COLLECT_MS = 300;

/** At most this many added (and as many resolved) findings are listed; the rest are counted. */
export const LIST_LIMIT = 50;

/** The lines a watch run prints before its summary: the pages re-read, then each finding added and resolved. */
export function formatChanges(c: FindingChanges): string {
  const head = [
    c.reread.length ? `re-read ${c.reread.length} page(s): ${pageList(c.reread)}` : 'no page re-read',
    ...(c.removed.length ? [`${c.removed.length} page(s) gone: ${pageList(c.removed)}`] : []),
    `findings: ${c.added.length} added, ${c.resolved.length} resolved`,
  ];
  return [`docmodel: ${head.join('; ')}`, ...findingLines(c)].join('\n') + '\n';
}

export interface WatchLoop {
  /** Runs finished so far (the loop's own, not the initial one). */
  readonly runs: number;
  /** Resolves when `n` runs have finished. */
  waitForRuns(n: number): Promise<void>;
  close(): Promise<void>;
}

export interface WatchLoopOptions {
  /** Files or directories to watch. */
  paths: string[];
  /** Paths never watched (absolute; the output directory, a cache folder). */
  ignored?: (abs: string) => boolean;
  /** Quiet time after the last event before a run starts (ms). Default 100. */
  debounceMs?: number;
  /**
   * What the writer waits for, run first when files changed (the first look): before the last run's
   * leftovers are collected (see below). An error it throws is handed to `onError` and the run goes on.
   */
  firstLook?: (changed: string[]) => Promise<void>;
  /** Quiet time after a run before its leftovers are collected (ms). Default IDLE_COLLECT_MS. */
  idleCollectMs?: number;
  /** The full collection (default: collectGarbage). */
  collect?: () => void;
  /** One run, given the files added or changed since the previous one (absolute, sorted). An error it throws is handed to `onError` and the loop goes on. */
  run: (changed: string[]) => Promise<void>;
  onError: (e: unknown) => void;
}

/** Watch the paths and call `run` after each burst of changes; returns once the watcher is ready. */
export async function watchLoop(o: WatchLoopOptions): Promise<WatchLoop> {
  // Started after the first run: what it left as garbage goes before the first save.
  collectGarbage();
  const { watch } = await import('chokidar');
  const ignored = o.ignored;
  const w = watch(o.paths, { ignoreInitial: true, ...(ignored ? { ignored: (p: string) => ignored(resolve(p)) } : {}) });
  await new Promise<void>((ready) => w.once('ready', () => ready()));
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let closed = false;
  let runs = 0;
  let pending = new Set<string>();
  const waiting: { n: number; done: () => void }[] = [];
  const finished = () => {
    runs++;
    for (const x of waiting.filter((x) => runs >= x.n)) { waiting.splice(waiting.indexOf(x), 1); x.done(); }
  };
  // The run before the last one (its page IRs, model and findings: ~0.5 GB on the 2021 tree) is garbage
  // once a run ends; left to V8 it sat beside the next run's (the 2021 tree: 1.43 → 1.85 GB over two
  // saves; collected, 1.26–1.28 GB at most). The full collection (0.3–0.5 s with that heap) is not made
  // as the run ends, where a save that came during the run would wait for it before its first look, but
  // once the loop has been idle for IDLE_COLLECT_MS — or, when a save comes first, right after its first look.
  let leftovers = false;
  let idle: NodeJS.Timeout | undefined;
  const collectLeftovers = () => {
    clearTimeout(idle);
    if (leftovers && !closed) { leftovers = false; (o.collect ?? collectGarbage)(); }
  };
  const go = async (): Promise<void> => {
    if (closed) return;
    if (running) { again = true; return; }
    running = true;
    clearTimeout(idle);
    const changed = [...pending].sort(compareStr);
    pending = new Set();
    try {
      if (o.firstLook && changed.length) {
        try { await o.firstLook(changed); } catch (e) { o.onError(e); }
      }
      collectLeftovers();
      await o.run(changed);
    } catch (e) {
      o.onError(e);
    }
    leftovers = true;
    if (!closed) idle = setTimeout(() => { if (!running && timer === undefined) collectLeftovers(); }, o.idleCollectMs ?? IDLE_COLLECT_MS);
    running = false;
    finished();
    if (again) { again = false; void go(); }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; void go(); }, o.debounceMs ?? 100);
  };
  // chokidar drops a file's second 'change' within 50 ms of the one it reported (a throttle on the
  // leading edge, nothing sent after it): a formatter's write right after the editor's would go unseen,
  // and the watch would show the findings of the text before it. So each change is looked at again once
  // that window is over; a file whose size or mtime moved since the last look counts as changed again.
  const looked = new Map<string, string>();
  const stampNow = (abs: string): string => { try { const st = statSync(abs); return `${st.size}:${st.mtimeMs}`; } catch { return 'gone'; } };
  const settles = new Set<NodeJS.Timeout>();
  const lookAgain = (abs: string) => {
    const t = setTimeout(() => {
      settles.delete(t);
      if (closed) return;
      const now = stampNow(abs);
      if (now !== looked.get(abs)) { looked.set(abs, now); pending.add(abs); schedule(); }
    }, CHANGE_SETTLE_MS);
    settles.add(t);
  };
  w.on('all', (event: string, path: string) => {
    if (event === 'add' || event === 'change') {
      const abs = resolve(path);
      pending.add(abs);
      looked.set(abs, stampNow(abs));
      lookAgain(abs);
    }
    schedule();
  });
  return {
    get runs() { return runs; },
    waitForRuns: (n) => (runs >= n ? Promise.resolve() : new Promise<void>((done) => waiting.push({ n, done }))),
    close: async () => { closed = true; clearTimeout(timer); clearTimeout(idle); for (const t of settles) clearTimeout(t); await w.close(); },
  };
}

/**
 * Run until Ctrl-C (or SIGTERM), then close the loop. A run in flight finishes its writes; the process then
 * ends even if something still holds it (a CI run once left a `build --watch` alive 16 minutes after its
 * Ctrl-C): an unref'd timer exits 5 s after the close, and a second Ctrl-C exits at once.
 */
export async function untilInterrupted(loop: WatchLoop): Promise<number> {
  await new Promise<void>((done) => {
    const stop = () => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      void loop.close().then(() => {
        setTimeout(() => process.exit(process.exitCode ?? 0), 5000).unref();
        done();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
