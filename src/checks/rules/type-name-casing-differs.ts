import { bodySection, opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';
import { bodyField, bodyPartitions, bodyProperty, bodyPropertyNames } from './body-property-type-differs.js';

export const rule: ModelRule = {
  id: 'type-name-casing-differs',
  input: 'model',
  unit: 'operation',
  severity: 'warning',
  confidence: 'high',
  contexts: ['variant', 'cross-version'],
  summary: 'Pages spell the same type name with different casing',
  description:
    'The same property of the request-body tables of one operation\'s pages refers to one type spelled with different casing (rangeSort apply: beta and v1.0 body tables). The property tables of resource pages are not compared by this rule. Type names are case-sensitive in CSDL and in generated code; one spelling is wrong — in any version, so this stays a warning across versions too. A page whose live example requests all call paths none of its templates fits (a template copied from another page: the addFormulaLocal pages give `POST /workbook/names/add`) is not compared: its table documents what its examples call.',
  example: { before: 'api/a.md (PATCH /widgets/{id}) body: profile | [PasswordProfile](passwordprofile.md)\napi/b.md (the same call) body: profile | [passwordProfile](passwordprofile.md)', after: 'both body tables: profile | [passwordProfile](passwordprofile.md)' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|profile|[PasswordProfile](passwordprofile.md)||'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|profile|[passwordProfile](passwordprofile.md)||'])) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|profile|[passwordProfile](passwordprofile.md)||'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|profile|[passwordProfile](passwordprofile.md)||'])) },
  },
  check({ model }) {
    return model.operations.flatMap(bodyPartitions).flatMap((g) =>
      bodyPropertyNames(g).flatMap((lower) => {
        const types = g.variants.map((v) => bodyProperty(v.doc.requestBody?.properties, lower)?.type.name).filter((x): x is string => !!x);
        if (new Set(types.map((t) => t.toLowerCase())).size !== 1) return [];
        return compareField(this, g, bodyField(g, lower, '.typeCasing'), (v) => {
          const p = bodyProperty(v.doc.requestBody?.properties, lower);
          return p && { key: p.type.name, shown: p.type.name, src: p.src };
        }, (c, d) => `Type of ${lower} is spelled ${d.join(' vs ')} (${versionsNote(c)})`, [lower], { crossVersionSeverity: 'warning' });
      }),
    );
  },
};
