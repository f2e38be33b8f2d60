/**
 * API version (beta / v1.0) with the evidence used: the file's path, a beta disclaimer (include
 * or alert text), example request URLs. The path wins when there is one; otherwise the
 * disclaimer, then the majority of example URLs. Evidence that disagrees is a diagnostic.
 */
import type { ApiVersion, VersionEvidence } from '../ir/schema.js';
import type { Extractor } from './context.js';

const BETA_TEXT = /(\/beta\b(?:(?!\/beta\b).)*(version|apis?|endpoint)|beta (version|apis?|endpoint)|apis? under the \/beta|are in preview|subject to change\b(?:(?!subject to change\b).)*production)/i;

export const apiVersion: Extractor = {
  name: 'apiVersion',
  extract(ctx, ir) {
    const ev: VersionEvidence[] = [];
    const segs = ctx.file.split('/');
    const pv = segs.find((s) => s === 'beta' || s === 'v1.0');
    if (pv) ev.push({ kind: 'path', value: pv as ApiVersion, text: ctx.file, src: { file: ctx.file, line: 1, column: 1 } });
    for (const inc of ctx.page.includes) {
      if (/beta-disclaimer/i.test(inc.label) || /beta-disclaimer/i.test(inc.target)) {
        ev.push({ kind: 'disclaimer', value: 'beta', text: `[!INCLUDE [${inc.label}](${inc.target})]`, src: inc.src });
      }
    }
    const preamble = ctx.preamble();
    for (const n of preamble) {
      if (n.type !== 'blockquote' && n.type !== 'paragraph') continue;
      const t = ctx.text(n);
      if (BETA_TEXT.test(t) && !ev.some((e) => e.kind === 'disclaimer')) ev.push({ kind: 'disclaimer', value: 'beta', text: t.slice(0, 160), src: ctx.src(n) });
    }
    for (const r of ir.examples.requests) {
      if (r.version) ev.push({ kind: 'example-url', value: r.version, text: r.url, src: r.src });
    }
    let value: ApiVersion | null = null;
    const first = (k: VersionEvidence['kind']) => ev.find((e) => e.kind === k)?.value;
    value = first('path') ?? first('disclaimer') ?? null;
    if (!value) {
      const urls = ev.filter((e) => e.kind === 'example-url');
      const beta = urls.filter((e) => e.value === 'beta').length;
      if (urls.length) value = beta * 2 > urls.length ? 'beta' : beta * 2 < urls.length ? 'v1.0' : urls[0]!.value;
    }
    ir.apiVersion = { value, evidence: ev };
    if (value) {
      for (const e of ev) {
        if (e.value !== value && e.kind !== 'example-url') {
          ctx.diag('api-version-evidence-conflict', 'warning', `The page is taken as ${value} (from its ${ev.find((x) => x.value === value)!.kind}), but its ${e.kind} says ${e.value}`, e.src);
        }
      }
    }
  },
};
