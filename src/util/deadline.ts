/**
 * Run synchronous code with a hard time limit on the main thread.
 *
 * JavaScript on one thread cannot be pre-empted by other JavaScript, but V8 can: `vm`'s
 * `timeout` starts a watchdog thread that terminates whatever runs on the isolate when the
 * time is up — including functions of this realm called from the script, and a regex in the
 * middle of a match. Termination cannot be caught by the interrupted code (no `catch` or
 * `finally` of it runs), so the interrupted function must not leave shared state half-written
 * that later code trusts: callers collect results outside and commit them only after a unit
 * of work returns.
 *
 * Each call starts a watchdog thread (about 0.1 ms), so callers batch many small units into
 * one call (see `runUnits`) instead of one call per unit.
 */
import vm from 'node:vm';

const script = new vm.Script('run()', { filename: 'docmodel-deadline' });
const context = vm.createContext({ run: (): unknown => undefined });

export type Deadlined<T> = { done: true; value: T } | { done: false };

/** `fn()` if it returns within `ms`; `{ done: false }` if it was stopped. Other errors propagate. */
export function withDeadline<T>(fn: () => T, ms: number): Deadlined<T> {
  const previous = context.run;
  context.run = fn;
  try {
    return { done: true, value: script.runInContext(context, { timeout: Math.max(1, Math.ceil(ms)) }) as T };
  } catch (e) {
    if ((e as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { done: false };
    throw e;
  } finally {
    context.run = previous;
  }
}

/**
 * Run `unit(i)` for i in [0, n), each given at least `budgetMs` before it is stopped.
 * Units run in batches under one watchdog of 2 × budget; a batch yields once it has run for
 * `budgetMs`, so the unit running when the watchdog fires started before that and had at least
 * `budgetMs`. A stopped unit is reported through `onTimeout(i, ms)` and the run goes on with
 * the next one. Returns nothing: `unit` commits its own results when it returns.
 */
export function runUnits(n: number, budgetMs: number, unit: (i: number) => void, onTimeout: (i: number, ms: number) => void): void {
  let next = 0;
  while (next < n) {
    const batchStart = performance.now();
    const first = next;
    let unitStart = batchStart;
    // Where the batch is, in one store (the watchdog can stop it between any two statements):
    // 2i + 1 while unit i runs, 2i once the units before i have returned and none runs.
    let at = 2 * first;
    const r = withDeadline(() => {
      for (let i = first; i < n; i++) {
        const t = performance.now();
        if (t - batchStart >= budgetMs && i > first) return;
        unitStart = t;
        at = 2 * i + 1;
        unit(i);
        at = 2 * i + 2;
      }
    }, 2 * budgetMs);
    if (!r.done && at % 2 === 1) {
      // Stopped inside a unit: that unit is reported, the next batch starts after it.
      const i = (at - 1) / 2;
      onTimeout(i, performance.now() - unitStart);
      next = i + 1;
    } else {
      // Returned, or stopped between units (after the last one, too): nothing is lost or run twice.
      next = at / 2;
    }
  }
}
