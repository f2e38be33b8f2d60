import { opPage, permissionsSection } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';

export const rule: ModelRule = {
  id: 'permission-order-differs',
  input: 'model',
  unit: 'operation',
  severity: 'warning',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'Permission tables of one operation state opposite order conventions',
  description:
    'One page lists permissions "from least to most privileged", another "from most to least". Readers who rely on the header take opposite permissions as least privileged.',
  example: { before: 'page A: Permissions (from least to most privileged)\npage B: Permissions (from most to least privileged)', after: 'both: (from least to most privileged)' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All']], 'least to most')), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All']], 'most to least')) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All']], 'least to most')), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All']], 'least to most')) },
  },
  check({ model }) {
    return model.operations.flatMap((g) =>
      compareField(this, g, 'permissions.order', (v) => {
        const p = v.permissions;
        return p?.order ? { key: p.order, shown: p.order, src: p.src } : undefined;
      }, (c, d) => `Order conventions differ (${versionsNote(c)}): ${d.join(' vs ')}`),
    );
  },
};
