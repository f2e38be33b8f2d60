import type { MetadataRule } from '../types.js';
import { enumType } from '../fixtures.js';

const CSDL = '<EnumType Name="riskLevel"><Member Name="low" Value="0" /><Member Name="medium" Value="1" /><Member Name="high" Value="2" /></EnumType>';

export const rule: MetadataRule = {
  id: 'metadata-enum-member-missing',
  severity: 'warning',
  summary: 'A documented enum member is not a member of the service\'s enum',
  description: 'Each member of a documented enum table is looked up among the members of the CSDL enum of that name (case-sensitive: enum values are sent and compared as written). A member written in another case than the service\'s (`email` for Email) is reported as that, with the service\'s spelling; metadata-enum-member-undocumented does not report the service\'s member again.',
  example: {
    before: { docs: { enums: [enumType('riskLevel', ['low', 'medium', 'High'])] }, csdl: CSDL },
    after: { docs: { enums: [enumType('riskLevel', ['low', 'medium', 'high'])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const e of ctx.docs.enums) {
      const ce = ctx.csdlEnum(e.namespace, e.name);
      if (!ce) continue;
      const names = new Set(ce.members.map((m) => m.name));
      for (const m of e.members) {
        if (names.has(m.name)) continue;
        const cased = ce.members.find((x) => x.name.toLowerCase() === m.name.toLowerCase());
        out.push({ rule: this.id, subject: e.name, field: `members.${m.name}`, message: cased
          ? `${e.name} member ${m.name} is documented in another case than the service's ${ce.name} member ${cased.name} (enum members are case-sensitive)`
          : `${e.name} member ${m.name} is documented but the service's ${ce.name} has no such member (members: ${ce.members.map((x) => x.name).join(', ')})`, docs: { ...m.src, value: m.name }, metadata: { file: ctx.csdl.file, element: `EnumType ${ce.namespace}.${ce.name}`, line: ce.line, value: '(absent)' } });
      }
    }
    return out;
  },
};
