import { resourcePage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareSides, versionsNote } from '../compare.js';
import { propertySources, typeGroups } from '../type-groups.js';
import { NUMERIC_EDM } from './type-property-type-differs.js';

const NUMERIC = new Set(NUMERIC_EDM);

export const rule: ModelRule = {
  id: 'type-property-format-differs',
  input: 'model',
  severity: 'warning',
  confidence: 'high',
  contexts: ['variant', 'cross-version'],
  summary: 'A numeric property has different widths or formats (Int32 vs Int64)',
  description: 'Sources agree that a property is a number but not on its Edm format. A client that stores an Int64 in an Int32 overflows.',
  example: { before: 'page A: size | Int32\npage B: size | Int64', after: 'both: size | Int64' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|size|Int32||']), 'beta/resources/widget.md': resourcePage('widget', ['|size|Int64||']) },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|size|Int64||']), 'beta/resources/widget.md': resourcePage('widget', ['|size|Int64||']) },
  },
  check({ model }) {
    return typeGroups(model).flatMap(({ key, types }) =>
      [...propertySources(types).entries()].flatMap(([name, srcs]) => {
        const nums = srcs.filter(({ s }) => NUMERIC.has(s.type.name));
        if (nums.length < 2 || nums.length !== srcs.length) return [];
        return compareSides(this, key, `properties.${name}.format`, nums.map(({ t, s }) => ({ key: s.type.name, shown: s.type.name, src: s.src, version: t.version, page: s.doc })),
          (c, d) => `${key}.${name}: ${d.join(' vs ')} (${versionsNote(c)})`, [name]);
      }),
    );
  },
};
