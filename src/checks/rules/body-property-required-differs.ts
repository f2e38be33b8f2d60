import { bodySection, opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';
import { bodyField, bodyPartitions, bodyProperty, bodyPropertyNames } from './body-property-type-differs.js';

export const rule: ModelRule = {
  id: 'body-property-required-differs',
  input: 'model',
  unit: 'operation',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'A request-body property is required on one page and optional on another',
  description: 'Pages that state whether a body property is required disagree. Pages that do not say are not compared. A page whose live example requests all call paths none of its templates fits (a template copied from another page: the addFormulaLocal pages give `POST /workbook/names/add`) is not compared: its table documents what its examples call.',
  example: { before: 'page A: displayName | String | Required.\npage B: displayName | String | Optional.', after: 'both say Required' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32|Required.|'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32|Optional.|'])) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32|Required.|'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32|Required.|'])) },
  },
  check({ model }) {
    return model.operations.flatMap(bodyPartitions).flatMap((g) =>
      bodyPropertyNames(g).flatMap((lower) =>
        compareField(this, g, bodyField(g, lower, '.required'), (v) => {
          const p = bodyProperty(v.doc.requestBody?.properties, lower);
          return p && p.required !== null ? { key: String(p.required), shown: p.required ? 'required' : 'optional', src: p.src } : undefined;
        }, (c, d) => `Property ${lower}: ${d.join(' vs ')} (${versionsNote(c)})`, [lower]),
      ),
    );
  },
};
