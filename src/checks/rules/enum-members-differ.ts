import { resourcePage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareSides, versionsNote } from '../compare.js';
import { enumGroups } from '../type-groups.js';

export const rule: ModelRule = {
  id: 'enum-members-differ',
  input: 'model',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'An enumeration has different members on different pages or versions',
  description: 'The member lists of one enum differ between the pages that define it. Clients generated from one page reject values the other page allows.',
  example: { before: 'v1.0: none | defaultList\nbeta: none | defaultList | flaggedEmails', after: 'both list the same members' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n'), 'beta/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n|huge|x|\n') },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n'), 'beta/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n') },
  },
  check({ model }) {
    return enumGroups(model).flatMap(({ key, enums }) =>
      compareSides(this, key, 'members', enums.flatMap((e) => e.sources.map((s) => {
        const page = s.doc.enums.find((x) => x.name.toLowerCase() === e.name.toLowerCase());
        const members = (page?.members ?? e.members).map((m) => m.name).sort();
        return { key: members.join('|').toLowerCase(), shown: members.join(', '), src: s.src, version: e.version, page: s.doc };
      })), (c) => `Members of ${key} differ (${versionsNote(c)})`),
    );
  },
};
