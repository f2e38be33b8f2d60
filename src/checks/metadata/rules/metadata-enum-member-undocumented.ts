import type { MetadataRule } from '../types.js';
import { enumType } from '../fixtures.js';

const CSDL = '<EnumType Name="riskLevel"><Member Name="low" Value="0" /><Member Name="high" Value="1" /><Member Name="unknownFutureValue" Value="2" /></EnumType>';

export const rule: MetadataRule = {
  id: 'metadata-enum-member-undocumented',
  severity: 'info',
  summary: 'A member of the service\'s enum is not in the documented enum table',
  description: 'Policy `unknown-future-value`: `unknownFutureValue` is the evolvable-enum sentinel the service adds to enums; when the docs omit it the finding carries that policy tag so it can be counted apart.',
  example: {
    before: { docs: { enums: [enumType('riskLevel', ['low'])] }, csdl: CSDL },
    after: { docs: { enums: [enumType('riskLevel', ['low', 'high', 'unknownFutureValue'])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const e of ctx.docs.enums) {
      const ce = ctx.csdlEnum(e.namespace, e.name);
      if (!ce) continue;
      // A member the table writes in another case is documented, misspelt: metadata-enum-member-missing reports that.
      const names = new Set(e.members.map((m) => m.name.toLowerCase()));
      for (const m of ce.members) {
        if (names.has(m.name.toLowerCase())) continue;
        out.push({ rule: this.id, subject: e.name, field: `members.${m.name}`, message: `Member ${m.name} of ${ce.namespace}.${ce.name} is not in the documented ${e.name} table`, docs: { ...e.src, value: e.members.map((x) => x.name).join(', ') }, metadata: { file: ctx.csdl.file, element: `EnumType ${ce.namespace}.${ce.name}/Member ${m.name}`, line: m.line, value: m.name }, ...(m.name === 'unknownFutureValue' ? { policy: 'unknown-future-value' } : {}) });
      }
    }
    return out;
  },
};
