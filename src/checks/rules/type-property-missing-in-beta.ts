import { resourcePage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { sideOf } from '../types.js';
import { typeGroups } from '../type-groups.js';

export const rule: ModelRule = {
  id: 'type-property-missing-in-beta',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['cross-version'],
  summary: 'A v1.0 resource property is missing from the beta resource page',
  description:
    'Beta is a superset of v1.0: a property that the v1.0 resource page documents but the beta resource page of the same type does not is usually a page that fell behind. (Beta-only properties are expected and not reported.)',
  example: { before: 'v1.0 user.md: employeeHireDate\nbeta user.md: (missing)', after: 'beta user.md also lists employeeHireDate' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||', '|legacy|String||']), 'beta/resources/widget.md': resourcePage('widget', ['|id|String||']) },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||', '|legacy|String||']), 'beta/resources/widget.md': resourcePage('widget', ['|id|String||', '|legacy|String||']) },
  },
  check({ model }) {
    const out: FindingDraft[] = [];
    for (const { key, types } of typeGroups(model)) {
      const v1 = types.find((t) => t.version === 'v1.0' && t.sources.some((s) => s.origin === 'resource'));
      const beta = types.find((t) => t.version === 'beta' && t.sources.some((s) => s.origin === 'resource'));
      if (!v1 || !beta) continue;
      const betaNames = new Set(beta.properties.filter((p) => p.sources.some((s) => s.origin === 'resource' || s.origin === 'relationship')).map((p) => p.name.toLowerCase()));
      const betaSrc = beta.sources.find((s) => s.origin === 'resource')!;
      for (const p of v1.properties) {
        const s = p.sources.find((x) => x.origin === 'resource' || x.origin === 'relationship');
        if (!s || betaNames.has(p.name.toLowerCase())) continue;
        out.push({
          rule: this.id, severity: this.severity, context: 'cross-version', subject: key, field: `properties.${p.name}`,
          message: `${key}.${p.name} is documented in v1.0 but not on the beta resource page`,
          sides: [sideOf(s.doc, s.src, 'documented'), sideOf(betaSrc.doc, betaSrc.src, 'not documented')], args: [p.name],
        });
      }
    }
    return out;
  },
};
