/**
 * OData CSDL (EDMX 4.0) → the service's own description of its API, in a small shape with the
 * line of every element. Parsed with fast-xml-parser; `captureMetaData` gives each element's
 * start offset, turned into a 1-based line. Aliases (`graph.user`) are resolved to namespaces
 * (`microsoft.graph.user`). Only what the comparison needs is kept.
 */
import { createRequire } from 'node:module';
import type * as Fxp from 'fast-xml-parser';

/**
 * fast-xml-parser, loaded on first use (its one-file CommonJS build): only a comparison with the
 * service's metadata parses XML, and its ES modules (38 files, with entity tables built as they
 * load) cost every command's start-up ~50 ms otherwise.
 */
let fxp: typeof Fxp | undefined;
const xmlParser = (): typeof Fxp.XMLParser => (fxp ??= createRequire(import.meta.url)('fast-xml-parser') as typeof Fxp).XMLParser;

import type { Csdl, CsdlStructuredType, CsdlOperation, CsdlTypeRef } from '../../checks/metadata/service-side.js';
export type { Csdl, CsdlEnum, CsdlNavigation, CsdlOperation, CsdlProperty, CsdlStructuredType, CsdlTypeRef, CsdlContainerElement } from '../../checks/metadata/service-side.js';

type Node = Record<string, unknown>;

const ARRAY_TAGS = new Set(['Schema', 'EntityType', 'ComplexType', 'EnumType', 'Member', 'Property', 'NavigationProperty', 'Action', 'Function', 'Parameter', 'ReturnType', 'EntitySet', 'Singleton', 'EntityContainer', 'Record', 'PropertyValue', 'Annotations', 'Annotation', 'Collection']);

/** Offsets → 1-based lines. */
export function lineIndex(text: string): (offset: number | undefined) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    if (offset === undefined) return 1;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
}

export function parseXmlWithLines(xml: string): { root: Node; line: (n: Node) => number } {
  const XMLParser = xmlParser();
  const parser = new XMLParser({
    ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, captureMetaData: true,
    parseAttributeValue: false, parseTagValue: false, isArray: (name, _jpath, _leaf, isAttribute) => !isAttribute && ARRAY_TAGS.has(name),
  });
  const root = parser.parse(xml) as Node;
  const sym = XMLParser.getMetaDataSymbol() as unknown as symbol;
  const toLine = lineIndex(xml);
  return { root, line: (n) => toLine((n[sym as unknown as string] as { startIndex?: number } | undefined)?.startIndex) };
}

const arr = (v: unknown): Node[] => (Array.isArray(v) ? v as Node[] : v ? [v as Node] : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function parseCsdl(xml: string, file: string): Csdl {
  const { root, line } = parseXmlWithLines(xml);
  const edmx = root.Edmx as Node | undefined;
  const schemas = arr((edmx?.DataServices as Node | undefined)?.Schema);
  if (!schemas.length) throw new Error(`${file}: no <Schema> under <edmx:Edmx><edmx:DataServices> (not an OData CSDL document)`);
  const aliases = new Map<string, string>();
  for (const s of schemas) { const ns = str(s.Namespace); const al = str(s.Alias); if (ns && al) aliases.set(al, ns); }
  const qualify = (q: string): string => {
    const dot = q.lastIndexOf('.');
    if (dot < 0) return q;
    const prefix = q.slice(0, dot);
    return (aliases.get(prefix) ?? prefix) + q.slice(dot);
  };
  const typeRef = (raw: string): CsdlTypeRef => {
    const m = /^Collection\((.*)\)$/.exec(raw.trim());
    return { name: qualify(m ? m[1]! : raw.trim()), collection: !!m };
  };
  const out: Csdl = { file, types: [], enums: [], operations: [], container: [] };
  for (const s of schemas) {
    const ns = str(s.Namespace) ?? '';
    for (const [tag, kind] of [['EntityType', 'entity'], ['ComplexType', 'complex']] as const) {
      for (const t of arr(s[tag])) {
        const ct: CsdlStructuredType = {
          kind, namespace: ns, name: str(t.Name) ?? '', abstract: t.Abstract === 'true',
          properties: arr(t.Property).map((p) => ({ name: str(p.Name) ?? '', type: typeRef(str(p.Type) ?? ''), nullable: p.Nullable !== 'false', line: line(p) })),
          navigation: arr(t.NavigationProperty).map((p) => ({ name: str(p.Name) ?? '', type: typeRef(str(p.Type) ?? ''), containsTarget: p.ContainsTarget === 'true', line: line(p) })),
          line: line(t),
        };
        if (str(t.BaseType)) ct.baseType = qualify(str(t.BaseType)!);
        if (t.OpenType === 'true') ct.open = true;
        out.types.push(ct);
      }
    }
    for (const e of arr(s.EnumType)) {
      out.enums.push({ namespace: ns, name: str(e.Name) ?? '', members: arr(e.Member).map((m) => ({ name: str(m.Name) ?? '', line: line(m) })), line: line(e) });
    }
    for (const [tag, kind] of [['Action', 'action'], ['Function', 'function']] as const) {
      for (const a of arr(s[tag])) {
        const op: CsdlOperation = { kind, namespace: ns, name: str(a.Name) ?? '', line: line(a) };
        const bp = arr(a.Parameter)[0];
        if (a.IsBound === 'true' && bp && str(bp.Type)) op.boundTo = typeRef(str(bp.Type)!);
        const rt = arr(a.ReturnType)[0];
        if (rt && str(rt.Type)) op.returns = typeRef(str(rt.Type)!);
        op.parameters = arr(a.Parameter).slice(op.boundTo ? 1 : 0).map((p) => ({ name: str(p.Name) ?? '', type: typeRef(str(p.Type) ?? ''), line: line(p) }));
        out.operations.push(op);
      }
    }
    for (const c of arr(s.EntityContainer)) {
      out.containerLine ??= line(c);
      for (const e of arr(c.EntitySet)) out.container.push({ kind: 'entity-set', name: str(e.Name) ?? '', type: qualify(str(e.EntityType) ?? ''), line: line(e) });
      for (const e of arr(c.Singleton)) out.container.push({ kind: 'singleton', name: str(e.Name) ?? '', type: qualify(str(e.Type) ?? ''), line: line(e) });
    }
  }
  return out;
}
