/**
 * API model → the metadata comparison's docs side, for one API version. The only module of the
 * metadata check that knows the model's shape. Reads the model, never changes it.
 *
 *  - types: those a resource page documents; their properties from the property and
 *    relationship tables (request-body tables are not the type's definition), the type chosen
 *    as the model's policy chooses it (`pickSource`);
 *  - operations: every operation of the version (canonical key for display, the model's
 *    identity — lower case, parameters `{}` — for resolving), at its primary variant;
 *  - permissions: every permission name of every variant of the version (the model has already
 *    narrowed per-resource tables to the variant's path), with its permission type.
 */
import type { ApiModel, MergedProperty } from '../../model/types.js';
import { pickSource } from '../../model/pick-source.js';
import type { DocsPermission, DocsSide, DocsType, DSrc } from './docs-side.js';
import { typeLookup, typePage } from '../../model/type-lookup.js';
import { linksOwnValues } from '../../model/primitives.js';
import { listsPropertyValues } from '../../model/merge.js';
import { bodyOnOtherStatus } from '../../model/status.js';

/** `rel` maps a source path (relative to the working directory) to the path findings show (relative to the docs root). */
export function docsFromModel(model: ApiModel, version: string, rel: (file: string) => string = (f) => f): DocsSide {
  const at = <T extends { file: string }>(s: T): T => ({ ...s, file: rel(s.file) });
  const types: DocsType[] = [];
  for (const t of model.types) {
    if (t.version !== version) continue;
    const res = typePage(t);
    if (!res) continue;
    const properties = [];
    const jsonOnly = Object.create(null) as Record<string, DSrc>; // keyed by page names: `constructor` is one like any other
    for (const p of t.properties) {
      const own: MergedProperty = { name: p.name, navigation: p.navigation, sources: p.sources.filter((s) => s.origin === 'resource' || s.origin === 'relationship') };
      const json = p.sources.find((s) => s.origin === 'json-representation');
      if (!own.sources.length && json) jsonOnly[p.name.toLowerCase()] = at(json.src);
      if (!own.sources.length) continue;
      const { chosen } = pickSource(own);
      // A type cell linking to the page's own values table (`[killChain](#killchain-values) collection`): the rules read it as
      // the String whose values it lists where the service declares no type of its name (label b431).
      const ownValues = linksOwnValues(chosen.type);
      properties.push({
        name: p.name, type: { name: chosen.type.name, primitive: chosen.type.primitive, collection: chosen.type.collection, ...(ownValues ? { ownValues } : {}) },
        nullable: chosen.nullable, navigation: p.navigation, src: at(chosen.src),
      });
    }
    const dt: DocsType = { namespace: t.namespace, name: t.name, properties, src: at(res.src) };
    if (Object.keys(jsonOnly).length) dt.jsonOnly = jsonOnly;
    if (t.baseType?.name.trim()) dt.baseType = { name: t.baseType.name, src: at(t.baseType.src) };
    // Only a sentence: the annotation's "openType": true mirrors the service's flag on pages whose undeclared rows are gaps
    // (v1.0 user.md, device.md: user.preferredDataLocation, device.model, labels v086, v121, real).
    const open = res.doc.resource?.openType;
    if (open?.from === 'wording') dt.openType = at(open.src);
    types.push(dt);
  }
  const enums = model.enums.filter((e) => e.version === version).map((e) => ({
    namespace: e.namespace, name: e.name, members: e.members.map((m) => ({ name: m.name, src: at(m.src) })), src: at(e.sources[0]!.src),
    ...(e.sources.every((s) => listsPropertyValues(s.doc, e.name)) ? { propertyValues: true as const } : {}),
  }));
  // A stated response type is the type of the resource page its link leads to ("[Range](../resources/range.md)" is workbookRange; "[shared](../resources/insights-shared.md)"
  // is sharedInsight, not driveItem's `shared` facet), else the type of its name.
  const lookup = typeLookup(model.types);
  const operations = [];
  const permissions: DocsPermission[] = [];
  const seen = new Set<string>();
  const exampleCalls: NonNullable<DocsSide['exampleCalls']> = [];
  const pages = new Set<string>();
  for (const g of model.operations) {
    const vs = g.variants.filter((v) => v.version === version);
    if (!vs.length) continue;
    const main = vs.find((v) => v.primary) ?? vs[0]!;
    const params = main.requestBody?.properties ?? [];
    const bt = main.response?.noBody && !bodyOnOtherStatus(main.response) ? undefined : main.response?.bodyType;
    const gets = g.method === 'GET' ? [...new Set(main.doc.examples.requests.filter((r) => r.method === 'GET').map((r) => withoutQuery(r.path)))] : [];
    operations.push({
      key: g.key, method: g.method, path: g.identity.slice(g.identity.indexOf(' ') + 1), src: at(main.src),
      ...(gets.length ? { exampleGets: gets } : {}),
      ...(params.length ? { bodyParameters: params.map((p) => ({ name: p.name, src: at(p.src) })) } : {}),
      ...(bt ? { response: { name: (bt.link ? lookup.linked(version, main.doc.file, bt.link) : undefined)?.name ?? lookup.byName(version, bt.name)?.name ?? bt.name, collection: bt.collection, src: at(bt.src) } } : {}),
    });
    for (const v of vs) {
      if (!pages.has(v.doc.file)) {
        pages.add(v.doc.file);
        for (const r of v.doc.examples.requests) if ((r.version ?? version) === version) exampleCalls.push({ method: r.method.toUpperCase(), path: withoutQuery(r.path), src: at(r.src) });
      }
      for (const e of v.permissions?.entries ?? []) {
        for (const n of [...e.permissions, ...e.workloads.flatMap((w) => w.permissions)]) {
          const k = `${n.name}|${e.type}|${n.src.file}|${n.src.line}|${n.src.column}`;
          if (seen.has(k)) continue;
          seen.add(k);
          permissions.push({ name: n.name, type: e.type, src: at(n.src) });
        }
      }
    }
  }
  return { version, types, enums, operations, permissions, exampleCalls };
}

/** An example request's path without its query (`/users?$top=5` → `/users`). */
function withoutQuery(path: string): string {
  return path.replace(/\?[\s\S]*$/, '');
}
