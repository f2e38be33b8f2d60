import { opPage, resourcePage, responseSection } from '../fixture-pages.js';
import type { ApiModel, Document, PropertySource } from '../../model/schema.js';
import { linkedFile } from '../../util/link.js';
import { counterpartFile } from '../../model/identity.js';
import { baseChains, typeNamer, type TypeNamer } from '../type-relations.js';
import type { FindingDraft, ModelRule } from '../types.js';
import { isLive } from '../page-finding.js';
import { sideOf } from '../types.js';
import { endsWithName } from '../../util/words.js';

/** What a Methods table's return-type cell says: nothing, one type or a collection of one, or something else (prose, two types). */
export type MethodsReturn = { kind: 'none' } | { kind: 'type'; name: string; collection: boolean } | { kind: 'other' };

/**
 * "None", "No Content" → none; "[user](user.md) collection", "Collection of [user]", "Collection([user])", "user[]",
 * "microsoft.graph.ediscovery.case", "A collection of the requested, derived type of [place]" → the type, collection or not;
 * anything else (a description in the wrong column, "user or group", "Stream of a CSV file", a format: "JSON") → other.
 */
export function readMethodsReturn(text: string): MethodsReturn {
  let s = text.replace(/[`*]/g, '').trim().replace(/\.$/, '').trim();
  if (/^(?:none|no content|nothing|void|n\/a|-|—|204 no content)$/i.test(s)) return { kind: 'none' };
  let collection = /\[\]|\bcollection\s*\(/i.test(s);
  // Word by word (no pattern anchored at the end of the cell: those are polynomial on runs of spaces).
  s = s.replace(/\[\]|[()]/g, ' ').replace(/^(?:the\s+)?(?:requested,?\s+)?derived\s+type\s+of\s+/i, '');
  const words = s.split(/\s+/).filter((w) => w !== '');
  const lead = (w: string | undefined) => (w ?? '').toLowerCase();
  if (lead(words[0]) === 'a' || lead(words[0]) === 'an') words.shift();
  if ((lead(words[0]) === 'collection' || lead(words[0]) === 'array') && lead(words[1]) === 'of') { collection = true; words.splice(0, 2); }
  else if (lead(words[0]) === 'collection' && words.length > 1) { collection = true; words.shift(); }
  // "the requested, derived type of [place]" after "a collection of": the type or one derived from it (which agrees anyway).
  if (lead(words[0]) === 'the' && lead(words[1]).startsWith('requested') && lead(words[2]) === 'derived' && lead(words[3]) === 'type' && lead(words[4]) === 'of') words.splice(0, 5);
  for (let w = lead(words.at(-1)); words.length > 1 && /^(?:collection|objects?|resources?)$/.test(w); w = lead(words.at(-1))) {
    if (w !== 'object' && w !== 'resource') collection = true;
    words.pop();
  }
  const name = words.length === 1 ? words[0]! : '';
  // A format is no type: "JSON" (validateProperties' row, whose call answers 204 on success and a JSON list of errors on a
  // 422) says nothing of which body the call returns.
  if (!/^[A-Za-z][\w.]*$/.test(name) || FORMATS.has(name.toLowerCase())) return { kind: 'other' };
  return { kind: 'type', name: name.slice(name.lastIndexOf('.') + 1), collection };
}

/** Names of formats, which a return-type cell may give instead of a type. */
const FORMATS = new Set(['json', 'xml', 'csv', 'html', 'text']);

/**
 * The types the resource pages give the property an operation page's request lines end in (`GET /users/{id}/joinedTeams` →
 * user.joinedTeams: team): a row of a Properties or Relationships table (not a property known from a request line only),
 * of a type of the page's version that has a property of that name.
 */
function navigationRows(model: ApiModel, op: Document): NavRow[] {
  const byName = propertyRows(model);
  const out: NavRow[] = [];
  for (const o of op.operations) {
    const last = o.fromExample ? undefined : o.path.split('/').filter((x) => x && !x.startsWith('{')).pop();
    for (const r of (last && byName.get(`${op.apiVersion.value}|${last.toLowerCase()}`)) || []) if (!out.includes(r)) out.push(r);
  }
  return out;
}

/** A Properties or Relationships row: its type's name, the property, the type it gives it and where it says so. */
interface NavRow { owner: string; name: string; type: string; collection: boolean; doc: Document; src: PropertySource['src'] }

/** Per model: version|lower-case property name → the table rows that give a property of that name its type. */
const propertyRowsOf = new WeakMap<ApiModel, Map<string, NavRow[]>>();
function propertyRows(model: ApiModel): Map<string, NavRow[]> {
  let m = propertyRowsOf.get(model);
  if (m) return m;
  m = new Map();
  for (const t of model.types) for (const p of t.properties) for (const x of p.sources) {
    if (x.origin !== 'resource' && x.origin !== 'relationship') continue;
    const k = `${t.version}|${p.name.toLowerCase()}`;
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push({ owner: t.name, name: p.name, type: x.type.name, collection: x.type.collection, doc: x.doc, src: x.src });
  }
  propertyRowsOf.set(model, m);
  return m;
}

const shape = (name: string, collection: boolean): string => (collection ? `a collection of ${name}` : `one ${name}`);

export const rule: ModelRule = {
  id: 'methods-return-type-differs',
  input: 'model',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['tree'],
  summary: 'A resource page\'s Methods table states another return type than the page its row links to',
  description: 'The Return type column of a resource page\'s Methods table repeats what each operation returns; the operation page its row links to states the response in its Response section. The two disagree: another type (neither derives from the other; a name is the model\'s type of that name or singular, else the type of the page its link leads to), one object against a collection, "None" against a response body, or a type against a page that says the response has no body. Another type, and "None" against a body, are warnings; one object against a collection of the same type (a row that left out "collection") and a type against no body (often an Update row naming its resource where the call answers 204) are info. Rows whose cell is no type name (prose, two types, a format such as "JSON"), rows that link to a section of a page (`#anchor`) and pages whose Response section states no type, describes the body only in prose, or states a body and no body (two cases; also a page that says no body and shows one in an example for another case) are not compared; a type name glued to \"collection\" (\"[educationAssignment](…)collection\") is a collection of it. When the operation page\'s own example responses answer as the table says and not as the Response section does, the finding names the Response section as what to mend — unless the Response section says the response has no body and the other version\'s page of the call says so too (two Response sections against one example), or, where the page and the table name a type each, the property the call\'s path ends in, as the resource pages type it (user.joinedTeams: team collection), agrees with the Response section and not with the table: a stale example annotation is outvoted, and the finding only states the disagreement. One object against a collection of the same type, on a page of GETs: when every table row giving the property the request path ends in its type agrees with the Methods table (driveItem.analytics, listItem.analytics, site.analytics: one itemAnalytics), the finding names the Response section as what to mend, with that row as a side; so it does when the table says one object and the Response section a collection on a page whose every request line is a GET ending in a key (chat-get.md: `GET /chats/{chat-id}`, "a collection of [chat]"), with the request line as a side. When another row of the table, named as the linked page\'s title, links the same page, and this row names what that title does not ("List scoped-role members" beside "List members", both linking directoryrole-list-members.md; "Update policySet" beside "update action"), the finding names the row\'s link as what to mend, with the other row as a side; two rows of one operation ("List tabs" beside "List tabs in channel") are still a return type to mend.',
  example: {
    before: 'widget.md: | [List widgets](../api/widget-list.md) | [widget](widget.md) | … |\nwidget-list.md: returns … a collection of [widget](../resources/widget.md) objects',
    after: 'widget.md: | [List widgets](../api/widget-list.md) | [widget](widget.md) collection | … |',
  },
  fixture: {
    before: {
      'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||'], '\n## Methods\n\n|Method|Return type|Description|\n|:--|:--|:--|\n|[List widgets](../api/widget-list.md)|[widget](widget.md)|x|\n'),
      'v1.0/api/widget-list.md': opPage('List widgets', 'GET', '/widgets', responseSection('If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.')),
    },
    after: {
      'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||'], '\n## Methods\n\n|Method|Return type|Description|\n|:--|:--|:--|\n|[List widgets](../api/widget-list.md)|[widget](widget.md) collection|x|\n'),
      'v1.0/api/widget-list.md': opPage('List widgets', 'GET', '/widgets', responseSection('If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.')),
    },
  },
  check({ model, pages }) {
    const byFile = new Map<string, Document>();
    for (const p of pages) byFile.set(p.file.toLowerCase(), p);
    const namer = typeNamer(model);
    const chain = baseChains(model);
    const out: FindingDraft[] = [];
    for (const p of pages) {
      if (!p.resource?.methods.length) continue;
      for (const m of p.resource.methods) {
        if (!m.target || !m.returnType || m.target.includes('#')) continue;
        const target = linkedFile(p.file, m.target);
        const op = target === undefined ? undefined : byFile.get(target);
        const r = op?.kind === 'operation' ? op.response : undefined;
        if (!op || !r) continue;
        let said = readMethodsReturn(m.returnType);
        if (said.kind === 'other') continue;
        // "[educationAssignment](…)collection": the word glued to the link's text.
        if (said.kind === 'type' && said.name.endsWith('collection') && said.name.length > 10 && !namer.named(said.name)) {
          const name = said.name.slice(0, -'collection'.length);
          if (namer.named(name)) said = { kind: 'type', name, collection: true };
        }
        // A Response section that states a body type and no body too (several cases: "a `200 OK` … and an updated [printer]",
        // then "`204 No content`" for another payload) is not compared.
        if (r.noBody && (r.bodyType || r.bodyDescribed)) continue;
        const bt = r.bodyType;
        if (!r.noBody && !bt) continue;
        const opBase = op.file.slice(op.file.lastIndexOf('/') + 1).toLowerCase().replace(/[^a-z0-9]/g, '');
        const related = (a: string, b: string): boolean => {
          const ca = chain(a, p.apiVersion.value), cb = chain(b, op.apiVersion.value);
          if (a.toLowerCase() === b.toLowerCase() || ca.includes(b.toLowerCase()) || cb.includes(a.toLowerCase())) return true;
          // A derived type's name ends with its base's ("userScopeTeamsAppInstallation", whose annotation says entity where its
          // prose inherits from teamsAppInstallation); a page about a base type ("identityproviderbase-get.md") answers with
          // any type derived from it.
          if (endsWithName(a, b) || endsWithName(b, a)) return true;
          return ca.some((x) => x !== 'entity' && cb.includes(x) && opBase.includes(x));
        };
        // Each side's type by its name and by the page its link leads to: either reading agrees (a wrong link is no other type).
        const mine = said.kind === 'type' ? readings(namer, said.name, p.file, m.returnLink) : [];
        const theirs = bt ? readings(namer, bt.name, op.file, bt.link) : [];
        for (const alt of bt?.alternatives ?? []) theirs.push(...readings(namer, alt, op.file, undefined));
        const prose = bt ? shape(theirs[0]!, bt.collection) : 'no body';
        let kind: 'none' | 'no-body' | 'collection' | 'type';
        if (said.kind === 'none') {
          if (!bt) continue;
          kind = 'none';
        } else if (!bt) kind = 'no-body';
        else {
          const sameType = mine.some((a) => theirs.some((b) => related(a, b)));
          // Another type is claimed only between types the model knows: "Stream" against an unread prose type is no claim.
          const known = (l: string[]) => l.some((x) => namer.named(x) !== undefined);
          if (!sameType && (!known(mine) || !known(theirs))) continue;
          if (sameType && said.collection === bt.collection) continue;
          kind = sameType ? 'collection' : 'type';
        }
        const table = said.kind === 'none' ? `nothing (${m.returnType})` : shape(mine[0]!, said.collection);
        const opAt = bt?.src ?? r.statuses.find((x) => x.code === 204)?.src ?? r.src;
        const severity: 'warning' | 'info' = kind === 'none' || kind === 'type' ? 'warning' : 'info';
        const base = { rule: this.id, severity, context: 'tree' as const, subject: p.file, field: `methods.${m.target}.returnType`, args: [m.target, kind] };
        // The page's own example answers as the table says and not as its Response section does: the prose is what to mend.
        const ex = op.examples.responses.filter(isLive).filter((x) => x.statusLine.code !== null && x.statusLine.code < 300);
        const exSays = (x: (typeof ex)[number]): 'none' | { name: string; collection: boolean } | undefined =>
          x.statusLine.code === 204 || (!x.body && x.statusLine.code !== null) ? 'none' : x.odataType ? { name: x.odataType.name, collection: exampleIsCollection(x) } : undefined;
        const agrees = (s: ReturnType<typeof exSays>, withTable: boolean): boolean => {
          if (s === undefined) return false;
          const want = withTable ? (said.kind === 'none' ? 'none' : { names: mine, collection: said.collection }) : (bt ? { names: theirs, collection: bt.collection } : 'none');
          if (s === 'none' || want === 'none') return s === want;
          return s.collection === want.collection && want.names.some((n) => related(n, s.name));
        };
        // The type the property the call's path ends in has on its resource page (user.joinedTeams: team collection) is a second
        // word for the Response section: when it agrees with the prose and not with the table, an example annotation that agrees
        // with the table (user-list-joinedteams' stale "@odata.type": "microsoft.graph.group") is outvoted (label r1832).
        // Only between two types: the navigation's type says nothing of whether a call answers with a body (an Update of
        // …/userAttributeAssignments/{id} answering 204 as its table's "None" says; label r1465).
        const nav = bt && (kind === 'type' || kind === 'collection') ? navigationRows(model, op) : [];
        const navTypes = [...new Set(nav.map((n) => n.type))];
        const outvoted = navTypes.length > 0 && navTypes.every((n) => theirs.some((b) => related(n, b))) && !navTypes.some((n) => mine.some((a) => related(a, n)));
        // A Response section saying no body that the other version's page says too (channel-patch.md's 204 in v1.0 and beta),
        // against an example with a body: the example is as likely what to mend (labels o1198, r1624, r1792). Only for "no
        // body": between two types or one object and a collection, the pages are copies of one text, and the example that
        // sides with the table has been right (r1788, r1838, r1867, r1871).
        const twinFile = kind === 'no-body' ? counterpartFile(op.file) : undefined;
        const twin = twinFile === undefined ? undefined : byFile.get(twinFile.toLowerCase());
        const seconded = twin?.kind === 'operation' && !!twin.response?.noBody && !twin.response.bodyType;
        const examplesBack = !outvoted && ex.length > 0 && ex.every((x) => agrees(exSays(x), true) && !agrees(exSays(x), false));
        const backing = examplesBack && !seconded ? ex[0] : undefined;
        // A page that says no body and whose examples show one for another case ("with requiresReview=true … a `201 Created`
        // … in the response body"): two outcomes, as when the Response section states both.
        if (kind === 'no-body' && !examplesBack && ex.some((x) => x.statusLine.code !== 204 && x.body?.json !== undefined)) continue;
        const bodyWords = kind === 'none' ? `${prose} in the response body` : kind === 'no-body' ? 'the response has no body' : prose;
        // One object against a collection of the same type, on a page of GETs: what a GET of a navigation property returns is
        // that property's cardinality. When every row giving the property the path ends in its type agrees with the table
        // (driveItem.analytics, listItem.analytics, site.analytics: one itemAnalytics), the Response section is what to
        // mend (itemanalytics-get.md's "a collection of [itemAnalytics]"; label o1165).
        const gets = op.operations.filter((o) => !o.fromExample);
        // Every request line ends in the property's own segment: `…/alerts/{id}` answers with one item of the collection.
        const navBacking = !backing && kind === 'collection' && said.kind === 'type' && nav.length > 0 && gets.length > 0 && gets.every((o) => o.method === 'GET' && !/\}\)?$/.test(o.path))
          && nav.every((n) => n.collection === said.collection && mine.some((a) => related(a, n.type))) ? nav[0] : undefined;
        if (navBacking) {
          out.push({
            ...base,
            message: `${op.file}'s Response section says it returns ${bodyWords}, but the property its request path ends in is ${shape(navBacking.type, navBacking.collection)} (${[...new Set(nav.map((n) => `${n.owner}.${n.name}`))].join(', ')}), as the Methods table of ${p.file} says ("${m.text}" returns ${table}): the Response section is what to mend`,
            sides: [sideOf(op, opAt, prose), sideOf(navBacking.doc, navBacking.src, `${navBacking.owner}.${navBacking.name}: ${shape(navBacking.type, navBacking.collection)}`), sideOf(p, m.returnSrc ?? m.src, m.returnType)],
          });
          continue;
        }
        // One object in the table, a collection in the Response section, on a page whose every request line is a GET ending in
        // a key (chat-get.md: `GET /chats/{chat-id}`, "a collection of [chat]"; its example's annotation names another type):
        // a GET of one key answers with one object — the Response section is what to mend (label o1522).
        const keyed = !backing && kind === 'collection' && said.kind === 'type' && !said.collection && bt!.collection && gets.length > 0 && gets.every((o) => o.method === 'GET' && /\}$/.test(o.path)) ? gets[0] : undefined;
        if (keyed) {
          out.push({
            ...base,
            message: `${op.file}'s Response section says it returns ${bodyWords}, but the page's request ${gets.length > 1 ? 'lines each end' : 'line ends'} in a key (${keyed.method} ${keyed.path}): one object, as the Methods table of ${p.file} says ("${m.text}" returns ${table}): the Response section is what to mend`,
            sides: [sideOf(op, opAt, prose), sideOf(op, keyed.src, `${keyed.method} ${keyed.path}`), sideOf(p, m.returnSrc ?? m.src, m.returnType)],
          });
          continue;
        }
        if (backing) {
          out.push({
            ...base,
            message: `${op.file}'s Response section says ${kind === 'no-body' ? bodyWords : `it returns ${bodyWords}`}, but its example response (${backing.statusLine.raw || 'line ' + backing.src.line}) answers as the Methods table of ${p.file} says ("${m.text}" returns ${table}): the Response section is what to mend`,
            sides: [sideOf(op, opAt, prose), sideOf(op, backing.src, backing.statusLine.raw), sideOf(p, m.returnSrc ?? m.src, m.returnType)],
          });
          continue;
        }
        const verb = kind === 'no-body' ? `says ${bodyWords}` : `returns ${bodyWords}`;
        // Another row of the table, named as the page's title, links the same page, and this row names what the title does
        // not ("List scoped-role members" and "List members" both link directoryrole-list-members.md, "List members"; label
        // o1446, misdescribed as a return type to mend): the row's link is what is wrong. Not a row whose words the title
        // holds ("List tabs" beside "List tabs in channel", both linking channel-list-tabs.md: one operation listed twice).
        const title = op.title.h1?.value ?? op.title.frontMatter?.value;
        const words = (x: string) => x.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
        const titleWords = new Set(words(title ?? '').split(' '));
        const namesMore = words(m.text).split(' ').some((w) => !titleWords.has(w));
        const twinRow = title && namesMore ? p.resource.methods.find((x) => x !== m && x.target && !x.target.includes('#') && linkedFile(p.file, x.target) === target && words(x.text) === words(title)) : undefined;
        if (twinRow) {
          out.push({ ...base, message: `the Methods table of ${p.file} links "${m.text}" (returns ${table}) to ${op.file}, the page of "${title}", which the row "${twinRow.text}" links too and which ${verb}: the row's link is what to mend`, sides: [sideOf(p, m.src, m.text), sideOf(p, twinRow.src, twinRow.text), sideOf(op, opAt, prose)] });
          continue;
        }
        out.push({ ...base, message: `the Methods table of ${p.file} says "${m.text}" returns ${table}, but ${op.file} ${verb}${kind === 'type' ? ': another type' : ''}`, sides: [sideOf(p, m.returnSrc ?? m.src, m.returnType), sideOf(op, opAt, prose)] });
      }
    }
    return out;
  },
};

/** The names a type written with a link may be: the model's type of that name, the linked page's type, else the name as written. */
function readings(namer: TypeNamer, name: string, fromFile: string, link: string | undefined): string[] {
  const out: string[] = [];
  const n = namer.named(name);
  if (n) out.push(n);
  const l = namer.linked(fromFile, link);
  if (l && l !== n) out.push(l);
  if (!out.length) out.push(name);
  return out;
}

/** An example response annotated as a collection (`Collection(…)`, `"isCollection": true`), or whose JSON body holds a `value` array. */
function exampleIsCollection(x: Document['examples']['responses'][number]): boolean {
  if (x.odataType?.collection) return true;
  const j = x.body?.json;
  return !!j && typeof j === 'object' && !Array.isArray(j) && Array.isArray((j as Record<string, unknown>).value);
}
