import { linkedFile } from '../../util/link.js';
import { opPage, resourcePage, responseSection } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { sideOf } from '../types.js';
import type { Document } from '../../model/schema.js';
import { pageVersion } from '../../model/merge.js';
import { singular } from '../../model/identity.js';
import { isPrimitiveName } from '../../model/primitives.js';

/** Names that are no resource: an Edm primitive, or "none", "void", "json", "object". */
const NO_RESOURCE = (n: string) => isPrimitiveName(n) || /^(none|void|json|object)$/i.test(n);

export const rule: ModelRule = {
  id: 'operation-resource-missing',
  input: 'model',
  wholeTree: true,
  severity: 'warning',
  confidence: 'low',
  contexts: ['tree'],
  summary: 'An operation returns or takes a resource that has no resource page',
  description: 'The response type (or the type the Request body section names) of an operation page is defined by no resource page of the same version in the tree. Only checked when the tree has resource pages at all. A link on that line to a resource page of the tree defines the type, whatever the link text; so does a resource page named after it (file name, with or without a workload prefix, or the first word of its H1 or front-matter title), in the singular or the plural. Not reported on a tree that is only part of a docs tree (see tree-partial).',
  example: { before: 'api/widget-get.md: returns a [widget](../resources/widget.md) object   (no resources/widget.md)', after: 'resources/widget.md documents widget' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', responseSection('If successful, this method returns a `200 OK` response code and a [sprocket](../resources/sprocket.md) object in the response body.')), 'v1.0/resources/other.md': resourcePage('other', ['|id|String||']) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', responseSection('If successful, this method returns a `200 OK` response code and a [sprocket](../resources/sprocket.md) object in the response body.')), 'v1.0/resources/other.md': resourcePage('sprocket', ['|id|String||']) },
  },
  check(input) {
    const { model } = input;
    const out: FindingDraft[] = [];
    const defined = new Set<string>();
    for (const t of model.types) if (t.sources.some((s) => s.origin === 'resource')) defined.add(`${t.version}|${t.name.toLowerCase()}`);
    for (const e of model.enums) defined.add(`${e.version}|${e.name.toLowerCase()}`);
    if (!defined.size) return out;
    const resourcePages = new Set(model.documents.filter((d) => d.resource).map((d) => d.file.toLowerCase()));
    // A resource page also defines the names it goes by: its file name (chartdatalabels.md is workbookChartDataLabels),
    // the name after a workload prefix (dynamics-customerpaymentsjournal.md), and the first word of its H1 and front-matter title.
    for (const d of model.documents) {
      if (!d.resource) continue;
      const v = pageVersion(d);
      for (const n of resourcePageNames(d)) defined.add(`${v}|${n}`);
    }
    for (const p of model.documents) {
      if (p.kind !== 'operation') continue;
      // A link on the line that names the type, leading to a resource page, defines it whatever its text ("[tabs](../resources/teamstab.md)").
      const linkedResource = (line: number) => p.links.some((l) => l.src.line >= line && l.src.line <= line + 3 && resourcePages.has(linkedFile(p.file, l.target) ?? ''));
      const v = pageVersion(p);
      const names: [string, 'response' | 'requestBody', PageRef][] = [];
      if (p.response?.bodyType) names.push([p.response.bodyType.name, 'response', p.response.bodyType]);
      // Only a type the Request body section names itself: the model's fallbacks (the response's type, the title's last
      // word — "Update connection", "update action") are guesses, not the page's claim that such a type exists.
      const bt = p.requestBody?.typeName;
      if (bt && p.requestBody) names.push([bt, 'requestBody', p.requestBody]);
      for (const [name, field, at] of names) {
        const n = name.replace(/^microsoft\.graph\./i, '').split('.').pop()!;
        // …and so does the link the type was read from (a reference-style "[itemActivityStats][]" defined at the page's end).
        const readFrom = 'link' in at && at.link ? linkedFile(p.file, at.link) : undefined;
        // A plural names its type too ("a collection of **secureScores** objects", "a **journals** object").
        const known = (x: string) => defined.has(`${v}|${x.toLowerCase()}`);
        if (NO_RESOURCE(n) || known(n) || known(singular(n)) || linkedResource(at.src.line) || (readFrom !== undefined && resourcePages.has(readFrom))) continue;
        out.push({ rule: this.id, severity: this.severity, context: 'tree', subject: p.file, field: `${field}.type`, message: `The ${field === 'response' ? 'response' : 'request body'} type ${name} has no resource page in ${v}`, sides: [sideOf(p, at.src, name)], args: [field, n.toLowerCase()] });
      }
    }
    return out;
  },
};

type PageRef = { src: import('../../model/schema.js').Src; link?: string };

/** The names a resource page goes by, lower-cased: its file name, the part after a workload prefix, the first word of its H1 and front-matter title. */
export function resourcePageNames(d: Pick<Document, 'file' | 'title'>): string[] {
  const base = d.file.slice(d.file.lastIndexOf('/') + 1).replace(/\.(md|markdown|txt)$/i, '').toLowerCase();
  return [base, base.slice(base.lastIndexOf('-') + 1), d.title.h1?.value, d.title.frontMatter?.value].flatMap((x) => x?.trim().split(/\s+/)[0]?.replace(/[`*]/g, '').toLowerCase() || []);
}
