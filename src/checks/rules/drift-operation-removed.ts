import { compareStr } from '../../util/order.js';
import { opPage } from '../fixture-pages.js';
import type { ApiModel, TypeModel } from '../../model/types.js';
import type { Document, ExampleRequest, OperationVariant } from '../../model/schema.js';
import { callArguments, pathFitsTemplate } from '../../model/identity.js';
import type { DriftRule } from '../types.js';
import { allVariantsByKey, change, driveItemById, operationsByKey, pageRewrites, sameCallFormIn, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-operation-removed',
  input: 'drift',
  severity: 'error',
  confidence: 'medium',
  contexts: ['drift'],
  summary: 'An operation documented in the old snapshot is documented nowhere in the new one (breaking)',
  description: 'Between two snapshots of a docs tree, an operation (version + method + normalized path) disappeared. Clients that call it break: error in v1.0, warning in beta. Not breaking (info): a page that still calls it in an example (it left the syntax block only), and one whose old permission table said "Not supported" for every permission type (no app could call it as documented). When the new snapshot documents the same path in a longer or shorter form (`/workbook/...` → `/me/drive/items/{id}/workbook/...`; a shorter new form must keep two named segments — a nested call does not become a top-level collection\'s: `/users/{id}/…/contacts` → `/contacts` is orgContact\'s list, another operation; nor is a form whose page documents another type one of its forms: beta `/policies/{id}`, a policy, is not `/identity/conditionalAccess/policies/{id}`, a conditionalAccessPolicy), or the same page now documents an operation the old snapshot did not have (a corrected method, path or key syntax: `/programs(\'{id}\')` → `/programs/{id}`) — not one that only re-cases another of the old page\'s calls whose path the removed one ends with (`/users/{id}/oAuth2Permissiongrants/{id}` beside `/oAuth2Permissiongrants/{id}`, now `/oauth2PermissionGrants/{id}`: the alias was dropped) or one another page already did whose path is the old one with segments inserted, same method (`/groups/{id}/drive/{item-id}` → `/groups/{id}/drive/items/{item-id}`), it is reported as info (not breaking) instead — unless the call\'s named parameters changed with it (`getGroupArchivedPrintJobs(…periodStart, periodEnd)` → `(…startDateTime, endDateTime)`, read from the request line, else the page\'s example): then it is breaking, naming them — and so is a rewrite whose new page carries a note retiring the old path ("has moved from /directory/featureRolloutPolicies to /policies/featureRolloutPolicies … will stop returning data"): the call moved, the note a third side; a page\'s other new form of that call\'s drive item (`…/items/{id}/…` and `…/root:/{item-path}:/…`) is named in the same message. So is an alias path dropped from a page that still documents the same operation (same method and last segment) when a segment of the dropped path is no property of the type reached so far, in both snapshots (`/users/{id}/calendarGroup/calendars`: user has no calendarGroup): a docs correction.',
  example: { before: 'old: GET /widgets/{id} (v1.0/api/widget-get.md)', after: 'new: (no page documents GET /widgets/{id})' },
  fixture: {
    before: { 'old/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}'), 'new/v1.0/api/other.md': opPage('Get gadget', 'GET', '/gadgets/{id}') },
    after: { 'old/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}'), 'new/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check({ old, new: nu }) {
    const a = operationsByKey(old);
    const b = operationsByKey(nu);
    // A removal answered by an addition on the same page is a corrected method, path or key syntax, not a removal.
    const rewritten = pageRewrites(old, nu);
    // Keys each new page documents (its exact file), for aliases dropped from a page that still documents the operation.
    const onFile = new Map<string, string[]>();
    const allNew = allVariantsByKey(nu);
    const allOld = allVariantsByKey(old);
    const newDocs = new Map<string, Document[]>();
    for (const d of nu.documents) {
      const f = d.file.toLowerCase();
      if (!newDocs.has(f)) newDocs.set(f, []);
      newDocs.get(f)!.push(d);
    }
    for (const [k, vs] of allNew) for (const v of vs) {
      const f = `${v.version} ${v.doc.file.toLowerCase()}`;
      if (!onFile.has(f)) onFile.set(f, []);
      if (!onFile.get(f)!.includes(k)) onFile.get(f)!.push(k);
    }
    return [...a.entries()].filter(([k]) => !b.has(k)).map(([k, v]) => {
      // A longer or shorter form whose page documents another type is another operation (label d1696; sameCallFormIn).
      const longer = sameCallFormIn(k, v, b, 'old');
      const other = longer ?? rewritten.get(k);
      if (other) {
        // A rewrite on the same page is shown on that page, not on the new operation's primary page (tablecolumn-range.md's
        // POST …/columns/{id}/range became its GET …/range, which range-get.md also documents; label d1496).
        const w = (longer ? undefined : allNew.get(other)?.find((x) => x.doc.file.toLowerCase() === v.doc.file.toLowerCase())) ?? b.get(other)!;
        // The new page's other form of the call's drive item (…/items/{id}/… and …/root:/{item-path}:/…), new too: named as
        // well — drift-operation-added does not report it (labels d471; d687, d697: a longer form's page gives both).
        const also = (onFile.get(`${w.version} ${w.doc.file.toLowerCase()}`) ?? []).filter((x) => x !== other && !a.has(x) && driveItemById(x) === driveItemById(other));
        // A function whose named parameters changed with the rewrite (getGroupArchivedPrintJobs' periodStart, periodEnd →
        // startDateTime, endDateTime; label d1119, misdescribed as not breaking): a call written against the old page fails.
        const [was, now] = [callParameters(v), callParameters(w)];
        // Renamed, not only fewer or more (an example may pass an optional parameter the request line leaves out).
        const [wasSet, nowSet] = [was, now].map((xs) => new Set(xs.map((x) => x.toLowerCase())));
        const [gone, came] = [was.filter((x) => !nowSet!.has(x.toLowerCase())), now.filter((x) => !wasSet!.has(x.toLowerCase()))];
        const renamed = gone.length && came.length ? ` — its parameters changed: ${gone.join(', ')} → ${came.join(', ')}` : '';
        if (renamed) return change(this, true, v.version, k.slice(k.indexOf(' ') + 1), 'operation.path', `${k} is now documented as ${other.slice(other.indexOf(' ') + 1)}${renamed}`, [sideOf(v.doc, v.operation.src, v.operation.path), sideOf(w.doc, w.operation.src, w.operation.path)], ['rewritten']);
        // Moved, not corrected: the new page's note retires the old path ("has moved from /directory/featureRolloutPolicies to
        // /policies/featureRolloutPolicies … will stop returning data"; label d1929, misdescribed before as a non-breaking
        // rewrite). A call written against the old page stops working.
        const note = retiring(w.doc, v.operation.path);
        if (note) return change(this, true, v.version, k.slice(k.indexOf(' ') + 1), 'operation.path', `${k} moved to ${other.slice(other.indexOf(' ') + 1)}; the new page's note retires the old path: "${note.text}"`, [sideOf(v.doc, v.operation.src, v.operation.path), sideOf(w.doc, w.operation.src, w.operation.path), sideOf(w.doc, note.src, note.text)], ['rewritten']);
        return change(this, false, v.version, k.slice(k.indexOf(' ') + 1), 'operation.path', `${k} is now documented as ${other.slice(other.indexOf(' ') + 1)}${also.map((x) => ` and as ${x.slice(x.indexOf(' ') + 1)}`).join('')} (same operation, other ${longer ? 'path form' : 'method, path or key syntax on the same page'})`, [sideOf(v.doc, v.operation.src, v.operation.path), sideOf(w.doc, w.operation.src, w.operation.path)], ['rewritten']);
      }
      // An alias dropped from a page that still documents the operation, whose path no type of either
      // snapshot resolves (/users/{id}/calendarGroup/…: user has no calendarGroup property): a docs correction
      // (the same change, described and flagged otherwise: its fingerprint is the removal's).
      const still = (onFile.get(`${v.version} ${v.doc.file.toLowerCase()}`) ?? []).filter((o) => o !== k && sameOperation(k, o));
      const bad = still.length ? unresolvedSegment(k, nu) : undefined;
      if (bad && unresolvedSegment(k, old)?.segment === bad.segment) {
        const near = fewestExtra(k, still);
        const w = allNew.get(near)!.find((x) => x.doc.file.toLowerCase() === v.doc.file.toLowerCase())!;
        return change(this, false, v.version, k.slice(k.indexOf(' ') + 1), 'operation', `${k} was removed from ${v.doc.file}, which still documents ${near.slice(near.indexOf(' ') + 1)}; its segment "${bad.segment}" is no property of ${bad.type} (a docs correction of a path that does not resolve)`, [sideOf(v.doc, v.operation.src, 'documented'), sideOf(w.doc, w.operation.src, w.operation.path)]);
      }
      const subject = k.slice(k.indexOf(' ') + 1);
      // The page that documented it still sends it in an example (`GET …/education/me/assignments` under a syntax block that
      // kept only /education/users/{id}/assignments): the operation is still documented there, not removed.
      const shown = exampleCalling(v, newDocs);
      if (shown) {
        return change(this, false, v.version, subject, 'operation', `${k} is no longer in the HTTP request syntax of ${shown.doc.file}, but that page's example still calls it (${shown.request.method} ${shown.request.path})`, [sideOf(v.doc, v.operation.src, 'documented'), sideOf(shown.doc, shown.request.src, `${shown.request.method} ${shown.request.path}`)]);
      }
      // Every page that documented it said no permission type supports it ("Not supported." in each row): per the old
      // docs no app could call it, so dropping it breaks none.
      const olds = allOld.get(k) ?? [v];
      if (olds.every(notCallable)) {
        return change(this, false, v.version, subject, 'operation', `${k} was removed; the old page's permissions said "Not supported" for every permission type, so as documented it could not be called`, [sideOf(v.doc, (v.permissions ?? v.doc.permissions)!.src, 'not supported for every permission type')]);
      }
      return change(this, true, v.version, subject, 'operation', `${k} was removed`, [sideOf(v.doc, v.operation.src, 'documented')]);
    });
  },
};

