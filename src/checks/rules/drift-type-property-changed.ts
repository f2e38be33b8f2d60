import { linkedFile } from '../../util/link.js';
import { resourcePage } from '../fixture-pages.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { baseChains } from '../type-relations.js';
import type { PropertySource, TypeModel } from '../../model/types.js';
import { change, isDocumentedType, sideOf, typePage, typesByKey } from '../drift-helpers.js';
import { linksOwnValues } from '../../model/primitives.js';
import { fitsPrimitive } from '../../model/primitives.js';
import { singular } from '../../model/identity.js';
import { nameMiss } from '../../util/words.js';
import { objectBody } from '../page-finding.js';
import { keySrc } from '../../util/json-keys.js';

/** A description that says the value is a list ("A list of additional email addresses", "List of assignments for the user"). */
const LISTED = /^\s*(?:an?\s+)?(?:list|array)\s+of\b/i;

/** A property row that says it comes from the base type. */
const INHERITED = /\binherited from\b/i;

export const rule: DriftRule = {
  id: 'drift-type-property-changed',
  input: 'drift',
  severity: 'error',
  confidence: 'high',
  contexts: ['drift'],
  summary: 'A resource property was removed, renamed or changed type (breaking), or added (info)',
  description: 'Between the snapshots, a property of a resource type documented by resource pages disappeared or changed its type or cardinality (breaking: clients reading it break), or appeared (not breaking). A row renamed to its plural or singular, same type, with no row left under the old name (profile.account → accounts) is one breaking change that names both rows, even where a stale request line of the new snapshot still names the old one. A type cell that links to the page\'s own table of values (`[ageGroup](#agegroup-values)`) is the String whose values it lists, not a change. A String that became an enum of the same cardinality (a type the new tree defines as an enum, or one no resource page defines whose row lists its possible values) is not breaking (the same strings on the wire, now named); an enum that became a String is. Not breaking either: a type renamed with its shape kept (the new type documents every property of the old one: the same JSON), a type narrowed to one derived from it (identitySet → chatMessageReactionIdentitySet, which inherits from it), and a type change on a row that says "Inherited from X" in both snapshots (the base type\'s page decides), a type made a collection of itself on a row whose old description began "A list of" (user.otherMails: String → String collection) or whose old snapshot\'s own example responses already returned a list (application.addIns: `"addIns": []`), a primitive narrowed within the same JSON (String → Guid or DateTimeOffset, a number to one no wider: every new value is one a client typed by the old docs reads; Guid → String and Int32 → Int64 still break such a client), and a property removed from a type that every type derived from it now documents (moved down the hierarchy). Not a change either: a type cell that links to the same page in both snapshots under another label (`[HashesType](hashes.md)` → `[hashes](hashes.md)`: the linked page\'s type, whatever the label), and a type the old snapshot knew only from a GET operation\'s request line (a list call makes it a collection; a row the new snapshot adds that disagrees is a disagreement within the new snapshot). Rows that say "Inherited from X" are the base type\'s properties: listing them or no longer listing them is not a change. A property the old snapshot knew only from a GET operation\'s request line (no row, no JSON key) is not reported as removed: drift-operation-removed says what became of that call; nor is one the new snapshot knows only from a GET\'s request line reported as added when some old call of the version already reached that path (POST /me/onlineMeetings before GET /me/onlineMeetings): drift-operation-added reports the new call; and a property a new row documents that the old snapshot\'s calls already reached below a path where an old GET returns the type (team.photo, a Relationships row in 2021-07, where 2020-05 had GET and PUT /teams/{id}/photo and GET /teams/{id} returning a team) is reported as a row the type\'s page gained, with the old call as a side: the table caught up with the calls. A key only a JSON representation names that is another spelling of a row of the same table (acceptingJobs beside isAcceptingJobs, chatViewpoint beside viewpoint: one name ends with the other) is not a property of its own: its appearing or going is not reported (json-representation-mismatch reports the sample); so is one a row the JSON does not name is one camel-cased word apart from, in front too, or one misspelling away from (printerShare\'s JSON `name` beside the row displayName), as json-representation-mismatch pairs them.',
  example: { before: 'old user: mySite | String', after: 'new user: (no mySite)' },
  fixture: {
    before: { 'old/v1.0/resources/widget.md': resourcePage('widget', ['|id|String||', '|size|Int32||']), 'new/v1.0/resources/widget.md': resourcePage('widget', ['|id|String||', '|size|String||']) },
    after: { 'old/v1.0/resources/widget.md': resourcePage('widget', ['|id|String||', '|size|Int32||']), 'new/v1.0/resources/widget.md': resourcePage('widget', ['|id|String||', '|size|Int32||']) },
  },
  check({ old, new: nu }) {
    const out: FindingDraft[] = [];
    const b = typesByKey(nu);
    const newEnums = new Set(nu.enums.map((e) => `${e.version}|${e.name.toLowerCase()}`));
    // Types a resource page documents (an enum named only in a row, "Possible values are: …", is not one of them).
    const newTypes = new Set(nu.types.filter((t) => t.sources.some((x) => x.origin === 'resource')).map((t) => `${t.version}|${t.name.toLowerCase()}`));
    const docTypes = (m: typeof old) => new Map(m.types.filter((t) => t.sources.some((x) => x.origin === 'resource')).map((t) => [`${t.version}|${t.name.toLowerCase()}`, t] as const));
    const oldTypes = docTypes(old);
    const newDocTypes = docTypes(nu);
    const chain = baseChains(nu);
    // The old snapshot's calls per version (each with its lower-cased path and its first variant of the version), and the
    // path of each new call by its request line.
    type OldCall = { path: string; o: (typeof old.operations)[number]; v: (typeof old.operations)[number]['variants'][number] };
    const oldCalls = new Map<string, OldCall[]>();
    for (const o of old.operations) {
      const path = o.path.toLowerCase();
      for (const version of new Set(o.variants.map((x) => x.version))) {
        let l = oldCalls.get(version);
        if (!l) oldCalls.set(version, (l = []));
        l.push({ path, o, v: o.variants.find((x) => x.version === version)! });
      }
    }
    const newPathAt = new Map<string, string>();
    for (const o of nu.operations) for (const v of o.variants) newPathAt.set(`${v.doc.file}:${v.src.line}`, o.path.toLowerCase());
    /** Did some old call of the version reach the path of the call whose request line documents this property? */
    const oldReaches = (x: PropertySource, version: string) => {
      const p = newPathAt.get(`${x.doc.file}:${x.src.line}`);
      return p !== undefined && (oldCalls.get(version) ?? []).some((c) => c.path === p || c.path.startsWith(`${p}/`));
    };
    // Per version, the paths at which an old GET's primary page returns one object of a type (by the type's lower-cased name).
    const oldAt = new Map<string, string[]>();
    for (const o of old.operations) {
      if (o.method !== 'GET') continue;
      for (const pr of o.primary) {
        const bt = o.variants.find((v) => v.version === pr.version && v.doc.file === pr.document)?.response?.bodyType;
        if (!bt || bt.collection) continue;
        const k = `${pr.version}|${bt.name.toLowerCase()}`;
        let l = oldAt.get(k);
        if (!l) oldAt.set(k, (l = []));
        l.push(o.path.toLowerCase());
      }
    }
    /** The old call of the version that reached the property below a path where the old docs return one of the type (GET /teams/{team-id}/photo, GET /teams/{team-id} returning a team): a GET first (it reads the property), else any. */
    const oldCall = (t: TypeModel, name: string): OldCall | undefined => {
      const at = oldAt.get(`${t.version}|${t.name.toLowerCase()}`);
      if (!at) return undefined;
      const n = name.toLowerCase();
      const below = (oldCalls.get(t.version) ?? []).filter((c) => at.some((a) => c.path === `${a}/${n}` || c.path.startsWith(`${a}/${n}/`)));
      return below.find((c) => c.o.method === 'GET') ?? below[0];
    };
    /**
     * An old example response of a call returning the type whose body gives the property as a list (beta application.addIns:
     * `"addIns": []` in 2020-05's GET and POST examples, beside a row typed addIn): where it is.
     */
    const oldListExample = (t: TypeModel, name: string): { file: string; line: number } | undefined => {
      const n = name.toLowerCase();
      const tn = t.name.toLowerCase();
      for (const o of old.operations) for (const v of o.variants) {
        const bt = v.response?.bodyType;
        if (v.version !== t.version || !bt || bt.name.toLowerCase() !== tn) continue;
        for (const r of v.doc.examples.responses) {
          const body = objectBody(r.body?.json);
          if (!body) continue;
          const items: unknown[] = bt.collection && Array.isArray(body.value) ? body.value : [body];
          for (const x of items) {
            const key = Object.entries(objectBody(x) ?? {}).find(([kk, val]) => kk.toLowerCase() === n && Array.isArray(val))?.[0];
            // The key's own line in a single object's body, else the body's.
            if (key !== undefined) return { file: v.doc.file, line: (x === body && r.body ? keySrc(r.body, key)?.line : undefined) ?? r.body?.src.line ?? r.src.line };
          }
        }
      }
      return undefined;
    };
    for (const [k, ta] of typesByKey(old)) {
      const tb = b.get(k);
      if (!tb || !isDocumentedType(ta) || !isDocumentedType(tb)) continue;
      const subject = k.slice(k.indexOf(' ') + 1);
      const pb = new Map(tb.properties.map((p) => [p.name.toLowerCase(), p] as const));
      for (const p of ta.properties) {
        const sa = p.sources[0];
        if (!sa) continue;
        const q = pb.get(p.name.toLowerCase());
        const sb = q?.sources[0];
        if (!q || !sb) {
          // A row "Inherited from X" that the new page no longer repeats: still the base type's property.
          if (INHERITED.test(sa.description)) continue;
          // Known only from a GET operation's request line (no row, no JSON key: src/model/path-properties.ts): what became of
          // that call is drift-operation-removed's to say (removed, or rewritten — a misspelt segment corrected,
          // `openShiftsChangeRequests` → `openShiftChangeRequests`); the type never documented the property.
          if (p.sources.every((x) => x.origin === 'operation-path')) continue;
          // A key only the old JSON sample had, a stale spelling of a row the table documents (acceptingJobs beside the
          // row isAcceptingJobs): the row is what the old docs documented, compared under its own name.
          if (jsonAliasOf(p, ta)) continue;
          // Renamed to its plural or singular, same type (profile.account → accounts): the new row's finding says so.
          if (renameOf(p, ta, tb)) continue;
          const at = typePage(tb)!;
          // Moved down: every type the new snapshot derives from this one documents the property (depEnrollmentBaseProfile.
          // passCodeDisabled → depIOSEnrollmentProfile, depMacOSEnrollmentProfile): every value that had it still has it.
          const down = movedToDerived(tb, p.name, newDocTypes, chain);
          if (down) {
            const d0 = down[0]!;
            out.push(change(this, false, ta.version, subject, `properties.${p.name}`, `${subject}.${p.name} was removed from ${tb.name} and is documented on every type derived from it (${down.map((x) => x.type.name).join(', ')})`, [sideOf(sa.doc, sa.src, typeText(sa)), sideOf(d0.source.doc, d0.source.src, `${d0.type.name}.${p.name}`)], [p.name, 'removed']));
            continue;
          }
          out.push(change(this, true, ta.version, subject, `properties.${p.name}`, `${subject}.${p.name} was removed`, [sideOf(sa.doc, sa.src, typeText(sa)), sideOf(at.doc, at.src, 'not documented')], [p.name, 'removed']));
          continue;
        }
        // A type cell linking to the page's own values table (`[ageGroup](#agegroup-values)`) is the String it was, its values listed.
        const ka = `${linksOwnValues(sa.type) ? 'string' : sa.type.name.toLowerCase()}${sa.type.collection ? '[]' : ''}`;
        const kb = `${linksOwnValues(sb.type) ? 'string' : sb.type.name.toLowerCase()}${sb.type.collection ? '[]' : ''}`;
        if (ka === kb) continue;
        // A type the old snapshot knew only from a GET's request line (no row, no JSON key: src/model/path-properties.ts) is the
        // call's, not a type the docs stated for the property (chatMessage.hostedContents and .replies, collections by the old
        // list calls, one object by the rows the new page added: labels d901, d147) — the new row disagrees with the call, within
        // one snapshot. (A row the new snapshot dropped for a list call's collection is still compared: educationUser.assignments, d409.)
        if (p.sources.every((x) => x.origin === 'operation-path')) continue;
        // The same page linked under another label (`[HashesType](hashes.md)` → `[hashes](hashes.md)`, label d907): the type
        // is the linked page's, unchanged (a page whose type was renamed is drift-type-removed's to report).
        if (sa.type.collection === sb.type.collection && sameLinkedPage(sa, sb)) continue;
        // A String that became an enum (same cardinality) sends and receives the same strings: the
        // values are now named, nothing a client read or wrote stops working. The reverse opens the set: breaking.
        const target = `${tb.version}|${sb.type.name.toLowerCase()}`;
        const enumLike = newEnums.has(target) || (!newTypes.has(target) && /\bpossible values\b/i.test(sb.description));
        const named = (sa.type.name === 'String' || linksOwnValues(sa.type)) && !sb.type.primitive && sa.type.collection === sb.type.collection && enumLike;
        // A type renamed with its shape kept (provisioningSystemDetails → provisioningSystem, every old property
        // in the new type): the same JSON on the wire.
        const ra = oldTypes.get(`${ta.version}|${sa.type.name.toLowerCase()}`);
        const rb = newDocTypes.get(`${tb.version}|${sb.type.name.toLowerCase()}`);
        // Narrowed to a type derived from the old one (chatMessageReaction.user: identitySet → chatMessageReactionIdentitySet,
        // which inherits from identitySet): every value still has the old type's properties. Said so even when the derived type
        // lists every property of the old one too (chatMessage.from: chatMessageFromIdentitySet; label d828: not "renamed", the
        // old type is still there).
        const derived = !named && !sa.type.primitive && !sb.type.primitive && sa.type.collection === sb.type.collection && chain(sb.type.name, tb.version).slice(1).includes(sa.type.name.toLowerCase());
        const renamed = !named && !derived && !sa.type.primitive && !sb.type.primitive && sa.type.collection === sb.type.collection && !!ra && !!rb && ra.properties.length > 0
          && ra.properties.every((x) => rb.properties.some((y) => y.name.toLowerCase() === x.name.toLowerCase()));
        // A row that says "Inherited from X" in both snapshots: the base type's own page decides the property's type.
        const inherited = !named && !renamed && !derived && INHERITED.test(sa.description) && INHERITED.test(sb.description);
        // Made a collection of the same type where the old row's text already said it was one ("otherMails | String | A list of
        // additional email addresses"): the type column caught up with the description, the values did not change.
        const listed = !named && !renamed && !inherited && !derived && !sa.type.collection && sb.type.collection && sa.type.name.toLowerCase() === sb.type.name.toLowerCase() && LISTED.test(sa.description);
        // Narrowed within the same JSON (String → Guid, a key id's type corrected: label d660): every new value is one a client
        // typed by the old docs reads.
        const wire = !named && !renamed && !inherited && !derived && !listed && narrowedPrimitive(sa.type, sb.type);
        // Made a collection of the same type where the old snapshot's own example responses already returned a list
        // (application.addIns, labels d505, d559): what clients received did not change; the row caught up with it.
        const returned = !named && !renamed && !inherited && !derived && !listed && !wire && !sa.type.collection && sb.type.collection
          && sa.type.name.toLowerCase() === sb.type.name.toLowerCase() ? oldListExample(ta, p.name) : undefined;
        const why = named ? ' (a string became an enum: same values on the wire)' : renamed ? ` (a type renamed: ${sb.type.name} has every property of ${sa.type.name}, same JSON)` : inherited ? ' (the row says it is inherited from the base type, whose own page decides the type)' : derived ? ` (narrowed to a type derived from ${sa.type.name}: every value is still one)` : listed ? ' (the old row\'s description already said it is a list: the type column caught up)' : wire ? ` (narrowed: ${wire})`
          : returned ? ` (the old snapshot's own example already returned a list, ${returned.file}:${returned.line}: the type column caught up)` : '';
        // Each side shows the type as its row states it, cardinality included (label d505: "addIn collection", not "addIn").
        out.push(change(this, !named && !renamed && !inherited && !derived && !listed && !wire && !returned, ta.version, subject, `properties.${p.name}.type`, `${subject}.${p.name}: ${typeText(sa)} → ${typeText(sb)}${why}`, [sideOf(sa.doc, sa.src, typeText(sa)), sideOf(sb.doc, sb.src, typeText(sb))], [p.name, 'type']));
      }
      const pa = new Set(ta.properties.map((p) => p.name.toLowerCase()));
      for (const q of tb.properties) {
        const sb = q.sources[0];
        // A row "Inherited from X" now listed on the page was the type's property already (through its base).
        if (!sb || pa.has(q.name.toLowerCase()) || INHERITED.test(sb.description)) continue;
        // A key only the new JSON sample has, another spelling of a row of the table (chatViewpoint beside the row
        // viewpoint): the row's addition is the change, reported under the row's name.
        if (jsonAliasOf(q, tb)) continue;
        // Known only from a new GET's request line, on a path the old snapshot's calls already reached (POST
        // /me/onlineMeetings in 2020-05, GET /me/onlineMeetings added by 2021-07): the navigation is not new; the new call
        // is drift-operation-added's to report.
        if (q.sources.every((x) => x.origin === 'operation-path') && q.sources.some((x) => oldReaches(x, tb.version))) continue;
        const at = typePage(ta)!;
        // A row the new page adds for a property the old snapshot's calls already reached (team.photo: a Relationships row
        // in 2021-07; GET and PUT /teams/{id}/photo on pages of their own in 2020-05, GET /teams/{id} returning a team):
        // the table caught up with the calls — said so, with the old call as a side (label d1581, false before: "was added",
        // as if the API had changed; d1288 and d1309, real as rows new on the page).
        const reached = oldCall(ta, q.name);
        if (reached) {
          out.push(change(this, false, tb.version, subject, `properties.${q.name}`, `${subject}.${q.name} gained a row on the type's page; the old snapshot's calls already reached it (${reached.o.method} ${reached.v.path})`, [sideOf(at.doc, at.src, 'not documented'), sideOf(sb.doc, sb.src, typeText(sb)), sideOf(reached.v.doc, reached.v.src, `${reached.o.method} ${reached.v.path}`)], [q.name, 'added']));
          continue;
        }
        // A row named by the plural or singular of an old row of the same type that has no row now (beta profile.account →
        // accounts; label d1740, misdescribed before as only "was added", the old row's going unreported where a stale GET
        // still named it): a rename, breaking for a client that reads the old name.
        const was = renameOf(q, tb, ta);
        if (was) {
          const wa = was.sources[0]!;
          out.push(change(this, true, tb.version, subject, `properties.${q.name}`, `${subject}.${was.name} was renamed ${q.name} (same type, ${typeText(sb)}): the old row has no row of its own now`, [sideOf(wa.doc, wa.src, `${was.name}: ${typeText(wa)}`), sideOf(sb.doc, sb.src, `${q.name}: ${typeText(sb)}`)], [q.name, 'added']));
          continue;
        }
        // The new side's type as its row states it, cardinality included (label d694: "String collection", not "String").
        out.push(change(this, false, tb.version, subject, `properties.${q.name}`, `${subject}.${q.name} was added${q.sources.every((x) => x.origin === 'json-representation') ? ' (only as a key of the JSON representation: no table row documents it)' : ''}`, [sideOf(sb.doc, sb.src, typeText(sb)), sideOf(at.doc, at.src, 'not documented')], [q.name, 'added']));
      }
    }
    return out;
  },
};

