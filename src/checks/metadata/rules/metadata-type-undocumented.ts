import { prop, type } from '../fixtures.js';
import { misnamedTypes, WORKBOOK_FUNCTIONS, type MetadataContext, type MetadataRule } from '../types.js';

/** The type every entity type derives from: a navigation property typed with it means "any entity", not each of them. */
const ANY_ENTITY = 'microsoft.graph.entity';

/**
 * Every type an API reaches (qualified, lower-case): from the entity sets and singletons, and the parameters and return
 * types of the actions and functions (not their bindings: a call bound to a type nothing else reaches has no URL), and from the types the docs document, through the types of the properties and navigation properties of every type
 * reached, its base types (their members are part of its payload), and the types derived from it (a value may be of any
 * type derived from its declared one: the 2020-05 v1.0 eventMessageRequest through message's eventMessage) — except
 * through the universal base microsoft.graph.entity (a navigation property typed entity means any entity, not each). A type
 * only an unreached type's property uses is reached by no API either (beta coManagementEligibleType, used only by
 * comanagementEligibleDeviceEntity, which nothing refers to; label b761), so no page could document it. `outsideWorkbook`:
 * the same, not counting the Excel worksheet functions (bound to workbookFunctions) as a way in.
 */
function referencedTypes(ctx: MetadataContext): { all: Map<string, 'value' | 'base'>; outsideWorkbook: Map<string, 'value' | 'base'> } {
  const { csdl } = ctx;
  const q = (x: string) => x.toLowerCase();
  const byQ = new Map(csdl.types.map((t) => [q(`${t.namespace}.${t.name}`), t] as const));
  const derived = new Map<string, string[]>();
  for (const t of csdl.types) if (t.baseType) derived.set(q(t.baseType), [...derived.get(q(t.baseType)) ?? [], q(`${t.namespace}.${t.name}`)]);
  const closure = (roots: (string | undefined)[]): Map<string, 'value' | 'base'> => {
    // Reached as a value (its derived types may stand for it) or only as a base type (its members are a derived type's:
    // exactMatchJobBase, the base of a reached exactMatchSession, does not make its other derived type exactMatchLookupJob a value).
    const seen = new Map<string, 'value' | 'base'>();
    const todo: [string, 'value' | 'base'][] = [];
    const reach = (x: string | undefined, as: 'value' | 'base') => {
      if (!x) return;
      const k = q(x);
      const was = seen.get(k);
      if (was === 'value' || was === as) return;
      seen.set(k, as);
      todo.push([k, as]);
    };
    for (const r of roots) reach(r, 'value');
    while (todo.length) {
      const [x, as] = todo.pop()!;
      const t = byQ.get(x);
      if (!t) continue; // an enum, a primitive, or a type of a namespace the file lacks
      if (t.baseType) reach(t.baseType, 'base');
      for (const p of [...t.properties, ...t.navigation]) reach(p.type.name, 'value');
      if (as === 'value' && x !== ANY_ENTITY) for (const d of derived.get(x) ?? []) reach(d, 'value');
    }
    return seen;
  };
  // A type the docs document is a way in too: its page says the service sends it (commsNotifications, the payload of a
  // call's callback, which no operation returns: its commsNotification's changeType enum is a gap, label v168).
  const documented = new Set(ctx.docs.types.map((t) => t.name.toLowerCase()));
  const roots = (workbook: boolean) => [
    ...csdl.container.map((c) => c.type),
    ...csdl.types.filter((t) => documented.has(t.name.toLowerCase())).map((t) => `${t.namespace}.${t.name}`),
    // Not the binding: an action bound to a type no URL reaches is itself reached by none (beta's hasPayloadLinks, bound to
    // Collection(macManagedAppProtection), an entity type no set, singleton or navigation property holds; label b1226).
    ...csdl.operations.filter((o) => workbook || o.boundTo?.name !== WORKBOOK_FUNCTIONS).flatMap((o) => [o.returns?.name, ...(o.parameters ?? []).map((p) => p.type.name)]),
  ];
  return { all: closure(roots(true)), outsideWorkbook: closure(roots(false)) };
}

