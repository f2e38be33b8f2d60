import { resourcePage } from '../fixture-pages.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { change, enumsByKey, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-enum-members-changed',
  input: 'drift',
  severity: 'error',
  confidence: 'high',
  contexts: ['drift'],
  summary: 'Enum members were added or removed (removal is breaking; an addition is breaking unless the enum was already evolvable — it had unknownFutureValue)',
  description: 'Removing a member narrows what requests may send: breaking. Adding one widens what responses return: breaking for a closed enum (clients with exhaustive switches break), not breaking for an evolvable enum — one that already had the `unknownFutureValue` sentinel, which is how Microsoft Graph announces that members will be added (clients must handle unknown values). Breaking changes are error in v1.0, warning in beta; a non-breaking addition is info.',
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
      // Evolvable enums (unknownFutureValue before the change) announce additions: not breaking.
      const evolvable = ma.some((x) => x.toLowerCase() === 'unknownfuturevalue');
      if (added.length) out.push(change(this, !evolvable, ea.version, subject, 'members.added', `${subject}: member(s) added: ${added.join(', ')}${evolvable ? ' (evolvable enum: it already had unknownFutureValue)' : ''}`, sides, ['added']));
      if (removed.length) out.push(change(this, true, ea.version, subject, 'members.removed', `${subject}: member(s) removed: ${removed.join(', ')}`, sides, ['removed']));
    }
    return out;
  },
};
