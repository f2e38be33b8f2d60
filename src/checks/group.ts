/**
 * One finding per root cause. Findings of one rule whose difference has the same shape — the
 * same message once the subject is taken out, on the same kind of field — on several pages or
 * operations (one template repeated: the Intune GET template that wraps a single entity in
 * `value` on hundreds of pages) become one finding listing its pages. Each original finding is
 * kept as an instance with its own fingerprint (suppressions, baselines and the precision set
 * still address it). The group's fingerprint comes from the rule and the shape only, so it stays
 * the same while the difference does.
 *
 * Drift changes are not grouped: two removed operations are two changes.
 */
import { fingerprint } from './fingerprint.js';
import type { Finding } from './types.js';

/** What makes two findings of one rule the same difference. */
export function shapeOf(f: Finding): string {
  let msg = f.message;
  if (f.subject) msg = msg.split(f.subject).join('‹subject›');
  const field = f.field.replace(/\d+/g, '#');
  return [f.rule, f.severity, f.context, field, msg].join('\u0000');
}

/**
 * The fingerprint a report gives the findings of one shape when it shows them as one ("— the same
 * difference on 3 pages"); drift changes are never merged. A suppression may name it.
 */
export function groupFingerprint(f: Finding): string | undefined {
  return f.context === 'drift' ? undefined : fingerprint(f.rule, 'shape', shapeOf(f));
}

/** The pages findings touch (a metadata side's file is no page). */
function pagesOf(fs: Finding[]): string[] {
  return [...new Set(fs.flatMap((f) => [...(f.pages ?? []), ...f.sides.filter((s) => s.element === undefined).map((s) => s.file)]))].sort();
}

export function groupFindings(findings: Finding[]): Finding[] {
  const buckets = new Map<string, Finding[]>();
  const order: string[] = [];
  for (const f of findings) {
    const k = f.context === 'drift' ? `\u0001${f.fingerprint}` : shapeOf(f);
    if (!buckets.has(k)) { buckets.set(k, []); order.push(k); }
    buckets.get(k)!.push(f);
  }
  const out: Finding[] = [];
  for (const k of order) {
    const fs = buckets.get(k)!;
    if (fs.length === 1) {
      const f = fs[0]!;
      out.push(f.pages ? f : { ...f, pages: pagesOf([f]) });
      continue;
    }
    const first = fs[0]!;
    const instances = fs.flatMap((f) => (f.instances?.length ? [{ ...f, instances: undefined }, ...f.instances] : [f])).map((x) => {
      const { instances: _drop, ...rest } = x;
      return rest as Finding;
    });
    const pages = pagesOf(fs);
    out.push({
      ...first,
      subject: `${fs.length} × ${first.subject.includes('/') || first.context === 'page' ? 'pages' : 'subjects'} (first: ${first.subject})`,
      message: `${first.message} — the same difference ${sameOn(fs.length, first.context === 'page', pages.length)}`,
      fingerprint: fingerprint(first.rule, 'shape', k), // groupFingerprint(first) but for drift's duplicates
      instances,
      pages,
    });
  }
  return out;
}

/**
 * "on 3 pages"; "3 times on 2 pages" when a page holds more than one (two examples of one page); "on 3 operations or
 * types (4 pages)" for model findings.
 */
function sameOn(n: number, perPage: boolean, pages: number): string {
  const pl = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  if (!perPage) return `on ${n} operations or types${pages ? ` (${pl(pages, 'page')})` : ''}`;
  if (!pages || pages === n) return `on ${n} pages`;
  return `${n} times on ${pl(pages, 'page')}`;
}