export const rule: MetadataRule = {
  id: 'metadata-type-undocumented',
  severity: 'info',
  summary: 'A type the service declares has no resource page (or enum table) in the docs',
  description: 'Every entity, complex and enum type of the CSDL is looked up among the documented types by name (case-insensitive). A missing one is a gap in the docs, or a type the docs name differently (then metadata-type-missing fires on the docs side too). A type no API reaches — not an entity set\'s or singleton\'s, nor an action\'s or function\'s parameter or return type (a binding alone reaches nothing: an action bound to a type no URL reaches has no URL either — beta\'s hasPayloadLinks on macManagedAppProtection), nor the type of a property, navigation property or base type of a type reached or documented (a documented payload such as commsNotifications, which the service sends to a callback) (the 2020-05 beta file\'s flexSchemaContainer, fido2KeyRestrictions; coManagementEligibleType, used only by an entity type nothing refers to) — is counted under policy `unreferenced-type`, not reported (the six such findings the labelled samples hold were each judged false for that reason). A type derived from one reached is reached (a value may be of any derived type: v1.0 eventMessageRequest through eventMessage, beta addHeader through markContent), except through the universal base microsoft.graph.entity (a navigation property typed entity means any entity). A type reached only as the base type of reached types that declares no member of its own (beta educationSynchronizationCustomizationsBase) is counted under policy `empty-base-type`: the derived types\' pages document all a payload holds. A type only the Excel worksheet functions use (their result type, workbookFunctionResult) is counted under policy `workbook-functions`: the workbook page documents it with them. A type a page documents under another name — its plural (countriesRegions for countryRegion), without a prefix (formatProtection for workbookFormatProtection) or with one (deviceHealthScriptRunSchedule for runSchedule) — is counted under policy `documented-misnamed`: metadata-type-missing reports it on the page.',
  example: {
    before: { docs: { types: [] }, csdl: '<ComplexType Name="identity"><Property Name="displayName" Type="Edm.String" /></ComplexType><Action Name="invite"><Parameter Name="by" Type="graph.identity" /></Action>' },
    after: { docs: { types: [type('identity', [prop('displayName', 'String')])] }, csdl: '<ComplexType Name="identity"><Property Name="displayName" Type="Edm.String" /></ComplexType><Action Name="invite"><Parameter Name="by" Type="graph.identity" /></Action>' },
  },
  check(ctx) {
    const docNames = new Set([...ctx.docs.types.map((t) => t.name.toLowerCase()), ...ctx.docs.enums.map((e) => e.name.toLowerCase())]);
    // Types only the Excel worksheet functions use (their result, workbookFunctionResult): documented with them, on the workbook page.
    const { all: used, outsideWorkbook } = referencedTypes(ctx);
    const unused = (namespace: string, name: string, empty = false) => {
      const q = `${namespace}.${name}`.toLowerCase();
      // Reached only as the base type of reached types, and declaring no member: no payload holds anything of its own, the
      // derived types' pages document all there is (beta educationSynchronizationCustomizationsBase; label b1302).
      return !used.has(q) ? { policy: 'unreferenced-type' } : !outsideWorkbook.has(q) ? { policy: 'workbook-functions' } : empty && used.get(q) === 'base' ? { policy: 'empty-base-type' } : {};
    };
    const out = [];
    // A type a page documents under another name (countriesRegions, formatProtection): metadata-type-missing reports it there, naming this one.
    const misnamed = misnamedTypes(ctx).byCsdl;
    for (const t of ctx.csdl.types) {
      if (docNames.has(t.name.toLowerCase())) continue;
      const workbook = misnamed.has(t) ? { policy: 'documented-misnamed' } : `${t.namespace}.${t.name}` === WORKBOOK_FUNCTIONS ? { policy: 'workbook-functions' } : {};
      out.push({ rule: this.id, ...unused(t.namespace, t.name, !t.properties.length && !t.navigation.length), ...workbook, subject: t.name, field: 'type', message: `${t.kind === 'entity' ? 'Entity' : 'Complex'} type ${t.namespace}.${t.name} is in the service metadata but no page documents it`, metadata: { file: ctx.csdl.file, element: `${t.kind === 'entity' ? 'EntityType' : 'ComplexType'} ${t.namespace}.${t.name}`, line: t.line, value: t.name } });
    }
    for (const e of ctx.csdl.enums) {
      if (docNames.has(e.name.toLowerCase())) continue;
      out.push({ rule: this.id, ...unused(e.namespace, e.name), subject: e.name, field: 'enum', message: `Enum type ${e.namespace}.${e.name} is in the service metadata but no page documents it`, metadata: { file: ctx.csdl.file, element: `EnumType ${e.namespace}.${e.name}`, line: e.line, value: e.name } });
    }
    return out;
  },
};
