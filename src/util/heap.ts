/**
 * Keeping the main thread's peak memory near what it really holds while a build renders its
 * outputs one at a time.
 *
 * Each rendered output (an IR file, model.json, an OpenAPI document) becomes garbage once it is
 * written, but V8 lets old-space garbage grow to several times the live heap before it collects:
 * with ~500 MB live after the rules (page IRs, model, findings) the 2021 tree's ~400 MB of output
 * text pushed the process to 1.7–1.9 GB. The V8 flag that would change that growth
 * (`--heap-growing-percent`) only takes effect at start-up, and the CLI cannot choose the flags
 * node starts with. So the writer asks for a full collection itself once the heap has grown by
 * more than `slackMb` since the last one: at most a few collections per build (each costs about
 * 0.2–0.4 s with that live heap), and the peak stays near the live heap plus the slack.
 *
 * The collector function comes from `--expose-gc` set at run time (`v8.setFlagsFromString`),
 * fetched from a fresh context; where that is not possible nothing is collected early and the
 * build is only bigger, never wrong.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | undefined | null = null;

function collect(): void {
  if (collector === null) {
    try {
      setFlagsFromString('--expose-gc');
      const f: unknown = runInNewContext('gc');
      collector = typeof f === 'function' ? (f as () => void) : undefined;
    } catch {
      collector = undefined;
    }
  }
  collector?.();
}

/**
 * A full collection now (where the collector can be had): for a long-lived process at a moment
 * when much has just become garbage and nothing is waiting — `--watch` after a run, when the
 * run before it (page IRs, model, findings) can go.
 */
export function collectGarbage(): void {
  collect();
}

/** Bytes of the V8 heap in use (cheaper than process.memoryUsage(), which also reads the RSS). */
const heapUsed = () => getHeapStatistics().used_heap_size;

export class HeapBound {
  private base = heapUsed();
  /** Collections asked for so far. */
  collections = 0;
  constructor(private readonly slackMb = Number(process.env.DOCMODEL_HEAP_SLACK_MB ?? 192)) {}

  /** Call after a large allocation has become garbage (an output written). */
  check(): void {
    const used = heapUsed();
    if (used - this.base <= this.slackMb * 1048576) return;
    collect();
    this.collections++;
    this.base = heapUsed();
  }
}
