import { opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

function short(t: string): { ns: string; name: string } {
  const s = t.replace(/^#/, '');
  const i = s.lastIndexOf('.');
  return i < 0 ? { ns: '', name: s } : { ns: s.slice(0, i), name: s.slice(i + 1) };
}

export const rule: ModelRule = {
  id: 'odata-type-mismatch',
  input: 'model',
  severity: 'warning',
  contexts: ['page'],
  summary: 'A response annotation\'s @odata.type disagrees with the page (namespace or type)',
  description:
    'The `@odata.type` of an example response annotation names a namespace other than the page\'s (Microsoft.DirectoryServices.user on a microsoft.graph page), or a type other than the Response section\'s.',
  example: { before: '<!-- { "blockType": "response", "@odata.type": "Microsoft.DirectoryServices.user" } -->', after: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response", "@odata.type": "Microsoft.DirectoryServices.widget" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{ "id": "1" }\n```\n') },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{ "id": "1" }\n```\n') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const ns = (p.namespace?.value ?? 'microsoft.graph').toLowerCase();
      for (const r of p.examples.responses) {
        const t = r.annotation?.fields['@odata.type'];
        if (typeof t !== 'string' || !t.includes('.')) continue;
        const { ns: tns, name } = short(t);
        const problems: string[] = [];
        if (tns.toLowerCase() !== ns && !tns.toLowerCase().startsWith('microsoft.graph')) problems.push(`namespace ${tns} is not ${p.namespace?.value ?? 'microsoft.graph'}`);
        const bt = p.response?.bodyType?.name;
        if (bt && bt.toLowerCase() !== name.toLowerCase()) problems.push(`type ${name} is not the Response section's ${bt}`);
        if (!problems.length) continue;
        out.push(pageFinding(this, p, r.annotation!.src, `example.response.${r.index}.odataType`, `Response annotation @odata.type ${t}: ${problems.join('; ')}`, t, [String(r.index)], p.namespace ? [{ src: p.namespace.src, value: p.namespace.value }] : []));
      }
    }
    return out;
  },
};
