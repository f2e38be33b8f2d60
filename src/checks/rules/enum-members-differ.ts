import { resourcePage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareSides, versionsNote, type SideValue } from '../compare.js';
import { compareStr } from '../../util/order.js';
import type { Document } from '../../model/schema.js';
import { enumGroups } from '../type-groups.js';

export const rule: ModelRule = {
  id: 'enum-members-differ',
  input: 'model',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'An enumeration has different members on different pages or versions',
  description: 'The member lists of one enum differ between the pages that define it, or between two tables of one page that documents the enum twice (beta enums.md). Clients generated from one page reject values the other page allows. A values table named after a property the page types as a primitive ("displayAs values" for `displayAs | string`) lists that property\'s values: it is compared only with the same type\'s table in the other version, not with another type\'s table or an enum of the same name.',
  example: { before: 'v1.0: none | defaultList\nbeta: none | defaultList | flaggedEmails', after: 'both list the same members' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n'), 'beta/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n|huge|x|\n') },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n'), 'beta/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n') },
  },
  check({ model }) {
    return enumGroups(model).flatMap(({ key, enums }) => {
      // The values table of a property the page types as a primitive is that property's list, compared only with the same
      // type's list (its other version), not with another type's list or an enum type of the same name.
      const parts = new Map<string, SideValue[]>();
      for (const e of enums) for (const s of e.sources) {
        const page = s.doc.enums.find((x) => x.name.toLowerCase() === e.name.toLowerCase());
        const members = (page?.members ?? e.members).map((m) => m.name).sort();
        const part = propertyValuesOf(s.doc, e.name) ?? '';
        if (!parts.has(part)) parts.set(part, []);
        parts.get(part)!.push({ key: members.join('|').toLowerCase(), shown: members.join(', '), src: s.src, version: e.version, page: s.doc });
        // The page's later tables of the same enum (documented twice on one page) are sides of their own.
        for (const a of page?.again ?? []) {
          const again = [...a.members].sort();
          parts.get(part)!.push({ key: again.join('|').toLowerCase(), shown: again.join(', '), src: a.src, version: e.version, page: s.doc });
        }
      }
      return [...parts.entries()].sort((a, b) => compareStr(a[0], b[0])).flatMap(([part, sides]) =>
        compareSides(this, key, 'members', sides, (c) => `Members of ${part ? `${part}.${enums[0]!.name}` : key} differ (${versionsNote(c)})`, part ? [part] : []));
    });
  },
};

/**
 * `type` when the page's own type has a property named like the enum and typed as a primitive (datetimecolumn.md's
 * "displayAs values" for `displayAs | string`): the table lists that property's values, not the members of an enum type.
 */
function propertyValuesOf(doc: Document, enumName: string): string | undefined {
  const r = doc.resource;
  const p = r?.properties.find((x) => x.name.toLowerCase() === enumName.toLowerCase());
  return r && p?.type.primitive ? r.name : undefined;
}
