/**
 * Pairing the two snapshots of a drift check, and the severity of a change: breaking changes
 * (narrowing what a request may send, widening what a response returns, removing anything)
 * are errors in v1.0 and one level lower in beta; other changes are info.
 */
import type { ApiVersion, Severity } from '../model/schema.js';
import type { ApiModel, EnumModel, OperationVariant, TypeModel } from '../model/types.js';
import type { FindingDraft, Side } from './types.js';
import { sideOf } from './types.js';
import { successStatuses as success } from '../model/status.js';

export function driftSeverity(breaking: boolean, version: ApiVersion): Severity {
  if (!breaking) return 'info';
  return version === 'v1.0' ? 'error' : 'warning';
}

/**
 * The page that stands for each version + operation key: the model's primary variant (the page
 * on the operation's own resource, see PRIMARY_POLICY) — never simply the first in path order,
 * which compared GET /users with user-list-manager.md.
 */
export function operationsByKey(m: ApiModel): Map<string, OperationVariant> {
  const out = new Map<string, OperationVariant>();
  for (const g of m.operations) {
    for (const v of [...g.variants.filter((x) => x.primary), ...g.variants]) {
      const k = `${v.version} ${g.key}`;
      if (!out.has(k)) out.set(k, v);
    }
  }
  return out;
}

/** Every page documenting each version + operation key (an Intune shared page split per workload is several). */
export function allVariantsByKey(m: ApiModel): Map<string, OperationVariant[]> {
  const out = new Map<string, OperationVariant[]>();
  for (const g of m.operations) for (const v of g.variants) {
    const k = `${v.version} ${g.key}`;
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(v);
  }
  return out;
}

/**
 * The old and new page compared for each version + operation key documented in both snapshots.
 * When an operation has several pages, the same file in both snapshots is compared (a stale stub
 * the old tree also had, e.g. photo-get.md beside profilephoto-get.md, is not compared with
 * another page): the old primary's file if the new snapshot documents the operation there, else
 * the new primary's file if the old snapshot did; otherwise the two primaries.
 */
export function pairedOperations(old: ApiModel, nu: ApiModel): Map<string, [OperationVariant, OperationVariant]> {
  const pa = operationsByKey(old);
  const pb = operationsByKey(nu);
  const va = allVariantsByKey(old);
  const vb = allVariantsByKey(nu);
  const onFile = (vs: OperationVariant[] | undefined, file: string) => vs?.find((v) => v.doc.file.toLowerCase() === file.toLowerCase());
  const out = new Map<string, [OperationVariant, OperationVariant]>();
  for (const [k, a] of pa) {
    const b = pb.get(k);
    if (!b) continue;
    const sameAsOld = onFile(vb.get(k), a.doc.file);
    const sameAsNew = onFile(va.get(k), b.doc.file);
    out.set(k, sameAsOld ? [a, sameAsOld] : sameAsNew ? [sameAsNew, b] : [a, b]);
  }
  return out;
}

/** Success statuses (1xx–3xx) a Response section states: an added error code is not a changed success status. */
export function successStatuses(v: OperationVariant): number[] {
  return success(v.doc.response?.statuses).map((s) => s.code);
}

export function typesByKey(m: ApiModel): Map<string, TypeModel> {
  return new Map(m.types.map((t) => [`${t.version} ${t.namespace.toLowerCase()}.${t.name.toLowerCase()}`, t] as const));
}

export function enumsByKey(m: ApiModel): Map<string, EnumModel> {
  return new Map(m.enums.map((e) => [`${e.version} ${e.namespace.toLowerCase()}.${e.name.toLowerCase()}`, e] as const));
}

/** Types defined by resource pages only (request-body-only types are not an API surface to diff). */
export function isDocumentedType(t: TypeModel): boolean {
  return t.sources.some((s) => s.origin === 'resource');
}

export function change(
  rule: { id: string }, breaking: boolean, version: ApiVersion, subject: string, field: string, message: string, sides: Side[], args: string[] = [],
): FindingDraft {
  return { rule: rule.id, severity: driftSeverity(breaking, version), context: 'drift', subject: `${version} ${subject}`, field, message, sides, args, breaking };
}

