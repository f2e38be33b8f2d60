import type { CsdlStructuredType } from '../service-side.js';
import { element, type MetadataRule } from '../types.js';
import { op } from '../fixtures.js';
import { walkPath } from '../path-walk.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><NavigationProperty Name="manager" Type="graph.user" /></EntityType><Action Name="sendMail" IsBound="true"><Parameter Name="bindingParameter" Type="graph.user" /></Action><EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /></EntityContainer>';

/** What cast the path needs: the one derived type that declares the segment, or which of several (up to six named). */
function castAdvice(derived: CsdlStructuredType[]): string {
  const [d] = derived;
  if (derived.length === 1) return `the derived type ${d!.name} declares it, so the path needs the cast /${d!.namespace}.${d!.name}/ before it`;
  const names = derived.slice(0, 6).map((t) => t.name).join(', ');
  return `${derived.length} types derived from it declare it (${names}${derived.length > 6 ? ', …' : ''}), so the path needs a cast to the one the resource is (/${d!.namespace}.<type>/) before it`;
}

export const rule: MetadataRule = {
  id: 'metadata-operation-missing',
  severity: 'warning',
  summary: 'A path segment is neither a navigation property nor an action or function the service declares',
  description: 'The documented path is resolved against the CSDL segment by segment (entity set, key, navigation or structural property, cast, bound action or function). A segment that is not a property of the current type and not the name of any action or function in the metadata is reported, at the first such segment. When types derived from the current one declare it, the message says so: the OData path needs a cast segment (`/mobileApps/{id}/microsoft.graph.mobileLobApp/contentVersions`); when several do (contentVersions is declared by mobileLobApp and by managedMobileLobApp, rootCertificate by eight certificate profiles), it names them all (up to six) rather than one — which one is for the page\'s resource to say.',
  example: {
    before: { docs: { operations: [op('POST /users/{}/sendMessage')] }, csdl: CSDL },
    after: { docs: { operations: [op('POST /users/{}/sendMail'), op('GET /users/{}/manager')] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const o of ctx.docs.operations) {
      const p = walkPath(ctx, o.path);
      if (p?.kind !== 'operation-missing') continue;
      out.push({ rule: this.id, subject: o.key, field: 'path', args: [p.segment], message: p.derived
        ? `${o.key}: segment ${p.segment} is not a property of ${p.on.name}; ${castAdvice(p.derived)}`
        : `${o.key}: segment ${p.segment} is not a property of ${p.on.name}${p.collection ? ' (collection)' : ''} and no action or function of that name exists in the service metadata`, docs: { ...o.src, value: o.path }, metadata: { file: ctx.csdl.file, element: element(p.on), line: p.on.line, value: '(absent)' } });
    }
    return out;
  },
};
