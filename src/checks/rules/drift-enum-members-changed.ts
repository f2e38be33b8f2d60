import { resourcePage } from '../fixture-pages.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { change, enumsByKey, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-enum-members-changed',
  input: 'drift',
  severity: 'error',
  confidence: 'high',
  contexts: ['drift'],
  summary: 'Enum members were added or removed (both breaking: a response may return values clients do not know; requests lose values)',
  description: 'Adding a member widens what responses return (clients with exhaustive switches break); removing one narrows what requests may send. Both are breaking; error in v1.0, warning in beta.',
  example: { before: 'old: none | defaultList', after: 'new: none | defaultList | flaggedEmails' },
  fixture: {
    before: { 'old/v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n'), 'new/v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n|huge|x|\n') },
    after: { 'old/v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n'), 'new/v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n') },
  },
  check({ old, new: nu }) {
    const out: FindingDraft[] = [];
    const b = enumsByKey(nu);
    for (const [k, ea] of enumsByKey(old)) {
      const eb = b.get(k);
      if (!eb) continue;
      const ma = ea.members.map((m) => m.name);
      const mb = eb.members.map((m) => m.name);
      const added = mb.filter((x) => !ma.includes(x));
      const removed = ma.filter((x) => !mb.includes(x));
      const sides = [sideOf(ea.sources[0]!.doc, ea.sources[0]!.src, ma.join(', ')), sideOf(eb.sources[0]!.doc, eb.sources[0]!.src, mb.join(', '))];
      const subject = k.slice(k.indexOf(' ') + 1);
      if (added.length) out.push(change(this, true, ea.version, subject, 'members.added', `${subject}: member(s) added: ${added.join(', ')}`, sides, ['added']));
      if (removed.length) out.push(change(this, true, ea.version, subject, 'members.removed', `${subject}: member(s) removed: ${removed.join(', ')}`, sides, ['removed']));
    }
    return out;
  },
};
