/**
 * npm run extraction-accuracy -- [labels.jsonl or folder] [--ir <era>=<ir-dir>]...
 *
 * Scores the extraction hand-check (test/precision/extraction-labels/, one file per era): pages drawn from
 * trees the extractors were not written against (`factsheet.js --sample`), each page's fact sheet
 * (`factsheet.js`) read against the page by a reviewer who marked every fact `ok` or `wrong`
 * and listed what the page states that no fact and no diagnostic covers (`missed`).
 *
 * Per section kind: precision = ok / (ok + wrong) — of the facts extraction produced, how many
 * say what the page says; recall = ok / (ok + wrong + missed) — of the statements the page makes
 * in that kind (each wrong fact counted as a statement not recovered), how many landed right.
 *
 * Without `--ir`, the labels are scored as labelled (facts marked `since` — judged later, after a
 * fix changed them — are left out). With `--ir era=dir` (an `ir/` folder of a build of that era's
 * tree at the current commit) the sheets are derived again: a labelled fact counts when its text
 * is on its page's current sheet, else it is counted as changed (not scored); a fact on the sheet
 * that no label covers is counted as unlabelled; a missed statement marked `resolved` (a later
 * commit turned it into a fact or a diagnostic) is not counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './corpus.js';
import { sheetFacts, type SheetFact } from './factsheet.js';
import type { PageIR } from '../src/sources/graph-markdown/ir/schema.js';

/** The hand-check's labels: every file of the folder (one per era, each well under the repository's 2 MB a file), or one file; in id order (x001, x002, …: round by round). */
export const EXTRACTION_LABELS = join(REPO, 'test', 'precision', 'extraction-labels');
export function readExtractionLabels(path = EXTRACTION_LABELS): ExtractionLabel[] {
  const files = statSync(path).isDirectory() ? readdirSync(path).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(path, f)) : [path];
  const labels = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((x) => x.trim()).map((x) => JSON.parse(x) as ExtractionLabel));
  return labels.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

export interface ExtractionLabel {
  id: string;
  era: string;
  file: string;
  /** The commit whose sheet was labelled. */
  commit: string;
  /** `since`: judged on a later commit's sheet, where a fix changed this fact (the earlier text stays, judged as it was). */
  facts: { id: string; section: string; line: number; text: string; verdict: 'ok' | 'wrong'; why?: string; since?: string }[];
  /** `resolved`: the commit, and how, a later fix turned the statement into a fact or named it by a diagnostic. */
  missed: { section: string; line: number; what: string; resolved?: string }[];
  /** Why a page has no fact to judge (a redirect stub: front matter only). */
  note?: string;
}

interface Row { ok: number; wrong: number; missed: number; changed: number }

function pct(a: number, b: number): string {
  return b ? `${((100 * a) / b).toFixed(1)}%` : '—';
}

/** The current sheet of a labelled page (its facts), or undefined to score the labels as labelled. */
export type CurrentSheet = (l: ExtractionLabel) => SheetFact[] | undefined;

/** The sheets of `ir/` folders of builds at the current commit, one per era. */
export function sheetsFrom(irDirs: Record<string, string>): CurrentSheet {
  return (l) => {
    const dir = irDirs[l.era];
    if (!dir) return undefined;
    const irFile = join(dir, l.file.replace(/\.(md|markdown|txt)$/i, '.json'));
    return existsSync(irFile) ? sheetFacts(JSON.parse(readFileSync(irFile, 'utf8')) as PageIR) : [];
  };
}

export function score(labels: ExtractionLabel[], current: CurrentSheet = () => undefined): { rows: Map<string, Row>; pages: number; unlabelled: number } {
  const rows = new Map<string, Row>();
  const row = (s: string) => { let r = rows.get(s); if (!r) rows.set(s, (r = { ok: 0, wrong: 0, missed: 0, changed: 0 })); return r; };
  let unlabelled = 0;
  for (const l of labels) {
    const sheet = current(l);
    let now: Set<string> | undefined;
    if (sheet) {
      now = new Set(sheet.map((f) => `${f.section}|${f.line}|${f.text}`));
      const labelled = new Set(l.facts.map((f) => `${f.section}|${f.line}|${f.text}`));
      unlabelled += [...now].filter((k) => !labelled.has(k)).length;
    }
    for (const f of l.facts) {
      const r = row(f.section);
      if (!now && f.since) continue;
      if (now && !now.has(`${f.section}|${f.line}|${f.text}`)) { r.changed++; continue; }
      if (f.verdict === 'ok') r.ok++;
      else r.wrong++;
    }
    for (const m of l.missed) if (!(now && m.resolved)) row(m.section).missed++;
  }
  return { rows, pages: labels.length, unlabelled };
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--ir') ?? EXTRACTION_LABELS;
  const irDirs: Record<string, string> = {};
  args.forEach((a, i) => { if (a === '--ir') { const [era, dir] = args[i + 1]!.split('='); irDirs[era!] = dir!; } });
  const labels = readExtractionLabels(file);
  const eras = [...new Set(labels.map((l) => l.era))].sort();
  const print = (title: string, ls: ExtractionLabel[]) => {
    const { rows, pages, unlabelled } = score(ls, sheetsFrom(irDirs));
    console.log(`\n${title}: ${pages} pages`);
    console.log('| section | facts | ok | wrong | missed | precision | recall |' + (Object.keys(irDirs).length ? ' changed since labelled |' : ''));
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |' + (Object.keys(irDirs).length ? ' ---: |' : ''));
    const total: Row = { ok: 0, wrong: 0, missed: 0, changed: 0 };
    for (const [s, r] of [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      for (const k of ['ok', 'wrong', 'missed', 'changed'] as const) total[k] += r[k];
      console.log(`| ${s} | ${r.ok + r.wrong} | ${r.ok} | ${r.wrong} | ${r.missed} | ${pct(r.ok, r.ok + r.wrong)} | ${pct(r.ok, r.ok + r.wrong + r.missed)} |` + (Object.keys(irDirs).length ? ` ${r.changed} |` : ''));
    }
    console.log(`| **all** | ${total.ok + total.wrong} | ${total.ok} | ${total.wrong} | ${total.missed} | ${pct(total.ok, total.ok + total.wrong)} | ${pct(total.ok, total.ok + total.wrong + total.missed)} |` + (Object.keys(irDirs).length ? ` ${total.changed} |` : ''));
    if (Object.keys(irDirs).length) console.log(`facts on the current sheets that no label covers: ${unlabelled}`);
  };
  print('all eras', labels);
  for (const e of eras) print(e, labels.filter((l) => l.era === e));
  // Each round of labels was judged on the sheets of one commit (a later round is held out from the fixes the earlier one led to).
  for (const c of [...new Set(labels.map((l) => l.commit))]) print(`sheets of ${c}`, labels.filter((l) => l.commit === c));
}

if (process.argv[1]?.endsWith('extraction-accuracy.js')) main();
