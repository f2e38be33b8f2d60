import { opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const rule: ModelRule = {
  id: 'title-mismatch',
  input: 'model',
  severity: 'info',
  confidence: 'low',
  contexts: ['page'],
  summary: 'Front-matter title, H1 and JSON-representation @odata.type disagree',
  description: 'The front matter `title` and the H1 name different things (after ignoring case, the words "resource type" and the site-name suffix " - Microsoft Graph API"), or a resource page\'s @odata.type names another type than its title.',
  example: { before: 'title: "Get users"\n# List users', after: 'title: "List users"\n# List users' },
  fixture: {
    before: { 'v1.0/api/a.md': '---\ntitle: "Get gadget"\n---\n' + opPage('Get widget', 'GET', '/widgets/{id}') },
    after: { 'v1.0/api/a.md': '---\ntitle: "Get widget"\n---\n' + opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    const norm = (s: string) => s.toLowerCase().replace(/[`*"]/g, '').replace(/ - microsoft graph(?: api)?(?: beta| v1\.0)?$/, '').replace(/(?<!\s)\s+(?:(?:resource|entity|complex)\s*)?type$/, '').replace(/\s+/g, ' ').trim();
    for (const p of pages) {
      const fm = p.title.frontMatter;
      const h1 = p.title.h1;
      if (fm && h1 && norm(fm.value) !== norm(h1.value)) {
        out.push(pageFinding(this, p, h1.src, 'title', `Front matter title ${JSON.stringify(fm.value)} differs from H1 ${JSON.stringify(h1.value)}`, h1.value, ['fm-h1'], [{ src: fm.src, value: fm.value }]));
      }
      const jr = p.resource?.jsonRepresentation?.annotation;
      const t = jr?.fields['@odata.type'];
      if (p.resource && typeof t === 'string') {
        const name = t.replace(/^#?microsoft\.graph\./i, '').split('.').pop()!;
        if (name.toLowerCase() !== p.resource.name.toLowerCase()) {
          out.push(pageFinding(this, p, jr!.src, 'odataType', `JSON representation @odata.type ${t} does not name the page's type ${p.resource.name}`, t, ['odata-type'], h1 ? [{ src: h1.src, value: h1.value }] : []));
        }
      }
    }
    return out;
  },
};
