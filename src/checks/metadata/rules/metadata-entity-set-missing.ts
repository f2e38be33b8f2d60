import type { MetadataRule } from '../types.js';
import { op } from '../fixtures.js';
import { walkPath } from '../path-walk.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType><EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /></EntityContainer>';

export const rule: MetadataRule = {
  id: 'metadata-entity-set-missing',
  severity: 'warning',
  summary: 'The first segment of a documented path is not an entity set or singleton of the service',
  description: 'Each documented operation path starts at an entity set or singleton of the service\'s EntityContainer (`/users`, `/me`, `/drives(\'{id}\')`), compared case-insensitively. One the container does not declare is a wrong path, or a root the service does not expose in this version. (Unbound function imports are not in the CSDL files read; such roots are reported too.)',
  example: {
    before: { docs: { operations: [op('GET /user/{}')] }, csdl: CSDL },
    after: { docs: { operations: [op('GET /users/{}')] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const o of ctx.docs.operations) {
      const p = walkPath(ctx, o.path);
      if (p?.kind !== 'entity-set') continue;
      out.push({ rule: this.id, subject: o.key, field: 'path', args: [p.segment], message: `${o.key}: /${p.segment} is neither an entity set nor a singleton of the service`, docs: { ...o.src, value: o.path }, metadata: { file: ctx.csdl.file, element: 'EntityContainer', line: ctx.csdl.containerLine ?? ctx.csdl.container[0]?.line ?? 1, value: '(absent)' } });
    }
    return out;
  },
};
