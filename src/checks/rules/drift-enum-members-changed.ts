import { resourcePage } from '../fixture-pages.js';
import type { ApiModel, EnumModel } from '../../model/types.js';
import type { Document } from '../../model/schema.js';
import type { DriftRule, FindingDraft, Side } from '../types.js';
import { change, enumsByKey, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-enum-members-changed',
  input: 'drift',
  severity: 'error',
  confidence: 'high',
  contexts: ['drift'],
  summary: 'Enum members were added or removed (removal is breaking; an addition is breaking unless the enum was already evolvable — it had unknownFutureValue or its page says members will be added)',
  description: 'Removing a member narrows what requests may send: breaking. Adding one widens what responses return: breaking for a closed enum (clients with exhaustive switches break), not breaking for an evolvable enum — one that already had the `unknownFutureValue` sentinel, which is how Microsoft Graph announces that members will be added (clients must handle unknown values), in its member table or among the possible values a property of its type lists in its description, or whose own page says so in its description ("Members will be added here as more async operations are supported"). An addition of members the old snapshot already listed among the possible values of a property ("Possible values are: …" in its description, a list of exactly the new table\'s members: the property is often typed String) is the table catching up: not breaking, and the message names the property. Members are compared without a `microsoft.graph.` prefix (`microsoft.graph.event` is `event`) and without letter case (a table that writes `UnknownFutureValue` renames nothing). A removed member\'s old side is the page that documented it; when that page is gone from the new snapshot while the enum is documented elsewhere, the message says so. Breaking changes are error in v1.0, warning in beta; a non-breaking addition is info.',
  example: { before: 'old: none | defaultList', after: 'new: none | defaultList | flaggedEmails' },
  fixture: {
    before: { 'old/v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n'), 'new/v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n|huge|x|\n') },
    after: { 'old/v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n'), 'new/v1.0/resources/widget.md': resourcePage('widget', ['|kind|widgetKind||'], '\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n|small|x|\n|large|x|\n') },
  },
  check({ old, new: nu }) {
    const out: FindingDraft[] = [];
    const b = enumsByKey(nu);
    const newFiles = new Set(nu.documents.map((d) => d.file.toLowerCase()));
    const sentinelUses = sentinelInDescriptions(old);
    const valueUses = valuesInDescriptions(old);
    for (const [k, ea] of enumsByKey(old)) {
      const eb = b.get(k);
      if (!eb) continue;
      const ma = ea.members.map((m) => m.name);
      const mb = eb.members.map((m) => m.name);
      // `microsoft.graph.event` and `event` are one member: compare without the namespace; and without letter case — a
      // table that spells `UnknownFutureValue` where another (or the old one) has `unknownFutureValue` renames nothing.
      const na = new Set(ma.map(memberKey));
      const nb = new Set(mb.map(memberKey));
      const added = eb.members.filter((x) => !na.has(memberKey(x.name)));
      const removed = ea.members.filter((x) => !nb.has(memberKey(x.name)));
      const subject = k.slice(k.indexOf(' ') + 1);
      const sideA = sideOf(ea.sources[0]!.doc, ea.sources[0]!.src, ma.join(', '));
      const sideB = sideOf(eb.sources[0]!.doc, eb.sources[0]!.src, mb.join(', '));
      // Evolvable enums (unknownFutureValue, or a page that says members will be added) announce additions: not breaking.
      const sentinel = ma.some((x) => x.toLowerCase() === 'unknownfuturevalue');
      const prose = sentinel ? undefined : ea.sources.map((x) => announcesMembers(x.doc, ea.name)).find((x) => x);
      // The sentinel may be documented only where the enum is used: a property of its type whose description lists it among the possible values.
      const used = sentinel || prose ? undefined : sentinelUses.get(`${ea.version} ${bare(ea.name).toLowerCase()}`);
      // Every added member was already listed among the possible values of a property of its type in the old snapshot
      // (beta conditionalAccessPolicy.state: "Possible values are: `enabled`, `disabled`, `enabledForReportingButNotEnforced`",
      // beside a table of two): responses could already return it — the table caught up, nothing new reaches a client.
      // The property is found by its values, not its type (it is often typed String): one whose list is the new table's
      // members, no more and no fewer (a longer list that happens to hold them — riskLevel's low, medium, high, hidden, none,
      // unknownFutureValue for printQuality's low, medium, high, unknownFutureValue — is another enum's).
      const all = [...nb];
      const listed = sentinel || prose || used || !added.length || all.length < 2 ? undefined
        : valueUses.get(`${ea.version} ${memberKey(added[0]!.name)}`)?.find((u) => u.values.size === nb.size && all.every((x) => u.values.has(x)));
      const why = sentinel ? ' (evolvable enum: it already had unknownFutureValue)' : prose ? ` (evolvable enum: ${prose.file}:${prose.line} says "${prose.text}")` : used ? ` (evolvable enum: ${used.file}:${used.line} already listed unknownFutureValue among the values of ${used.property})`
        : listed ? ` to the table (${listed.file}:${listed.line} already listed ${added.length === 1 ? 'it' : 'them'} among the values of ${listed.property})` : '';
      if (added.length) out.push(change(this, !why, ea.version, subject, 'members.added', `${subject}: member(s) added: ${added.map((x) => x.name).join(', ')}${why}`, [...memberSides(eb, added, sideB), sideA], ['added']));
      if (removed.length) {
        // A removed member's old side is where that member was documented; a page the new snapshot no
        // longer has, while the enum is documented elsewhere, is named in the message.
        const gone = [...new Set(removed.map((x) => x.src.file))].filter((f) => !newFiles.has(f.toLowerCase()) && !documentsMember(ea, f, removed));
        const note = gone.length ? ` (documented only on ${gone.join(', ')}, a page the new snapshot no longer has; the enum is now documented on ${[...new Set(eb.sources.map((x) => x.doc.file))].join(', ')})` : '';
        out.push(change(this, true, ea.version, subject, 'members.removed', `${subject}: member(s) removed: ${removed.map((x) => x.name).join(', ')}${note}`, [...memberSides(ea, removed, sideA), sideB], ['removed']));
      }
    }
    return out;
  },
};

