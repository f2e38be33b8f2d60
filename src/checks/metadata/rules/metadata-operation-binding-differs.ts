import { csdlTypeText, type MetadataRule } from '../types.js';
import { op } from '../fixtures.js';
import { walkPath } from '../path-walk.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType><Function Name="delta" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(graph.user)" /><ReturnType Type="Collection(graph.user)" /></Function><EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /></EntityContainer>';

export const rule: MetadataRule = {
  id: 'metadata-operation-binding-differs',
  severity: 'warning',
  summary: 'An action or function of that name exists, but not bound to the type (or collection) the path reaches',
  description: 'When a path segment names an action or function of the metadata, one of them must be bound to the type the path has reached (or a base type), as a single value or a collection as the path is. Otherwise the docs call it on the wrong resource, or the service binds it elsewhere (the finding lists where).',
  example: {
    before: { docs: { operations: [op('GET /users/{}/delta()')] }, csdl: CSDL },
    after: { docs: { operations: [op('GET /users/delta()')] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const o of ctx.docs.operations) {
      const p = walkPath(ctx, o.path);
      if (p?.kind !== 'binding') continue;
      const first = p.candidates[0]!;
      const where = [...new Set(p.candidates.map((c) => (c.boundTo ? csdlTypeText(c.boundTo) : 'unbound')))].sort();
      out.push({ rule: this.id, subject: o.key, field: 'path', args: [p.segment], message: `${o.key}: ${p.segment} is called on ${p.collection ? `Collection(${p.on.name})` : p.on.name} but the service binds ${first.name} to ${where.slice(0, 5).join(', ')}${where.length > 5 ? ` and ${where.length - 5} more` : ''}`, docs: { ...o.src, value: o.path }, metadata: { file: ctx.csdl.file, element: `${first.kind === 'action' ? 'Action' : 'Function'} ${first.namespace}.${first.name}`, line: first.line, value: where.join(', ') } });
    }
    return out;
  },
};
