import { csdlTypeText, type MetadataRule } from '../types.js';
import type { CsdlOperation } from '../service-side.js';
import { op } from '../fixtures.js';
import { walkPath } from '../path-walk.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType><Function Name="delta" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(graph.user)" /><ReturnType Type="Collection(graph.user)" /></Function><EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /></EntityContainer>';

export const rule: MetadataRule = {
  id: 'metadata-operation-binding-differs',
  severity: 'warning',
  summary: 'An action or function of that name exists, but not bound to the type (or collection) the path reaches',
  description: 'When a path segment names an action or function of the metadata, one of them must be bound to the type the path has reached (or a base type), as a single value or a collection as the path is. Otherwise the docs call it on the wrong resource, or the service binds it elsewhere (the finding lists where); when it is bound to types derived from the one reached, the path needs a cast, and the finding says so and names those first.',
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
      // Bound to types derived from the one the path reached (as single value or collection as the path is): the path
      // needs a cast, and those come first (managedAppPolicies/{id}/assign: targetedManagedAppProtection, …).
      const derivedFromOn = (c: CsdlOperation) => {
        const t = c.boundTo && c.boundTo.collection === p.collection ? ctx.typeByQName(c.boundTo.name) : undefined;
        return !!t && t !== p.on && ctx.ancestors(t).includes(p.on);
      };
      const derived = [...new Set(p.candidates.filter(derivedFromOn).map((c) => csdlTypeText(c.boundTo!)))].sort();
      const others = where.filter((w) => !derived.includes(w));
      // Bound to the reached type itself, but as a collection where the path addresses one item (or the reverse):
      // educationClass delta on /education/me/classes/{id}/delta (label b650) — the key is what to mend.
      const otherCardinality = p.candidates.find((c) => c.boundTo && c.boundTo.collection !== p.collection && ctx.typeByQName(c.boundTo.name) === p.on);
      // Said only where the path shows it: one item addressed by a key right before the call (not a singleton's /reports).
      const segments = o.path.split('/');
      const keyed = /^\{[^{}]*\}$/.test(segments[segments.length - 2] ?? '');
      const cardinalityHint = otherCardinality && (p.collection || keyed) ? `: ${p.collection ? 'the path needs the key of one item' : 'the path should address the collection, not one item'}` : '';
      const list = (l: string[]) => `${l.slice(0, 5).join(', ')}${l.length > 5 ? ` and ${l.length - 5} more` : ''}`;
      const on = p.collection ? `Collection(${p.on.name})` : p.on.name;
      // The metadata side is the binding the message names first: a derived type's, the reached type's other cardinality, or the first.
      const shown = (derived.length ? p.candidates.find(derivedFromOn) : otherCardinality) ?? first;
      const message = derived.length
        ? `${o.key}: ${p.segment} is called on ${on} but the service binds ${first.name} to types derived from it (${list(derived)}): the path needs a cast to the one the resource is${others.length ? `; it is also bound to ${list(others)}` : ''}`
        : otherCardinality
          ? `${o.key}: ${p.segment} is called on ${on} but the service binds ${first.name} to ${csdlTypeText(otherCardinality.boundTo!)}${cardinalityHint}${where.length > 1 ? `; it is also bound to ${list(where.filter((w) => w !== csdlTypeText(otherCardinality.boundTo!)))}` : ''}`
          : `${o.key}: ${p.segment} is called on ${on} but the service binds ${first.name} to ${list(where)}`;
      out.push({ rule: this.id, subject: o.key, field: 'path', args: [p.segment], message, docs: { ...o.src, value: o.path }, metadata: { file: ctx.csdl.file, element: `${shown.kind === 'action' ? 'Action' : 'Function'} ${shown.namespace}.${shown.name}`, line: shown.line, value: where.join(', ') } });
    }
    return out;
  },
};
