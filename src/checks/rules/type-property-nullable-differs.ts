import { resourcePage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareSides, versionsNote } from '../compare.js';
import { propertySources, typeGroups } from '../type-groups.js';

export const rule: ModelRule = {
  id: 'type-property-nullable-differs',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'Sources disagree on whether a property is nullable',
  description: 'One source says "Not nullable", another "Nullable", for the same property. Sources that say nothing are not compared.',
  example: { before: 'v1.0: ... Not nullable.\nbeta: ... Nullable.', after: 'both: Not nullable.' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String|Not nullable.|']), 'beta/resources/widget.md': resourcePage('widget', ['|id|String|Nullable.|']) },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String|Not nullable.|']), 'beta/resources/widget.md': resourcePage('widget', ['|id|String|Not nullable.|']) },
  },
  check({ model }) {
    return typeGroups(model).flatMap(({ key, types }) =>
      [...propertySources(types).entries()].flatMap(([name, srcs]) =>
        compareSides(this, key, `properties.${name}.nullable`, srcs.filter(({ s }) => s.nullable !== null).map(({ t, s }) => ({ key: String(s.nullable), shown: s.nullable ? 'nullable' : 'not nullable', src: s.src, version: t.version, page: s.doc })),
          (c, d) => `${key}.${name}: ${d.join(' vs ')} (${versionsNote(c)})`, [name]),
      ),
    );
  },
};
