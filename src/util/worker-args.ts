/**
 * The Node options a worker thread is started with: the parent's (what Node gives a worker by
 * default), less `--input-type`, which is valid only for code given by `--eval`, `--print` or
 * standard input and makes a worker that loads a file fail at once. Without this, a library call
 * from `node --input-type=module -e "…"` crashed every page worker: each page came out as
 * `page-worker-crashed`.
 */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--input-type') { i++; continue; } // its value as the next argument
    if (!a.startsWith('--input-type=')) out.push(a);
  }
  return out;
}