/**
 * Per version + enum name (bare, lower case): the first property typed with it whose description names the
 * `unknownFutureValue` sentinel ("Possible values are: `a`, `b`, `unknownFutureValue`.").
 */
function sentinelInDescriptions(m: ApiModel): Map<string, { file: string; line: number; property: string }> {
  const out = new Map<string, { file: string; line: number; property: string }>();
  for (const t of m.types) for (const p of t.properties) for (const s of p.sources) {
    if (s.type.primitive || !/\bunknownFutureValue\b/i.test(s.description)) continue;
    const k = `${t.version} ${bare(s.type.name).toLowerCase()}`;
    if (!out.has(k)) out.set(k, { file: s.src.file, line: s.src.line, property: `${t.name}.${p.name}` });
  }
  return out;
}

/**
 * The values property descriptions write in code spans ("Possible values are: `enabled`, `disabled`, …"), compared as
 * members are, per version + value: the properties (and their whole lists) that name it.
 */
function valuesInDescriptions(m: ApiModel): Map<string, { file: string; line: number; property: string; values: Set<string> }[]> {
  const out = new Map<string, { file: string; line: number; property: string; values: Set<string> }[]>();
  for (const t of m.types) for (const p of t.properties) for (const s of p.sources) {
    const values = listedValues(s.description);
    if (values.size < 2) continue;
    const use = { file: s.src.file, line: s.src.line, property: `${t.name}.${p.name}`, values };
    for (const v of values) {
      const k = `${t.version} ${v}`;
      if (!out.has(k)) out.set(k, []);
      out.get(k)!.push(use);
    }
  }
  return out;
}

/**
 * The values a description lists after "Possible values are:" (code spans are plain text in the model), up to the end of
 * that sentence, compared as members are: "Possible values are: enabled, disabled, enabledForReportingButNotEnforced."
 */
function listedValues(description: string): Set<string> {
  const at = POSSIBLE_VALUES.exec(description);
  if (!at) return new Set();
  const rest = description.slice(at.index + at[0].length);
  const end = rest.search(/\.(?:\s|$)/);
  return new Set((end < 0 ? rest : rest.slice(0, end)).split(/,|\bor\b|\band\b/).map((x) => x.trim()).filter((x) => /^[A-Za-z][\w]*$/.test(x)).map(memberKey));
}

const POSSIBLE_VALUES = /\b(?:possible|supported|allowed|valid) values(?: are| include)?\s*:?/i;

/** How members are compared: without namespace or letter case. */
function memberKey(name: string): string {
  return bare(name).toLowerCase();
}

/** A member name without its namespace (`microsoft.graph.driveItem` → `driveItem`). */
function bare(name: string): string {
  return name.replace(/^microsoft\.graph\./i, '');
}

/** One side per page the given members were documented on (their own provenance); the enum's side when they all come from it. */
function memberSides(e: EnumModel, members: EnumModel['members'], fallback: Side): Side[] {
  const byFile = new Map<string, EnumModel['members']>();
  for (const m of members) byFile.set(m.src.file, [...(byFile.get(m.src.file) ?? []), m]);
  const sides: Side[] = [];
  for (const [file, ms] of byFile) {
    const s = e.sources.find((x) => x.doc.file === file);
    if (!s) return [fallback];
    sides.push(sideOf(s.doc, ms[0]!.src, ms.map((m) => m.name).join(', ')));
  }
  return sides.length === 1 && sides[0]!.file === fallback.file ? [fallback] : sides;
}

/** Whether a page other than `file` also lists one of these members for the enum (then `file` was not its only source). */
function documentsMember(e: EnumModel, file: string, members: EnumModel['members']): boolean {
  const names = new Set(members.filter((m) => m.src.file === file).map((m) => bare(m.name)));
  return e.sources.some((s) => s.doc.file !== file && s.doc.enums.some((d) => d.name.toLowerCase() === e.name.toLowerCase() && d.members.some((m) => names.has(bare(m.name)))));
}

/**
 * A page devoted to the enum whose description announces more members ("Members will be added here
 * as more async operations are supported"): an evolvable enum, like one with unknownFutureValue.
 * Conservative: members or values, then will/may/might/could be added (or introduced) in the same sentence.
 */
const ANNOUNCES = /\b(?:members|values)\b[^.]{0,40}?\b(?:will|may|might|could)\s+be\s+(?:added|introduced)\b/i;
function announcesMembers(doc: Document, name: string): { file: string; line: number; text: string } | undefined {
  if (doc.enums.length !== 1 || doc.enums[0]!.name.toLowerCase() !== name.toLowerCase() || !doc.description) return undefined;
  const m = ANNOUNCES.exec(doc.description.value);
  return m ? { file: doc.description.src.file, line: doc.description.src.line, text: m[0] } : undefined;
}
