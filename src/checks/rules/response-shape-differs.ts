import { opPage, responseSection } from '../fixture-pages.js';
import type { Document } from '../../model/schema.js';
import { baseChains, betaExtendsType, typeNamer } from '../type-relations.js';
import { copiedTemplate } from './example-path-fits-no-template.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';

/** entity X / collection of X / no body / unknown. */
export function responseShape(p: Document): string | undefined {
  const r = p.response;
  if (!r) return undefined;
  if (r.noBody) return 'no body';
  if (!r.bodyType) return undefined;
  return r.bodyType.collection ? `collection of ${r.bodyType.name}` : `${r.bodyType.name} object`;
}

export const rule: ModelRule = {
  id: 'response-shape-differs',
  input: 'model',
  severity: 'error',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'Pages of one operation describe different response bodies',
  description: 'One page returns an entity, another a collection, another no body at all, or a different type. Generated clients type the return value from one of them. Pages that document a derived type on the same path (subtypes in the model, or, across versions, a page named after its type that derives from the type another page is named after, or two such pages of derived types, or a create page whose example request names with `@odata.type` the type it creates and returns) are not compared; across versions, beta returning a type only beta has with every property of the type v1.0 returns (directorySetting for groupSetting) is a rename, not reported; a plural names its type; a page naming several types as the body ("a [user] or [group] object") agrees with a page naming any of them. A type named by a link is the type the link text names when the model has that type, else the linked resource page\'s type. When the bodies differ only as one entity against a collection of the same type, the message says a path template may be wrong instead (a get page listing a collection path, or the reverse); a page whose own examples call none of its templates is named as a likely copied template.',
  example: { before: 'page A: returns an updated user object in the response body\npage B: returns 204 No Content', after: 'both: no response body' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `200 OK` response code and an updated [widget](../resources/widget.md) object in the response body.')), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.')) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.')), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.')) },
  },
  check({ model }) {
    // A type named by a link: the link text when it is a type of the model, otherwise the linked resource page's type; a
    // plural names its type too (typeNamer).
    const namer = typeNamer(model);
    const modelType = namer.named;
    const resolved = (d: Document): string | undefined => namer.resolve(d.response!.bodyType!.name, d.file, d.response?.bodyType?.link);
    // Base chains (lower-case names, the type itself first), per version, falling back to the other version's type.
    const chain = baseChains(model);
    const extendsType = betaExtendsType(model);
    return model.operations.flatMap((g) => {
      const shapes: { type: string; collection: boolean; version: string }[] = [];
      // A page about a derived type on the same path, another page than the others (the model marks those of one version
      // as subtypes; across versions, one version's only page can be a derived type's): its type derives from another
      // page's, or both derive from a common base other than entity (two derived types' pages).
      const typed = g.variants.filter((v) => v.doc.response?.bodyType && !v.doc.response.noBody).map((v) => ({ v, type: (resolved(v.doc) ?? v.doc.response!.bodyType!.name).toLowerCase(), base: v.doc.file.slice(v.doc.file.lastIndexOf('/') + 1).toLowerCase() }));
      // Only pages about their own type — named after it, as the Intune pages are (intune-devices-windowsmanageddevice-create.md):
      // "List manager" (directoryObject), listing `GET /users/{id}/?$expand=manager`, is no page about a base of user.
      const about = (x: (typeof typed)[number]) => x.base.replace(/[^a-z0-9]/g, '').includes(x.type.replace(/[^a-z0-9]/g, ''));
      const derivedPage = new Set(typed.filter((a) => about(a) && typed.some((b) => {
        if (b.base === a.base || b.type === a.type || !about(b)) return false;
        const ca = chain(a.type, a.v.version), cb = chain(b.type, b.v.version);
        return ca.includes(b.type) || (!cb.includes(a.type) && ca.some((x) => x !== 'entity' && cb.includes(x)));
      })).map((a) => a.v));
      // A create page whose example request names the type it creates (`"@odata.type": "microsoft.graph.mailSearchFolder"`
      // posted to a mailFolder's childFolders) and returns it creates a derived type by design, even where no page of the tree
      // says what the type derives from (a partial tree; a type without a page): a POST sends @odata.type to ask for another
      // type. (An update's @odata.type only restates the object's type: a PATCH page is still compared — r255.)
      for (const a of typed) if (a.v.operation.method.toUpperCase() === 'POST' && a.v.documentedType?.from === 'request-body-odata-type' && a.v.documentedType.name.toLowerCase() === a.type && typed.some((b) => b.type !== a.type)) derivedPage.add(a.v);
      // A page naming several types as the body ("[identityProvider] or [openIdConnectProvider] object") agrees with a page
      // naming any one of them: it is taken as the one the other pages name, when one does.
      const named = new Set(typed.filter((x) => !x.v.doc.response!.bodyType!.alternatives?.length).map((x) => x.type));
      const typeOf = (d: Document): string | undefined => {
        const t = resolved(d);
        const alts = d.response!.bodyType!.alternatives ?? [];
        if (!alts.length) return t;
        const candidates = [t ?? d.response!.bodyType!.name, ...alts.map((a) => modelType(a) ?? a)];
        return candidates.find((c) => named.has(c.toLowerCase())) ?? t;
      };
      const found = compareField(this, g, 'response.body', (v) => {
        // A polymorphic variant (a page for a derived type on the same path) returns its own type by design.
        if (v.subtype || derivedPage.has(v)) return undefined;
        const s = responseShape(v.doc);
        if (!s) return undefined;
        const r = v.doc.response!;
        const type = !r.noBody && r.bodyType ? typeOf(v.doc) : undefined;
        shapes.push(r.noBody || !r.bodyType ? { type: '', collection: false, version: v.version } : { type: (type ?? r.bodyType.name).toLowerCase(), collection: r.bodyType.collection, version: v.version });
        const key = type ? (r.bodyType!.collection ? `collection of ${type}` : `${type} object`) : s;
        return { key: key.toLowerCase(), shown: type && type.toLowerCase() !== r.bodyType!.name.toLowerCase() ? `${s} (${type})` : s, src: r.src };
      }, (c, d) => `Response body differs (${versionsNote(c)}): ${d.join(' vs ')}`);
      // Across versions, beta returning its rename or extension of v1.0's type (directorySetting for groupSetting, of the same
      // shape) is a version difference.
      const typesIn = (version: string) => shapes.filter((x) => x.version === version).map((x) => x.type);
      if (found[0]?.context === 'cross-version' && new Set(shapes.map((x) => x.collection)).size === 1 && extendsType(typesIn('beta'), typesIn('v1.0'))) return [];
      for (const f of found) {
        const types = new Set(shapes.map((x) => x.type));
        if (types.size === 1 && !types.has('') && new Set(shapes.map((x) => x.collection)).size === 2) {
          f.message += ' — one entity on some pages, a collection on others: a request path is likely wrong (a get page listing the collection path, or a list page an item path), or a response';
        }
        const copied = g.variants.filter((v) => !v.subtype && copiedTemplate(v)).map((v) => v.doc.file);
        if (copied.length) f.message += `; the examples of ${copied.join(', ')} call none of its request paths: the template there may be copied from another page`;
      }
      return found;
    });
  },
};

