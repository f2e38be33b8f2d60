import { bodySection, exampleSection, opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { callsAnotherResource, callsOtherService, objectBody, pageFinding } from '../page-finding.js';
import { bareTypeName } from '../type-relations.js';
import { ask } from '../lookups/lookup.js';
import { DOCUMENTED_PROPERTIES, documentedKey } from '../lookups/documented-properties.js';
import { TREE_PARTIAL } from '../lookups/tree-partial.js';
import { reachesManyCollections } from '../compare.js';
import { docVersion } from '../../model/merge.js';

export const rule: ModelRule = {
  id: 'example-property-undocumented',
  input: 'model',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['page'],
  summary: 'An example request sends a property the page\'s request-body table does not document',
  description:
    'The example request body has a top-level property that is missing from the same page\'s request-body table (OData annotations such as @odata.type are not counted). Either the table is incomplete or the example is wrong. Where the Request body section says the body is a JSON representation of a resource, a property that resource\'s page (or a base type\'s) documents, and does not call read-only, counts as documented (a relationship counts even when read-only: a create body may carry it, as an agreement\'s files); so does one documented by the type the body\'s @odata.type names (a derived type: openIdConnectProvider for an identityProvider). A page of something many resources have (extended properties, open extensions: its request lines reach three or more collections) is not checked: its examples send the created resource\'s properties too. A request to another service than Microsoft Graph (a notification the service posts to a bot\'s callback URL), or a call to another resource than the page\'s HTTP templates address (example-path-fits-no-template reports it), is not checked. An array of objects whose every key the table documents ("supply an array of JSON objects with the id parameter", `{ "value": [{ "id": … }] }`) is the table\'s elements, carried under a key. On a partial tree (tree-partial), a page whose body type no page of the tree documents is not checked: its page may be one left out. A property the Request body section\'s prose names in code, bold or a link (`passwordCredential` in "provide an optional `passwordCredential` object with the following properties", **groupTypes** in a sub-section of its own) counts as documented.',
  example: { before: 'table: accountEnabled, city\nexample: { "accountEnabled": true, "companyName": "x" }', after: 'table also lists companyName' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|city|String||']) + exampleSection('PATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json\n\n{ "city": "Redmond", "companyName": "Contoso" }', 'HTTP/1.1 204 No Content')) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|city|String||', '|companyName|String||']) + exampleSection('PATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json\n\n{ "city": "Redmond", "companyName": "Contoso" }', 'HTTP/1.1 204 No Content')) },
  },
  unit: 'page',
  lookups: [DOCUMENTED_PROPERTIES, TREE_PARTIAL],
  check(input) {
    const { pages } = input;
    const out: FindingDraft[] = [];
    const writable = (name: string, version: string) => ask(input, DOCUMENTED_PROPERTIES, documentedKey(name, version)).writable;
    // A few pages of a tree (the engine found it partial, see tree-partial): the body's type may be documented on a page left out.
    const partial = () => ask(input, TREE_PARTIAL, '');
    /** The type the body's `@odata.type` names (lower-case bare name). */
    const namedType = (body: Record<string, unknown>): string | undefined => {
      const t = body['@odata.type'];
      return typeof t === 'string' ? bareTypeName(t).name : undefined;
    };
    for (const p of pages) {
      const props = p.requestBody?.properties ?? [];
      if (!props.length) continue;
      // A name the section's prose sets in code, bold or a link is documented there ("provide an optional `passwordCredential` object
      // with the following properties": the table lists the wrapper's members; "Use the **groupTypes** property …" under a
      // sub-heading of its own).
      const known = new Set([...props.map((x) => x.name), ...(p.requestBody!.mentioned ?? [])].map((x) => x.toLowerCase()));
      // "Supply a JSON representation of [featureRolloutPolicy](…) object" with a table of the required properties:
      // the body is that resource, whose page (or a base type's) documents the rest — but not a read-only property (an update
      // that sends subscriptionName, "Read-only" on the resource page, is still wrong).
      const bodyType = p.requestBody!.typeName;
      const version = docVersion(p);
      const ofType = bodyType ? writable(bareTypeName(bodyType).name, version) : undefined;
      if (ofType?.size === 0 && partial()) continue;
      const templates = p.operations.filter((o) => !o.fromExample);
      // A page of something many resources have (extended properties, open extensions: POST /me/events, POST /me/messages, …)
      // sends "the properties of the new resource instance and" its own: the created resource's, which its own page documents.
      if (reachesManyCollections(p)) continue;
      for (const r of p.examples.requests) {
        // A payload sent to another service (a notification to the bot's callback URL, a workforce integration's endpoint) is not this call's body.
        if (callsOtherService(r.url)) continue;
        // Nor is the body of a call to another resource than the templates' (PATCH …/format/font on the page of PATCH …/format):
        // example-path-fits-no-template reports the call.
        if (callsAnotherResource(r.method, r.path, templates)) continue;
        const body = objectBody(r.body?.json);
        if (!body) continue;
        // A body that names its type (`"@odata.type": "#microsoft.graph.openIdConnectProvider"` where the body is an identityProvider;
        // a roomList where the page updates "the properties of that type" of place) sends that type's writable properties.
        const named = namedType(body);
        const ofNamed = named ? writable(named, version) : undefined;
        for (const k of Object.keys(body)) {
          if (k.includes('@') || known.has(k.toLowerCase()) || ofType?.has(k.toLowerCase()) || ofNamed?.has(k.toLowerCase())) continue;
          // An array of objects whose every key the table documents (site-follow.md: "supply an array of JSON objects with the id
          // parameter", `{ "value": [{ "id": … }, …] }`): the table describes the elements, the key only carries them.
          if (itemsDocumented(body[k], known)) continue;
          out.push(pageFinding(this, p, r.body!.src, `example.${r.index}.${k}`, `Example request sends ${k}, which the request-body table does not document`, k, [String(r.index), k], [{ src: p.requestBody!.src, value: 'request-body table' }]));
        }
      }
    }
    return out;
  },
};

/** Is the value a non-empty array of objects each of whose keys (annotations apart) the documented names hold? */
export function itemsDocumented(v: unknown, known: ReadonlySet<string>): boolean {
  return Array.isArray(v) && v.length > 0 && v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x)
    && Object.keys(x).length > 0 && Object.keys(x).every((k) => k.includes('@') || known.has(k.toLowerCase())));
}
