import { opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';
import { strayTemplates } from '../stray-templates.js';

export const rule: PageRule = {
  id: 'template-names-other-operation',
  input: 'page',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['page'],
  summary: 'One request line of a page names another operation than the page\'s other request lines',
  description:
    'Every other request line of the page for the method (at least two) ends in the segment the page is named after (`event-delta.md`: `GET /me/calendarView/delta`, `GET /users/{id}/calendarView/delta`), and this one ends elsewhere without reaching it (`GET /groups/{id}/calendarView`): a line copied from another page or cut short. Rules that compare the pages of an operation leave such a line out (its page documents no call of the operation it would be keyed to).',
  example: { before: 'event-delta.md: GET /me/calendarView/delta; GET /users/{id}/calendarView/delta; GET /groups/{id}/calendarView', after: 'GET /groups/{id}/calendarView/delta' },
  fixture: {
    before: { 'v1.0/api/widget-delta.md': opPage('widget: delta', 'GET', '/me/widgets/delta\nGET /users/{id}/widgets/delta\nGET /groups/{id}/widgets') },
    after: { 'v1.0/api/widget-delta.md': opPage('widget: delta', 'GET', '/me/widgets/delta\nGET /users/{id}/widgets/delta\nGET /groups/{id}/widgets/delta') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      for (const [o, top] of strayTemplates(p)) {
        const others = p.operations.filter((x) => x !== o && !x.fromExample && x.method === o.method);
        out.push(pageFinding(this, p, o.src, `operations.${o.method} ${o.path}`,
          `Request line ${o.method} ${o.path} does not end in /${top} as the page's ${others.length} other ${o.method} request lines do: another operation's line, or one cut short`,
          `${o.method} ${o.path}`, [o.method, o.path], [{ src: others[0]!.src, value: others.map((x) => `${x.method} ${x.path}`).join('; ') }]));
      }
    }
    return out;
  },
};
