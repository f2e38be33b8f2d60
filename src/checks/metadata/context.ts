/** Builds the indexes the metadata rules read. */
import type { Csdl, CsdlEnum, CsdlOperation, CsdlStructuredType } from './service-side.js';
import type { ScopeCatalogue } from './service-side.js';
import type { DocsSide, DocsType } from './docs-side.js';
import { localName, type MetadataContext } from './types.js';

export function metadataContext(docs: DocsSide, csdl: Csdl, scopes?: ScopeCatalogue): MetadataContext {
  const byQ = new Map<string, CsdlStructuredType>();
  const byLocal = new Map<string, CsdlStructuredType[]>();
  for (const t of csdl.types) {
    byQ.set(`${t.namespace}.${t.name}`.toLowerCase(), t);
    const l = byLocal.get(t.name.toLowerCase()) ?? [];
    l.push(t);
    byLocal.set(t.name.toLowerCase(), l);
  }
  const enumQ = new Map<string, CsdlEnum>();
  const enumLocal = new Map<string, CsdlEnum>();
  for (const e of csdl.enums) {
    enumQ.set(`${e.namespace}.${e.name}`.toLowerCase(), e);
    if (!enumLocal.has(e.name.toLowerCase())) enumLocal.set(e.name.toLowerCase(), e);
  }
  const ops = new Map<string, CsdlOperation[]>();
  for (const o of csdl.operations) {
    const l = ops.get(o.name.toLowerCase()) ?? [];
    l.push(o);
    ops.set(o.name.toLowerCase(), l);
  }
  // A namespace below one the file declares that the file itself does not (`microsoft.graph.callRecords`, which the
  // 2020-05 beta CSDL refers to but does not contain): its types are not in this file, and a type of the same local
  // name in the parent namespace (microsoft.graph.mediaStream for callRecords.mediaStream) is another type.
  const declared = new Set([...csdl.types, ...csdl.enums].map((t) => t.namespace.toLowerCase()));
  const absent = (ns: string) => {
    const n = ns.toLowerCase();
    return n !== '' && !declared.has(n) && [...declared].some((d) => n.startsWith(d + '.'));
  };
  const docsByName = new Map<string, DocsType>();
  for (const t of docs.types) if (!docsByName.has(t.name.toLowerCase())) docsByName.set(t.name.toLowerCase(), t);
  const ancestors = (t: CsdlStructuredType): CsdlStructuredType[] => {
    const out = [t];
    let cur = t;
    while (cur.baseType) {
      const b = byQ.get(cur.baseType.toLowerCase());
      if (!b || out.includes(b)) break;
      out.push(b);
      cur = b;
    }
    return out;
  };
  const docsAncestors = (t: DocsType): DocsType[] => {
    const out = [t];
    let cur = t;
    while (cur.baseType) {
      const b = docsByName.get(localName(cur.baseType.name).toLowerCase());
      if (!b || out.includes(b)) break;
      out.push(b);
      cur = b;
    }
    return out;
  };
  return {
    docs, csdl, scopes,
    csdlType: (ns, name) => byQ.get(`${ns}.${name}`.toLowerCase()) ?? (absent(ns) ? undefined : byLocal.get(localName(name).toLowerCase())?.[0]),
    csdlEnum: (ns, name) => enumQ.get(`${ns}.${name}`.toLowerCase()) ?? (absent(ns) ? undefined : enumLocal.get(localName(name).toLowerCase())),
    namespaceAbsent: absent,
    typeByQName: (q) => byQ.get(q.toLowerCase()),
    ancestors,
    member(t, name) {
      const n = name.toLowerCase();
      for (const a of ancestors(t)) {
        const property = a.properties.find((p) => p.name.toLowerCase() === n);
        if (property) return { property, declaredOn: a };
        const navigation = a.navigation.find((p) => p.name.toLowerCase() === n);
        if (navigation) return { navigation, declaredOn: a };
      }
      return undefined;
    },
    operationsNamed: (name) => ops.get(name.toLowerCase()) ?? [],
    docsType: (name) => docsByName.get(localName(name).toLowerCase()),
    docsAncestors,
    docsMemberNames: (t) => new Set(docsAncestors(t).flatMap((a) => a.properties.map((p) => p.name.toLowerCase()))),
  };
}
