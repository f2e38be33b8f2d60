import { prop, type } from '../fixtures.js';
import { WORKBOOK_FUNCTIONS, type MetadataContext, type MetadataRule } from '../types.js';

/** The type every entity type derives from: a navigation property typed with it means "any entity", not each of them. */
const ANY_ENTITY = 'microsoft.graph.entity';

/**
 * Every type the CSDL refers to (qualified, lower-case): as the type of a property, a navigation property, an entity set
 * or singleton, an action's or function's binding, parameter or return type ("as a value"), or as a base type. A type
 * derived from one referred to as a value counts as referred to (a value may be of any type derived from its declared
 * one: the 2020-05 v1.0 eventMessageRequest through message's eventMessage), except through the universal base
 * microsoft.graph.entity. A type referred to by none of these is reached by no API, so no page could document it.
 */
function referencedTypes(ctx: MetadataContext): { all: Set<string>; outsideWorkbook: Set<string> } {
  const { csdl } = ctx;
  // Two tallies in one pass: every reference, and those not from an Excel worksheet function (bound to workbookFunctions).
  const tally = () => ({ asValue: new Set<string>(), out: new Set<string>() });
  const all = tally();
  const rest = tally();
  const value = (q: string | undefined, workbook = false) => {
    if (!q) return;
    for (const x of workbook ? [all] : [all, rest]) { x.asValue.add(q.toLowerCase()); x.out.add(q.toLowerCase()); }
  };
  for (const t of csdl.types) {
    if (t.baseType) { all.out.add(t.baseType.toLowerCase()); rest.out.add(t.baseType.toLowerCase()); }
    for (const p of [...t.properties, ...t.navigation]) value(p.type.name);
  }
  for (const o of csdl.operations) {
    const workbook = o.boundTo?.name === WORKBOOK_FUNCTIONS;
    value(o.boundTo?.name, workbook);
    value(o.returns?.name, workbook);
    for (const p of o.parameters ?? []) value(p.type.name, workbook);
  }
  for (const c of csdl.container) value(c.type);
  const qname = (t: { namespace: string; name: string }) => `${t.namespace}.${t.name}`.toLowerCase();
  // Its base types up to (not through) the universal one, as the context walks them.
  for (const t of csdl.types) {
    for (const a of ctx.ancestors(t).slice(1)) {
      if (qname(a) === ANY_ENTITY) break;
      for (const x of [all, rest]) if (x.asValue.has(qname(a))) x.out.add(qname(t));
    }
  }
  return { all: all.out, outsideWorkbook: rest.out };
}

export const rule: MetadataRule = {
  id: 'metadata-type-undocumented',
  severity: 'info',
  summary: 'A type the service declares has no resource page (or enum table) in the docs',
  description: 'Every entity, complex and enum type of the CSDL is looked up among the documented types by name (case-insensitive). A missing one is a gap in the docs, or a type the docs name differently (then metadata-type-missing fires on the docs side too). A type the CSDL refers to nowhere — no property, navigation property, base type, entity set, singleton, binding, parameter or return type has it (the 2020-05 beta file\'s flexSchemaContainer, fido2KeyRestrictions) — is reached by no API: it is counted under policy `unreferenced-type`, not reported (4 of 4 such findings of a labelled sample were judged false for that reason). A type derived from one referred to as a value is referred to (a value may be of any derived type: v1.0 eventMessageRequest through eventMessage, beta addHeader through markContent), except through the universal base microsoft.graph.entity (a navigation property typed entity means any entity). A type only the Excel worksheet functions use (their result type, workbookFunctionResult) is counted under policy `workbook-functions`: the workbook page documents it with them.',
  example: {
    before: { docs: { types: [] }, csdl: '<ComplexType Name="identity"><Property Name="displayName" Type="Edm.String" /></ComplexType><Action Name="invite"><Parameter Name="by" Type="graph.identity" /></Action>' },
    after: { docs: { types: [type('identity', [prop('displayName', 'String')])] }, csdl: '<ComplexType Name="identity"><Property Name="displayName" Type="Edm.String" /></ComplexType><Action Name="invite"><Parameter Name="by" Type="graph.identity" /></Action>' },
  },
  check(ctx) {
    const docNames = new Set([...ctx.docs.types.map((t) => t.name.toLowerCase()), ...ctx.docs.enums.map((e) => e.name.toLowerCase())]);
    // Types only the Excel worksheet functions use (their result, workbookFunctionResult): documented with them, on the workbook page.
    const { all: used, outsideWorkbook } = referencedTypes(ctx);
    const unused = (namespace: string, name: string) => {
      const q = `${namespace}.${name}`.toLowerCase();
      return !used.has(q) ? { policy: 'unreferenced-type' } : !outsideWorkbook.has(q) ? { policy: 'workbook-functions' } : {};
    };
    const out = [];
    for (const t of ctx.csdl.types) {
      if (docNames.has(t.name.toLowerCase())) continue;
      const workbook = `${t.namespace}.${t.name}` === WORKBOOK_FUNCTIONS ? { policy: 'workbook-functions' } : {};
      out.push({ rule: this.id, ...unused(t.namespace, t.name), ...workbook, subject: t.name, field: 'type', message: `${t.kind === 'entity' ? 'Entity' : 'Complex'} type ${t.namespace}.${t.name} is in the service metadata but no page documents it`, metadata: { file: ctx.csdl.file, element: `${t.kind === 'entity' ? 'EntityType' : 'ComplexType'} ${t.namespace}.${t.name}`, line: t.line, value: t.name } });
    }
    for (const e of ctx.csdl.enums) {
      if (docNames.has(e.name.toLowerCase())) continue;
      out.push({ rule: this.id, ...unused(e.namespace, e.name), subject: e.name, field: 'enum', message: `Enum type ${e.namespace}.${e.name} is in the service metadata but no page documents it`, metadata: { file: ctx.csdl.file, element: `EnumType ${e.namespace}.${e.name}`, line: e.line, value: e.name } });
    }
    return out;
  },
};