/** A row's type as it states it, cardinality included. */
const typeText = (x: PropertySource) => `${x.type.name}${x.type.collection ? ' collection' : ''}`;

const ROW = (s: PropertySource) => s.origin === 'resource' || s.origin === 'relationship';

/**
 * The property of `other` that `p` of `t` renames or was renamed from: a table row of `other` named by the plural or
 * singular of `p`'s name, with the same type and cardinality, that `t` has no row for — while `other` has none for `p`.
 */
function renameOf(p: TypeModel['properties'][number], t: TypeModel, other: TypeModel): TypeModel['properties'][number] | undefined {
  const sp = p.sources.find(ROW);
  if (!sp) return undefined;
  const rowIn = (x: TypeModel, name: string) => x.properties.some((y) => y.name.toLowerCase() === name.toLowerCase() && y.sources.some(ROW));
  if (rowIn(other, p.name)) return undefined;
  const one = singular(p.name.toLowerCase());
  return other.properties.find((r) => {
    const sr = r.sources.find(ROW);
    return !!sr && r.name.toLowerCase() !== p.name.toLowerCase() && singular(r.name.toLowerCase()) === one && !rowIn(t, r.name)
      && sr.type.name.toLowerCase() === sp.type.name.toLowerCase() && sr.type.collection === sp.type.collection;
  });
}

