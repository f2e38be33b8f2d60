import { csdlTypeText, typeKey, type MetadataRule } from '../types.js';
import { at, op } from '../fixtures.js';
import { relatedTypeNames, typedCalls } from '../calls.js';
import type { DocsOperation } from '../docs-side.js';
import type { CsdlTypeRef } from '../service-side.js';

const CSDL = '<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType><EntityType Name="user" BaseType="graph.entity" /><EntityType Name="group" BaseType="graph.entity" /><Function Name="delta" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(graph.user)" /><ReturnType Type="Collection(graph.user)" /></Function><EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /></EntityContainer>';
const call = (name: string, collection: boolean): DocsOperation => ({ ...op('GET /users/delta()'), response: { name, collection, src: at('api/x.md', 50) } });

export const rule: MetadataRule = {
  id: 'metadata-operation-return-differs',
  severity: 'warning',
  summary: 'The response type a page states for an action or function call is not what the service declares it returns',
  description: 'For each documented call whose path resolves to an action or function of the metadata, the response body type the page\'s Response section states ("a collection of [user] objects") is compared with the operation\'s ReturnType: the same type by local name, ignoring letter case (a type derived from the declared one, or its base type, is not reported: the service may return a derived type, and pages often name the base), and a collection where the service returns one. An operation the service declares without a return type, while the page states a body type, is reported too. A function with overloads bound to the same type (getEffectivePermissions() and getEffectivePermissions(scope)) agrees when any overload returns the stated type. A page that documents several paths of one operation is reported once.',
  example: {
    before: { docs: { operations: [call('group', true)] }, csdl: CSDL },
    after: { docs: { operations: [call('user', true)] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    const related = (a: string, b: string) => relatedTypeNames(ctx, a, b);
    for (const { o, ops } of typedCalls(ctx)) {
      // Any overload that returns the stated type agrees (the page may document one overload's call).
      const agrees = (r: CsdlTypeRef | undefined) => !!r && (typeKey(o.response.name) === typeKey(r.name) || related(typeKey(o.response.name), typeKey(r.name))) && o.response.collection === r.collection;
      if (ops.some((x) => agrees(x.returns))) continue;
      const a = ops[0]!;
      const docs = `${o.response.collection ? 'a collection of ' : ''}${o.response.name}`;
      const what = (r: CsdlTypeRef | undefined) => (r ? csdlTypeText(r) : 'no return type');
      const returns = [...new Set(ops.map((x) => what(x.returns)))].join(' or ');
      out.push({
        rule: this.id, subject: o.key, field: 'response.type', args: [typeKey(o.response.name), o.response.collection ? 'collection' : 'single'],
        message: `${o.key}: the Response section states ${docs}, but ${a.namespace}.${a.name} returns ${returns}`,
        docs: { ...o.response.src, value: docs }, metadata: { file: ctx.csdl.file, element: `${a.kind === 'action' ? 'Action' : 'Function'} ${a.namespace}.${a.name}`, line: a.line, value: returns },
      });
    }
    return out;
  },
};
