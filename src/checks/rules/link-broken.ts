import { opPage, resourcePage } from '../fixture-pages.js';
import { dirname, resolve, basename } from 'node:path';
import type { ModelRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const rule: ModelRule = {
  id: 'link-broken',
  input: 'model',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page', 'tree'],
  summary: 'A relative link leads to no page',
  description:
    'A relative link to a .md page whose target does not exist in the docs tree, or whose file name is malformed (an empty name such as `-user.md`, left by a template). Targets outside the input tree cannot be checked and are not reported. Backslashes are path separators, as a browser reads them.',
  example: { before: '[user](../resources/-user.md)', after: '[user](../resources/user.md)' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\nSee [the widget](../resources/missing.md).\n'), 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\nSee [the widget](../resources/widget.md).\n'), 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']) },
  },
  check({ pages, tree }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const abs = tree.absOf(p.file);
      for (const l of p.links) {
        let target: string;
        // A browser reads `\` as `/` in an http(s) URL: `..\resources\x.md` is `../resources/x.md`.
        try { target = decodeURIComponent(l.target.replace(/#[\s\S]*$/, '')).replace(/\\/g, '/'); } catch { out.push(pageFinding(this, p, l.src, 'link', `Link target ${l.target} has a malformed percent-escape`, l.target, [l.target])); continue; }
        const name = basename(target);
        if (/^[-_.]/.test(name) || /^\.md$/i.test(name) || /\s/.test(target)) {
          out.push(pageFinding(this, p, l.src, 'link', `Link target ${l.target} is malformed (template left unfilled?)`, l.target, [l.target]));
          continue;
        }
        if (!abs) continue;
        const exists = tree.exists(resolve(dirname(abs), target));
        if (exists === false) out.push(pageFinding(this, p, l.src, 'link', `Link target ${l.target} does not exist`, l.target, [l.target]));
      }
    }
    return out;
  },
};