/** Do both sources' type cells link to the same page, and the same anchor on it (enums.md#a and enums.md#b are two enums)? */
function sameLinkedPage(a: PropertySource, b: PropertySource): boolean {
  const pa = linkedFile(a.doc.file, a.type.link);
  const anchor = (x: PropertySource) => x.type.link?.split('#')[1]?.toLowerCase() ?? '';
  return pa !== undefined && pa === linkedFile(b.doc.file, b.type.link) && anchor(a) === anchor(b);
}

/**
 * The table row a property only the type's JSON representation names is a spelling of: a Properties or Relationships
 * row whose name ends with the key or the key with it (case aside, the shorter five letters or more): acceptingJobs and
 * isAcceptingJobs, chatViewpoint and viewpoint — not deleted and deletedDateTime (a real key of its own, d102). Or, as
 * json-representation-mismatch pairs them, a row the JSON does not name that is one camel-cased word apart, in front too,
 * or one misspelling away (printerShare's JSON `name` for the row displayName; label d1260, false before: "name was removed").
 */
function jsonAliasOf(p: TypeModel['properties'][number], t: TypeModel): string | undefined {
  if (!p.sources.length || p.sources.some((s) => s.origin !== 'json-representation')) return undefined;
  const key = p.name.toLowerCase();
  for (const r of t.properties) {
    const name = r.name.toLowerCase();
    if (name === key || !r.sources.some((s) => s.origin === 'resource' || s.origin === 'relationship')) continue;
    const [short, long] = key.length <= name.length ? [key, name] : [name, key];
    if (short.length >= 5 && long.endsWith(short)) return r.name;
    if (!r.sources.some((s) => s.origin === 'json-representation') && nameMiss(r.name, p.name, { leading: true, plural: true })) return r.name;
  }
  return undefined;
}

