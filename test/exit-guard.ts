/**
 * Loaded before every test file (`npm test`: `--import ./dist/test/exit-guard.js`). A test left
 * holding a handle (a watcher, a child process, a timer) must not keep its file's process — and so
 * the whole run — alive after its last test: once every test of the file has finished, the process
 * exits on its own if it is still there 10 s later (with the exit code the runner set). This is what
 * `--test-force-exit` was for, but that flag exits at once and Node loses the verdicts still on their
 * way to the parent: a file's last tests went missing from the report, the run green (7 of 52 in one
 * of six runs of precision-fixes.test.js here; nodejs/node#64833).
 */
import { after } from 'node:test';

after(() => {
  setTimeout(() => {
    process.stderr.write('test process still alive 10 s after its last test (a handle left open): exiting\n');
    process.exit();
  }, 10_000).unref();
});