/**
 * The named parameters of the function a variant calls, sorted: from its request line, else from its page's example
 * requests that call the same function (the 2020-05 print report pages wrote none in the request line).
 */
function callParameters(v: OperationVariant): string[] {
  const sorted = (xs: string[]) => [...xs].sort((p, r) => compareStr(p.toLowerCase(), r.toLowerCase()));
  const own = callArguments(v.operation.path);
  if (own.names.length) return sorted(own.names);
  const fn = own.fn.toLowerCase();
  const x = v.doc.examples.requests.filter((r) => r.method.toUpperCase() === v.operation.method.toUpperCase()).map((r) => callArguments(r.path))
    .find((c) => c.fn.toLowerCase() === fn && c.names.length);
  return x ? sorted(x.names) : [];
}

/**
 * The page's retirement note when it names the path's leading named segments — two at least, up to its first parameter
 * (`/directory/featureRolloutPolicies` of `/directory/featureRolloutPolicies/{id}`); undefined otherwise.
 */
function retiring(doc: Document, path: string): Document['retirement'] {
  const note = doc.retirement;
  if (!note) return undefined;
  const lead: string[] = [];
  for (const s of path.split('?')[0]!.split('/').filter(Boolean)) {
    if (s.startsWith('{') || /[(:]/.test(s)) break;
    lead.push(s.toLowerCase());
  }
  return lead.length >= 2 && note.text.toLowerCase().replace(/`/g, '').includes(`/${lead.join('/')}`) ? note : undefined;
}

/** A permission table whose every row says "Not supported." (a variant's narrowed rows, else its page's). */
function notCallable(v: OperationVariant): boolean {
  const p = v.permissions ?? v.doc.permissions;
  return p?.state === 'table' && p.entries.length > 0 && p.entries.every((e) => e.state === 'not-supported');
}

/** An example request on the variant's page in the new snapshot (same file, same version) that calls its operation (same method, path fits). */
function exampleCalling(v: OperationVariant, byFile: Map<string, Document[]>): { doc: Document; request: ExampleRequest } | undefined {
  for (const doc of byFile.get(v.doc.file.toLowerCase()) ?? []) {
    const request = doc.examples.requests.find((r) => r.method.toUpperCase() === v.operation.method.toUpperCase() && (r.version ?? v.version) === v.version && pathFitsTemplate(r.path, v.operation.path));
    if (request) return { doc, request };
  }
  return undefined;
}

/** The candidate with the most literal segments in common and the fewest others (ties: alphabetical). */
function fewestExtra(k: string, cands: string[]): string {
  const segs = (x: string) => x.split(' ')[2]!.toLowerCase().split('/').filter((y) => y && !y.startsWith('{'));
  const mine = new Set(segs(k));
  const score = (o: string) => segs(o).reduce((n, x) => n + (mine.has(x) ? 1 : -1), 0);
  return [...cands].sort((u, w) => score(w) - score(u) || (u < w ? -1 : u > w ? 1 : 0))[0]!;
}

/** Same method, same last literal segment (…/calendarGroup/calendars/{id}/events and …/calendars/{id}/events). */
function sameOperation(k: string, o: string): boolean {
  const [, m, p] = k.split(' ');
  const [, om, op] = o.split(' ');
  const last = (x: string) => x.split('/').filter((y) => y && !y.startsWith('{')).pop()?.toLowerCase();
  return m === om && last(p!) === last(op!);
}

/**
 * The first segment of an operation's path that is no property of the type reached so far, walking the
 * documented types from the entity set (`users` → user, `calendarGroup` → ?). Undefined when the path
 * resolves or cannot be judged (an unknown entity set or type, a function or cast segment).
 */
export function unresolvedSegment(key: string, m: ApiModel): { segment: string; type: string } | undefined {
  const [version, , path] = key.split(' ');
  const types = new Map<string, TypeModel>();
  for (const t of m.types) if (t.version === version && t.sources.some((s) => s.origin === 'resource')) types.set(t.name.toLowerCase(), t);
  const segs = path!.split('/').filter((x) => x && !x.startsWith('{'));
  const set = segs.shift()?.toLowerCase() ?? '';
  let cur = types.get(set.replace(/s$/, ''));
  for (const seg of segs) {
    if (!cur) return undefined;
    if (/[.()$]/.test(seg)) return undefined;
    const prop = propertyOf(cur, seg.toLowerCase(), types);
    if (!prop) return { segment: seg, type: cur.name };
    cur = prop.sources[0]?.type.primitive ? undefined : types.get(prop.sources[0]?.type.name.toLowerCase() ?? '');
  }
  return undefined;
}

function propertyOf(t: TypeModel, name: string, types: Map<string, TypeModel>): TypeModel['properties'][number] | undefined {
  const seen = new Set<string>();
  for (let cur: TypeModel | undefined = t; cur && !seen.has(cur.name.toLowerCase()); cur = cur.baseType ? types.get(cur.baseType.name.toLowerCase()) : undefined) {
    seen.add(cur.name.toLowerCase());
    const p = cur.properties.find((x) => x.name.toLowerCase() === name);
    if (p) return p;
  }
  return undefined;
}