/**
 * The types derived from `base` (same version, documented by a resource page) when there is at least one and each
 * documents property `name` — itself or through a type between it and `base` — with where; undefined otherwise.
 */
function movedToDerived(base: TypeModel, name: string, documented: Map<string, TypeModel>, chain: (name: string, version: string | null) => string[]): { type: TypeModel; source: PropertySource }[] | undefined {
  const b = base.name.toLowerCase();
  const own = (n: string) => documented.get(`${base.version}|${n}`)?.properties.find((x) => x.name.toLowerCase() === name.toLowerCase())?.sources[0];
  const out: { type: TypeModel; source: PropertySource }[] = [];
  for (const t of documented.values()) {
    if (t.version !== base.version) continue;
    const up = chain(t.name, t.version);
    const at = up.indexOf(b);
    if (at <= 0) continue;
    const source = up.slice(0, at).map(own).find((x) => x);
    if (!source) return undefined;
    out.push({ type: t, source });
  }
  return out.length ? out.sort((x, y) => (x.type.name < y.type.name ? -1 : x.type.name > y.type.name ? 1 : 0)) : undefined;
}

/**
 * Does every value of the new primitive type fit the old one, in the same JSON — a String narrowed to a Guid, a date, … (a
 * client that read a string reads it still), or a number to one no wider — in the same cardinality? Then a client typed by
 * the old docs reads every new value: not breaking. undefined when not (a Guid widened to a String, Int32 to Int64: a
 * client typed Guid or Int32 may meet values it cannot hold; labels d149, d189 judged those breaking).
 */
export function narrowedPrimitive(a: { name: string; primitive: boolean; collection: boolean }, b: { name: string; primitive: boolean; collection: boolean }): string | undefined {
  if (!a.primitive || !b.primitive || a.collection !== b.collection) return undefined;
  return fitsPrimitive(b.name, a.name);
}
