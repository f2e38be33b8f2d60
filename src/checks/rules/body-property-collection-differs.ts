import { bodySection, opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';
import { bodyField, bodyPartitions, bodyProperty, bodyPropertyNames } from './body-property-type-differs.js';

export const rule: ModelRule = {
  id: 'body-property-collection-differs',
  input: 'model',
  unit: 'operation',
  severity: 'error',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'A request-body property is a collection on one page and single on another',
  description: 'One page types the property as `X collection`, another as `X`. A client sends an array to one and an object to the other. A page whose live example requests all call paths none of its templates fits (a template copied from another page: the addFormulaLocal pages give `POST /workbook/names/add`) is not compared: its table documents what its examples call.',
  example: { before: 'page A: businessPhones | String collection\npage B: businessPhones | String', after: 'both: String collection' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|tags|String collection||'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|tags|String||'])) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|tags|String collection||'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|tags|String collection||'])) },
  },
  check({ model }) {
    return model.operations.flatMap(bodyPartitions).flatMap((g) =>
      bodyPropertyNames(g).flatMap((lower) =>
        compareField(this, g, bodyField(g, lower, '.collection'), (v) => {
          const p = bodyProperty(v.doc.requestBody?.properties, lower);
          return p && { key: String(p.type.collection), shown: p.type.collection ? 'collection' : 'single', src: p.src };
        }, (c, d) => `Property ${lower}: ${d.join(' vs ')} (${versionsNote(c)})`, [lower]),
      ),
    );
  },
};
