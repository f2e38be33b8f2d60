import { linkedFile } from '../../util/link.js';
import { opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import type { Src } from '../../model/schema.js';
import { callsAnotherResource, isLive, pageFinding } from '../page-finding.js';
import { bareTypeName } from '../type-relations.js';
import { ask } from '../lookups/lookup.js';
import { TYPE_RELATED, relatedKey } from '../lookups/type-related.js';
import { RESOURCE_NAME_BY_FILE } from '../lookups/resource-name-by-file.js';
import { TYPE_NAME_KNOWN } from '../lookups/type-name-known.js';
import { singular } from '../../model/identity.js';

/** Namespace and name of an annotation type, `Collection(...)` unwrapped. */
function short(t: string): { ns: string; name: string } {
  const b = bareTypeName(t);
  const s = t.trim().replace(/^#/, '').replace(/^Collection\((.*)\)$/i, '$1');
  return { ns: b.namespace, name: s.slice(s.lastIndexOf('.') + 1) };
}

/** Edm primitives a Response section names ("a string collection"): types, though no page defines them. */
const EDM_NAMES = /^(?:edm\.)?(?:string|guid|datetimeoffset|date|timeofday|duration|boolean|int16|int32|int64|double|single|decimal|byte|sbyte|binary|stream)$/;


export const rule: ModelRule = {
  id: 'odata-type-mismatch',
  input: 'model',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['page'],
  summary: 'A response annotation\'s @odata.type disagrees with the page (namespace or type)',
  description:
    'The `@odata.type` of a live example response annotation (not `"blockType": "ignored"`) names a namespace other than the page\'s (Microsoft.DirectoryServices.user on a microsoft.graph page), or a type other than the Response section\'s. `Collection(...)` is unwrapped, EDM primitives (`Edm.Stream`) are not namespaces, and a derived type (or a sibling under a common base) agrees with the Response section\'s type, and so do the type of the resource page its sentence links to (a reference-style link too) and the singular of a plural ("a **secureScores** object"); a word that names no type of the model (nor an Edm primitive) and links to no page is not compared, nor is the type of a `204 No Content` response that shows no body (there is no payload for the annotation to type; a Response section promising one is what is wrong), nor an annotation type that no page of the tree defines (its base cannot be told). When the page\'s title (its last word, singular) and its file name both name the annotation\'s type and not the Response section\'s ("List onPremisesAgents", onpremisesagent-list.md, a Response section saying onPremisesAgentGroup), the finding names the Response section as what to mend. The response to a call to another resource than the page\'s HTTP templates address is another operation\'s, and on a page whose templates are `$expand` calls an expanding call answers with the resource it expands: neither is compared with the Response section.',
  example: { before: '<!-- { "blockType": "response", "@odata.type": "Microsoft.DirectoryServices.user" } -->', after: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response", "@odata.type": "Microsoft.DirectoryServices.widget" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{ "id": "1" }\n```\n') },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{ "id": "1" }\n```\n') },
  },
  unit: 'page',
  lookups: [TYPE_RELATED, RESOURCE_NAME_BY_FILE, TYPE_NAME_KNOWN],
  check(input) {
    const { pages } = input;
    const out: FindingDraft[] = [];
    // What the model knows beyond the page, asked of the lookups (answered once per run, whatever the number of pages).
    const related = (a: string, b: string, version: string | null) => ask(input, TYPE_RELATED, relatedKey(a, b, version));
    const typeNames = { has: (name: string) => ask(input, TYPE_NAME_KNOWN, name) };
    /** "a **secureScores** object": the plural of the type's name. */
    const plural = (written: string, name: string) => { const w = written.toLowerCase(), n = name.toLowerCase(); return w === `${n}s` || w === `${n}es`; };
    const expands = (x: string) => /[?&]\$expand=/i.test(x);
    for (const p of pages) {
      const ns = (p.namespace?.value ?? 'microsoft.graph').toLowerCase();
      const templates = p.operations.filter((o) => !o.fromExample);
      // A template's query string is apart from its path (GET /me/messages/{id}?$expand=extensions(…)).
      const expandingTemplates = templates.some((o) => expands(o.query === undefined ? o.path : `${o.path}?${o.query}`));
      // The Response section's type (per page): its name, the types of the resource pages linked from its sentence
      // ("[Range](../resources/range.md)" is workbookRange) or by its own link (a reference-style link's definition is
      // elsewhere on the page: "an [item][]", `[item]: ../resources/listitem.md`). A word that names no type of the model
      // (nor an Edm primitive) and links to no page ("a collection of changes to be applied to objects") is not compared.
      const body = p.response?.bodyType;
      const bt = body?.name;
      const near = body ? p.links.filter((l) => l.src.line >= body.src.line && l.src.line <= body.src.line + 3).map((l) => l.target) : [];
      const linked = [...near, ...(body?.link ? [body.link] : [])].map((target) => ask(input, RESOURCE_NAME_BY_FILE, linkedFile(p.file, target) ?? '')).filter((x): x is string => !!x);
      const btName = bt ? bareTypeName(bt).name.toLowerCase() : '';
      const isType = !!bt && (typeNames.has(btName) || EDM_NAMES.test(btName) || !!body?.link || near.length > 0);
      for (const r of p.examples.responses) {
        const t = r.annotation?.fields['@odata.type'];
        if (typeof t !== 'string' || !t.includes('.') || !isLive(r) || /^(Collection\()?Edm\./i.test(t.trim())) continue;
        const { ns: tns, name } = short(t);
        const problems: string[] = [];
        // Each problem's other side: the page's namespace line, the Response section's sentence.
        const sides: { src: Src; value: string }[] = [];
        if (tns.toLowerCase() !== ns && !tns.toLowerCase().startsWith('microsoft.graph')) {
          problems.push(`namespace ${tns} is not ${p.namespace?.value ?? 'microsoft.graph'}`);
          if (p.namespace) sides.push({ src: p.namespace.src, value: p.namespace.value });
        }
        // The Response section speaks of the page's templates: the answer to a call to another resource (PATCH …/format/font
        // on the page of PATCH …/format) is another operation's (example-path-fits-no-template reports the call). On a page
        // whose templates are $expand calls (an extension's get: GET /me/messages/{id}?$expand=extensions(…)), an expanding
        // call answers with the resource it expands (the message), which the Response section about the expanded items does not name.
        const req = r.answers === null ? undefined : p.examples.requests[r.answers];
        const ours = !req || (!callsAnotherResource(req.method, req.path, templates) && !(expandingTemplates && expands(req.path)));
        // An annotation type no page of the tree defines may derive from the Response section's (a sample or a pull
        // request's pages lack room's page, which says it derives from place): its relation cannot be told, not claimed.
        const known = typeNames.has(name.toLowerCase());
        // A response that shows no body ("HTTP/1.1 204 No Content" annotated educationUser, under a Response section promising an
        // educationClass) has no payload for the annotation to type: what is wrong is the promise (label o1360, misdescribed).
        const shown = r.body !== undefined || r.statusLine.code !== 204;
        if (bt && isType && ours && known && shown && !plural(bt, name) && !related(bt, name, p.apiVersion.value) && !linked.some((x) => related(x, name, p.apiVersion.value))) {
          // The page's title and file name both name the annotation's type, not the Response section's ("List onPremisesAgents",
          // onpremisesagent-list.md, a Response section saying onPremisesAgentGroup; label o1524): the sentence is what to mend.
          const title = p.title.h1?.value ?? p.title.frontMatter?.value;
          const pageNames = (x: string) => titleNames(title, x) && fileNames(p.file, x);
          const sentence = pageNames(name) && !pageNames(btName);
          problems.push(`type ${name} is not the Response section's ${bt}${sentence ? ` — the page's title ("${title}") and file name name ${name}: the Response section is what to mend` : ''}`);
          sides.push({ src: body!.src, value: bt });
        }
        if (!problems.length) continue;
        out.push(pageFinding(this, p, r.annotation!.src, `example.response.${r.index}.odataType`, `Response annotation @odata.type ${t}: ${problems.join('; ')}`, t, [String(r.index)], sides));
      }
    }
    return out;
  },
};

/** Does the title's last word, singular, name the type ("List onPremisesAgents": onPremisesAgent)? */
function titleNames(title: string | undefined, type: string): boolean {
  const last = title?.trim().split(/\s+/).pop()?.replace(/[`*]/g, '');
  return !!last && (last.toLowerCase() === type.toLowerCase() || singular(last).toLowerCase() === type.toLowerCase());
}

/** Does the file name start with the type's name (onpremisesagent-list.md: onPremisesAgent)? */
function fileNames(file: string, type: string): boolean {
  return file.slice(file.lastIndexOf('/') + 1).toLowerCase().split('-')[0] === type.toLowerCase();
}
