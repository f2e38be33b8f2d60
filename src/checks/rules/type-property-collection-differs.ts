import { resourcePage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareSides, versionsNote } from '../compare.js';
import { propertySources, typeGroups } from '../type-groups.js';

export const rule: ModelRule = {
  id: 'type-property-collection-differs',
  input: 'model',
  severity: 'error',
  confidence: 'high',
  contexts: ['variant', 'cross-version'],
  summary: 'A property (or relationship) is a collection in one source and single in another',
  description: 'The cardinality of a property or navigation property differs between its sources: `X collection` in one, `X` in another.',
  example: { before: 'v1.0: members | [directoryObject](directoryobject.md) collection\nbeta: members | [directoryObject](directoryobject.md)', after: 'both: collection' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|tags|String collection||']), 'beta/resources/widget.md': resourcePage('widget', ['|tags|String||']) },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|tags|String collection||']), 'beta/resources/widget.md': resourcePage('widget', ['|tags|String collection||']) },
  },
  check({ model }) {
    return typeGroups(model).flatMap(({ key, types }) =>
      [...propertySources(types).entries()].flatMap(([name, srcs]) =>
        compareSides(this, key, `properties.${name}.collection`, srcs.map(({ t, s }) => ({ key: String(s.type.collection), shown: s.type.collection ? 'collection' : 'single', src: s.src, version: t.version, page: s.doc })),
          (c, d) => `${key}.${name}: ${d.join(' vs ')} (${versionsNote(c)})`, [name]),
      ),
    );
  },
};
