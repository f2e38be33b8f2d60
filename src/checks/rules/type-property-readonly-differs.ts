import { resourcePage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareSides, versionsNote } from '../compare.js';
import { propertySources, typeGroups } from '../type-groups.js';

export const rule: ModelRule = {
  id: 'type-property-readonly-differs',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'A property is read-only on one resource page and writable on another',
  description: 'Resource pages of one type (one per version, or several) disagree on whether a property is read-only. Request-body tables are not compared (they list what can be written).',
  example: { before: 'v1.0: createdDateTime | DateTimeOffset | ... Read-only.\nbeta: createdDateTime | DateTimeOffset | ...', after: 'both: Read-only.' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String|Read-only.|']), 'beta/resources/widget.md': resourcePage('widget', ['|id|String||']) },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String|Read-only.|']), 'beta/resources/widget.md': resourcePage('widget', ['|id|String|Read-only.|']) },
  },
  check({ model }) {
    return typeGroups(model).flatMap(({ key, types }) =>
      [...propertySources(types).entries()].flatMap(([name, srcs]) =>
        compareSides(this, key, `properties.${name}.readOnly`, srcs.filter(({ s }) => s.origin === 'resource').map(({ t, s }) => ({ key: String(s.readOnly), shown: s.readOnly ? 'read-only' : 'writable', src: s.src, version: t.version, page: s.doc })),
          (c, d) => `${key}.${name}: ${d.join(' vs ')} (${versionsNote(c)})`, [name]),
      ),
    );
  },
};