export { sideOf };
export { typePage } from '../model/type-lookup.js';

/**
 * An operation key whose path the other snapshot documents in a longer form
 * (`/workbook/...` → `/users/{}/drive/items/{}/workbook/...`): the same operation, re-documented.
 */
export function longerFormIn(key: string, others: ReadonlyMap<string, unknown>, keyFrom: 'old' | 'new'): string | undefined {
  const [version, method, path] = key.split(' ');
  for (const k of others.keys()) {
    const [v, m, p] = k.split(' ');
    if (v !== version || m !== method || p === path || !(p!.endsWith(path!) || path!.endsWith(p!))) continue;
    // A resource moves under a new root (/agreements → /identityGovernance/termsOfUse/agreements), but a nested call
    // does not become a top-level collection's: /users/{id}/…/contacts → /contacts (orgContact), /connectorGroups/{id}/
    // applications → /applications are other operations. A new form shorter than the old one must keep two named segments.
    const [older, newer] = keyFrom === 'old' ? [path!, p!] : [p!, path!];
    if (newer.length < older.length && namedSegments(newer) < 2) continue;
    return k;
  }
  return undefined;
}

/**
 * longerFormIn, for a variant: the other snapshot's form of its call, unless the pages document the two for different types —
 * then it is another operation (beta /policies/{id}, a policy, and /identity/conditionalAccess/policies/{id}, a
 * conditionalAccessPolicy: label d1696; v1.0 /print/shares/{id}, a printerShare, and /shares/{id}, a sharedDriveItem).
 */
export function sameCallFormIn(key: string, v: OperationVariant, others: ReadonlyMap<string, OperationVariant>, keyFrom: 'old' | 'new'): string | undefined {
  const form = longerFormIn(key, others, keyFrom);
  if (!form) return undefined;
  const [t, u] = [v.documentedType?.name, others.get(form)?.documentedType?.name];
  return t && u && t.toLowerCase() !== u.toLowerCase() ? undefined : form;
}

/** The literal (not `{parameter}`) segments of a path. */
function namedSegments(path: string): number {
  return path.split('/').filter((s) => s && !s.startsWith('{')).length;
}

/**
 * Operations the old snapshot documents and the new one does not, answered on the same page by one the page did
 * not document in the old snapshot (a corrected method, path or key syntax: POST …/HeaderRowRange → GET
 * …/headerRowRange; PATCH /groups/{id}/drive/{item-id} → PATCH /groups/{id}/drive/items/{item-id}, which another
 * page of the old snapshot already documented): removed key → the key most like it. Computed once for the two
 * rules that consume it: drift-operation-removed reports the change once, as a rewrite, and drift-operation-added
 * does not report its new form as an addition. A path the new snapshot documents in a longer or shorter form is not
 * a rewrite (longerFormIn).
 */
export function pageRewrites(old: ApiModel, nu: ApiModel): Map<string, string> {
  const a = operationsByKey(old);
  const b = operationsByKey(nu);
  const before = new Set<string>();
  // Each old page's keys, lower-cased: a new key that only re-cases one of them is that call, not a rewrite of another.
  const oldOnPage = new Map<string, Set<string>>();
  for (const [k, vs] of allVariantsByKey(old)) for (const v of vs) {
    const f = pageKey(v.version, v.doc.file);
    before.add(`${f}\n${k}`);
    if (!oldOnPage.has(f)) oldOnPage.set(f, new Set());
    oldOnPage.get(f)!.add(k.toLowerCase());
  }
  const added = new Map<string, string[]>();
  for (const [k, vs] of allVariantsByKey(nu)) {
    for (const v of vs) {
      const f = pageKey(v.version, v.doc.file);
      if (before.has(`${f}\n${k}`)) continue;
      if (!added.has(f)) added.set(f, []);
      if (!added.get(f)!.includes(k)) added.get(f)!.push(k);
    }
  }
  const out = new Map<string, string>();
  for (const [k, v] of a) {
    if (b.has(k) || longerFormIn(k, b, 'old')) continue;
    // A key the old snapshot already documented on another page answers only as a path that gained segments,
    // same method (…/drive/{item-id} → …/drive/items/{item-id}); not as another resource's call (/chats/… → /teams/…).
    // A key that re-cases another of the old page's calls is that call (oauth2permissiongrant-update.md: `/oAuth2Permissiongrants/{id}`
    // → `/oauth2PermissionGrants/{id}`), not what became of an alias of it: `/users/{id}/oAuth2Permissiongrants/{id}`, whose path
    // ends with it, was dropped (label d870).
    const droppedAlias = (o: string) => o.toLowerCase() !== k.toLowerCase() && !!oldOnPage.get(pageKey(v.version, v.doc.file))?.has(o.toLowerCase()) && endsWithPath(k, o);
    const onPage = (added.get(pageKey(v.version, v.doc.file)) ?? []).filter((o) => o.split(' ')[0] === k.split(' ')[0] && (!a.has(o) || insertedSegments(k, o)) && !droppedAlias(o));
    if (onPage.length) out.set(k, closest(k, onPage));
  }
  return out;
}

