import { linkedFile } from '../link-target.js';
import { opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import type { Document } from '../../model/schema.js';
import { isLive, pageFinding } from '../page-finding.js';
import { bareTypeName, typeRelations } from '../type-relations.js';

/** Namespace and name of an annotation type, `Collection(...)` unwrapped. */
function short(t: string): { ns: string; name: string } {
  const b = bareTypeName(t);
  const s = t.trim().replace(/^#/, '').replace(/^Collection\((.*)\)$/i, '$1');
  return { ns: b.namespace, name: s.slice(s.lastIndexOf('.') + 1) };
}

const perModel = new WeakMap<object, { related: ReturnType<typeof typeRelations>; byFile: Map<string, Document> }>();

export const rule: ModelRule = {
  id: 'odata-type-mismatch',
  input: 'model',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['page'],
  summary: 'A response annotation\'s @odata.type disagrees with the page (namespace or type)',
  description:
    'The `@odata.type` of a live example response annotation (not `"blockType": "ignored"`) names a namespace other than the page\'s (Microsoft.DirectoryServices.user on a microsoft.graph page), or a type other than the Response section\'s. `Collection(...)` is unwrapped, EDM primitives (`Edm.Stream`) are not namespaces, and a derived type (or a sibling under a common base) agrees with the Response section\'s type, and so does the type of the resource page its sentence links to.',
  example: { before: '<!-- { "blockType": "response", "@odata.type": "Microsoft.DirectoryServices.user" } -->', after: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response", "@odata.type": "Microsoft.DirectoryServices.widget" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{ "id": "1" }\n```\n') },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{ "id": "1" }\n```\n') },
  },
  check({ pages, model }) {
    const out: FindingDraft[] = [];
    // A page rule runs once per page: the tree-wide lookups are built once per model, not per page (was quadratic: 244 s on the 2021 corpus).
    let shared = perModel.get(model);
    if (!shared) {
      shared = { related: typeRelations(model), byFile: new Map(model.documents.map((d) => [d.file.toLowerCase(), d] as const)) };
      perModel.set(model, shared);
    }
    const { related, byFile } = shared;
    // The types of the resource pages linked from the Response section's sentence ("[Range](../resources/range.md)" is workbookRange).
    const linkedTypes = (p: (typeof pages)[number]): string[] => {
      const at = p.response?.bodyType?.src.line;
      if (at === undefined) return [];
      return p.links.filter((l) => l.src.line >= at && l.src.line <= at + 3)
        .map((l) => byFile.get(linkedFile(p.file, l.target) ?? '')?.resource?.name)
        .filter((x): x is string => !!x);
    };
    for (const p of pages) {
      const ns = (p.namespace?.value ?? 'microsoft.graph').toLowerCase();
      for (const r of p.examples.responses) {
        const t = r.annotation?.fields['@odata.type'];
        if (typeof t !== 'string' || !t.includes('.') || !isLive(r) || /^(Collection\()?Edm\./i.test(t.trim())) continue;
        const { ns: tns, name } = short(t);
        const problems: string[] = [];
        if (tns.toLowerCase() !== ns && !tns.toLowerCase().startsWith('microsoft.graph')) problems.push(`namespace ${tns} is not ${p.namespace?.value ?? 'microsoft.graph'}`);
        const bt = p.response?.bodyType?.name;
        if (bt && !related(bt, name, p.apiVersion.value) && !linkedTypes(p).some((x) => related(x, name, p.apiVersion.value))) problems.push(`type ${name} is not the Response section's ${bt}`);
        if (!problems.length) continue;
        out.push(pageFinding(this, p, r.annotation!.src, `example.response.${r.index}.odataType`, `Response annotation @odata.type ${t}: ${problems.join('; ')}`, t, [String(r.index)], p.namespace ? [{ src: p.namespace.src, value: p.namespace.value }] : []));
      }
    }
    return out;
  },
};