/** The literal segments of an operation key's path (`v1.0 GET /users/{id}/events` → users, events), lower-cased. */
function literalSegments(key: string): string[] {
  return (key.split(' ')[2] ?? '').toLowerCase().split('/').filter((y) => y && !y.startsWith('{'));
}

/** Does `longer`'s path end with `shorter`'s (literal segments, any letter case), after segments of its own? */
function endsWithPath(longer: string, shorter: string): boolean {
  const [l, s] = [literalSegments(longer), literalSegments(shorter)];
  return l.length > s.length && s.every((x, i) => l[l.length - s.length + i] === x);
}

/** Same method, and `to`'s path is `from`'s with literal segments inserted (every literal segment of `from`, in order). */
function insertedSegments(from: string, to: string): boolean {
  if (from.split(' ')[1] !== to.split(' ')[1]) return false;
  const want = literalSegments(from);
  const have = literalSegments(to);
  let i = 0;
  for (const x of have) if (x === want[i]) i++;
  return i === want.length && have.length > want.length;
}

/** The added key most like the removed one: same method first, then the most path segments in common. */
function closest(k: string, cands: string[]): string {
  const [, m, p] = k.split(' ');
  // A function's segment by its name (`getPrinterArchivedPrintJobs(printerId={printerId},…)` is getprinterarchivedprintjobs):
  // a page that now writes the call's parameters answers the call (label d1145: the other form of the call, under /print,
  // was taken on a tie).
  const name = (y: string) => (y.includes('(') ? y.slice(0, y.indexOf('(')) : y);
  const segs = (x: string) => new Set(x.toLowerCase().split('/').filter((y) => y && !y.startsWith('{')).map(name));
  const mine = segs(p!);
  const score = (o: string) => {
    const [, om, op] = o.split(' ');
    return (om === m ? 1000 : 0) + [...segs(op!)].filter((x) => mine.has(x)).length;
  };
  // On a tie, the one that adds fewest segments of its own.
  const extra = (o: string) => [...segs(o.split(' ')[2]!)].filter((x) => !mine.has(x)).length;
  return [...cands].sort((u, w) => score(w) - score(u) || extra(u) - extra(w) || (u < w ? -1 : u > w ? 1 : 0))[0]!;
}

/** The same page in both snapshots: version + its last two path segments (`api/tablerow-delete.md`), whatever the tree's root. */
function pageKey(version: string, file: string): string {
  return `${version} ${file.toLowerCase().split('/').slice(-2).join('/')}`;
}

/**
 * An operation key with its drive item addressed by id whichever way the path addresses it (`/root:/{item-path}:` or
 * `/items/{item-id}`): a page's two forms of one call on a drive item are one key.
 */
export function driveItemById(key: string): string {
  return key.replace(/\/root:\/\{[^{}]*\}:(?=\/|$)/g, '/items/{}').replace(/\/items\/\{[^{}]*\}/g, '/items/{}');
}
