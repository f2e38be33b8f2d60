import { exampleSection, opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import type { Document, ExampleRequest, Operation, Section, Src } from '../../model/schema.js';
import { callsOtherService, isLive, pageFinding } from '../page-finding.js';
import { argumentValuesAsPlaceholders, pathFitsTemplate } from '../../model/identity.js';

export const rule: PageRule = {
  id: 'example-path-fits-no-template',
  input: 'page',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['page'],
  summary: 'An example request\'s method or path fits none of the page\'s HTTP templates',
  description: 'The example request uses a method, or a path, that none of the request lines in the page\'s HTTP request block allows (with /me taken as /users/{id} and placeholders matching any value). When a request line of another method has the example\'s path (`GET …/riskyUsers/dismiss` beside `POST /riskyUsers/dismiss`, the example POSTing to the first path), the method is named as what differs, with that line. Examples marked `"blockType": "ignored"` are not checked, nor a call the page shows under a topic heading of its own that follows the examples at their level ("## Get a single thumbnail" / "### HTTP request" on the page of the thumbnails list; "## Searching for items a user can access" / "### Example" on the page of a drive item\'s search, whose prose points to the drive\'s search), nor requests to another host than Microsoft Graph (a notification Shifts sends to a workforce integration\'s endpoint); a path ending in OData\'s `/$count` or a type cast (`/microsoft.graph.user`, optionally then `/$count`) fits when the rest does, and a last segment that names an action with its namespace (`…/microsoft.graph.reply`) fits the template\'s `…/reply`, and so does a call passing only arguments the page\'s function- or path-parameter table marks optional (`usedRange(valuesOnly=true)` for a template `usedRange`), or leaving out arguments of the template that table marks optional (`rowsAbove` for a template `rowsAbove(count=n)`). A template from `/drive/` stands for any drive (drive.md: "the examples use `/drive`, but other paths are valid too"): an example calling `/me/drive/…`, `/drives/{id}/…` or a user\'s, group\'s or site\'s drive fits; and `/drive` is the signed-in user\'s drive, so an example calling `/drive/…` fits a template `/me/drive/…`. A template from `/workbook/` is relative to a workbook in a drive (the Excel pages\' convention, excel.md: "…/me/drive/items/{id}/workbook/"): an example calling it below a drive item fits. A template\'s argument values are read as samples: `columnsAfter(count=2)` fits `columnsAfter(count=n)`; the argument names must match. A call below a template whose extra segments the example\'s heading names is a walk-through the page announces, not a misfit (PATCH …/format/font under "Update the format, fill, and font properties in three table cells" on the page of PATCH …/format), and so is one whose extra segment the Response section names as a property of what the call returns (GET …/getM365AppUserDetail(period=\'D7\')/content where the page says "requesting the **content** property returns a `302 Found`"); keys, placeholders and `$value` name nothing. On a page whose HTTP request section says its request lines are some of the paths the call takes ("All other POST syntax that allows you to create these resource instances supports creating open extensions in them in a similar way"), an example of a template\'s method may call another path. An example whose method no template has, under a heading whose first verb names that method\'s operation and none of the page\'s ("Example 2: Create a new workforceIntegration", a POST on the PATCH page), is another operation shown on purpose; so is an example whose method and path both differ from every template on a page whose other examples call its templates (PATCH /groups/{id} under "Example 2: Add multiple members to a group in a single request" on the page of POST /groups/{id}/members/$ref) — a wrong method on a template\'s own path is still reported. When the block holds no path at all (generator text such as "** Entity URI for … not found"), the finding says that; when the example fits a template once a brace the template left out is put back (`…/workforceIntegrations/workforceIntegrationId}`), the finding names the template as the thing to mend; so it does when the example fits a template once the example\'s argument lists are left out (`getGroupArchivedPrintJobs(groupId=\'{id}\',…)` against a template `GET /reports/getGroupArchivedPrintJobs`): that template leaves out the function\'s arguments; and so it does when the example fits a template once the template\'s empty argument list is left out (`POST …/generateDownloadUri()` against an example calling `…/generateDownloadUri`), and when the template writes a value, segment for segment, where the example has a placeholder (`GET /domains/contoso.com/serviceConfigurationRecords` against an example calling `/domains/{domain-name}/serviceConfigurationRecords`; `/sites/id/…` against `/sites/{id}/…`).',
  example: { before: 'HTTP request: PATCH /users/{id}\nexample: PATCH /groups/123', after: 'example: PATCH /users/123' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', exampleSection('GET https://graph.microsoft.com/v1.0/gadgets/1', 'HTTP/1.1 200 OK')) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', exampleSection('GET https://graph.microsoft.com/v1.0/widgets/1', 'HTTP/1.1 200 OK')) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      for (const { r, path, why, sameMethod, readings, readingsOf, ops, samePath } of misfitsOf(p)) {
        // A template that is no path but words (Intune's generator left "** Entity URI for … not found" in the block, and in
        // the example): the defect is the missing path, and the finding says so. ("~/onPremisesPublishingProfiles/…" and
        // "me/…" are paths written otherwise.)
        const noPath = sameMethod.find((o) => isWords(o.path));
        // A template with a brace left out (`…/workforceIntegrations/workforceIntegrationId}`): when the example fits it mended,
        // the template is what to fix, and the finding says so.
        const broken = noPath ? undefined : sameMethod.find((o) => { const m = bracesMended(o.path); return m !== undefined && readings.some((x) => pathFitsTemplate(x, m)); });
        // A template that names a function without the arguments the example passes (`GET /reports/getGroupArchivedPrintJobs` for
        // `getGroupArchivedPrintJobs(groupId='{id}',…)`, the Intune generator's habit): the template is what leaves them out.
        const bare = noPath || broken ? undefined : argumentsLeftOut(readings, sameMethod.map((o) => ({ o, readings: readingsOf.get(o)! })));
        // A template that ends in an empty argument list the example leaves out (`POST …/generateDownloadUri()`, the only POST
        // request line of the 2021 tree written so; its example calls `…/generateDownloadUri`, label r2018): the template is what
        // differs from the page's call, and the finding names it.
        const emptyArgs = noPath || broken || bare ? undefined : sameMethod.find((o) => /\(\s*\)$/.test(o.path) && readings.some((x) => pathFitsTemplate(x, o.path.replace(/\(\s*\)$/, ''))));
        // A template holding a sample value where the example has a placeholder (`GET /domains/contoso.com/serviceConfigurationRecords`
        // against an example calling `/domains/{domain-name}/…`, label r2211): the example, read as the template, fits it —
        // the template is what to mend.
        const sampled = noPath || broken || bare || emptyArgs || samePath ? undefined : sameMethod.map((o) => ({ o, at: literalForPlaceholder(o.path, path) })).find((x) => x.at !== undefined);
        const named = broken ?? bare?.o ?? emptyArgs ?? samePath ?? sampled?.o;
        const message = noPath
          ? `Example request ${r.method} ${path} fits no template: the HTTP request block holds no path but "${noPath.path}"`
          : broken
            ? `Example request ${r.method} ${path} fits no template: the template ${broken.method} ${broken.path} has an unbalanced brace (the example fits it mended)`
            : bare
              ? `Example request ${r.method} ${path} fits none of the HTTP templates (${why}): the template ${bare.o.method} ${bare.o.path} leaves out the function's arguments (${bare.names.join(', ')}) that the example passes`
              : emptyArgs
                ? `Example request ${r.method} ${path} fits none of the HTTP templates (${why}): the template ${emptyArgs.method} ${emptyArgs.path} ends in an empty argument list \`()\` that the example leaves out`
              : samePath
                ? `Example request ${r.method} ${path} fits none of the HTTP templates (method): the template ${samePath.method} ${samePath.path} has its path, the ${r.method} templates other paths`
                : sampled
                  ? `Example request ${r.method} ${path} fits none of the HTTP templates (${why}): the template ${sampled.o.method} ${sampled.o.path} has ${sampled.at!.map(([t, e]) => `\`${t}\` where the example has the placeholder \`${e}\``).join(', ')}`
                : `Example request ${r.method} ${path} fits none of the HTTP templates (${why})`;
        out.push(pageFinding(this, p, r.src, `example.request.${r.index}.${why}`, message, `${r.method} ${path}`, [String(r.index)], [named ? { src: named.src, value: `${named.method} ${named.path}` } : { src: ops[0]!.src, value: ops.map((o) => `${o.method} ${o.path}`).join('; ') }]));
      }
    }
    return out;
  },
};

/**
 * The segments where a template writes a value and the example a placeholder, when that is all that differs (`/domains/contoso.com/…`
 * against `/domains/{domain-name}/…`, label r2211): the same number of segments, each the same but for letter case or a
 * placeholder `{…}` in the example against a segment without braces in the template. Undefined when any other segment differs.
 */
export function literalForPlaceholder(template: string, example: string): [string, string][] | undefined {
  const t = template.replace(/\?[\s\S]*$/, '').split('/');
  const e = example.split('/');
  if (t.length !== e.length) return undefined;
  const at: [string, string][] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i]!.toLowerCase() === e[i]!.toLowerCase()) continue;
    if (!/^\{[^{}/]+\}$/.test(e[i]!) || /[{}]/.test(t[i]!) || !t[i]) return undefined;
    at.push([t[i]!, e[i]!]);
  }
  return at.length ? at : undefined;
}

/** An example request that fits none of its page's templates (and that the page does not qualify in prose), with what the finding needs. */
export interface Misfit {
  r: ExampleRequest;
  path: string;
  why: 'path' | 'method';
  sameMethod: Operation[];
  readings: string[];
  readingsOf: Map<Operation, readonly string[]>;
  ops: Operation[];
  /**
   * A template of another method whose path the example calls, when one of the example's method calls another path (riskyusers-dismiss.md:
   * `POST /riskyUsers/dismiss` and `GET /identityProtection/riskyUsers/dismiss`, the example POSTs to the second; label r1975): the
   * method is what differs from it, and the finding names it.
   */
  samePath?: Operation;
}

/** Per page (memoized: the body rules ask for each variant, see copiedTemplate). */
const misfitMemo = new WeakMap<Document, Misfit[]>();

/** The page's live example requests that fit none of its templates, read with the conventions the rule describes. */
export function misfitsOf(p: Document): Misfit[] {
  const memo = misfitMemo.get(p);
  if (memo) return memo;
  const out: Misfit[] = [];
  misfitMemo.set(p, out);
  const ops = p.operations.filter((o) => !o.fromExample);
  if (!ops.length) return out;
  // A template's argument values are samples or stand-ins (`columnsAfter(count=n)`, `getActivitiesByInterval(startDateTime=
  // '2017-01-01',…)`): an example passing other values calls the same function — the argument names must match. Each
  // template is read both ways, once per page.
  // A template passing only arguments the page's parameter tables mark optional (`rowsAbove(count=n)`, count "Optional. …
  // The default value is 1") is also read without them: an example leaving them out calls the same function.
  const params = [...p.functionParameters ?? [], ...p.pathParameterDescriptions ?? []];
  const readingsOf = new Map(ops.map((o) => [o, [...new Set([o.path, argumentValuesAsPlaceholders(o.path), withoutOptionalArguments(o.path, params) ?? o.path])]] as const));
  const misfit: Misfit[] = [];
  let fitting = 0;
  const responseProperties = [...(p.response?.bodyDescribed?.text ?? '').matchAll(/\b([A-Za-z]\w*)\s+property\b/g)].map((m) => m[1]).join(' ');
  for (const r of p.examples.requests) {
    // A request to another service (Shifts calling a workforce integration's endpoint, a bot's callback) is no call of this API.
    if (!isLive(r) || callsOtherService(r.url)) continue;
    // A call the page shows as another operation: after the examples, under a topic heading of its own ("## Get a single
    // thumbnail" / "### HTTP request" on the page of the thumbnails list; "## Searching for items a user can access" / "### Example").
    if (callUnderOwnHeading(p.sections, r.src, p.file)) continue;
    const path = r.path.replace(/\?[\s\S]*$/, '');
    const sameMethod = ops.filter((o) => o.method === r.method);
    // The path as written, and read without what a template need not show: GET …/$count counts what the template lists
    // (OData's $count segment on GET /applications); a last segment that is a type cast (…/transitiveMembers/microsoft.graph.user)
    // filters it by type; arguments the page's function- or path-parameter table marks optional (`usedRange(valuesOnly=true)` where the
    // template writes `usedRange`) may be left out — a missing required one is still reported (`range/cell` for cell(row, column)).
    const readings = [path, odataSuffixless(path), withoutOptionalArguments(path, params), unqualifiedLast(path)].filter((x): x is string => x !== undefined);
    // Each of the docs' addressing conventions (DRIVE_READINGS) read into every reading so far, in turn.
    for (const read of DRIVE_READINGS) for (const x of [...readings]) { const y = read(x); if (y !== undefined) readings.push(y); }
    if (sameMethod.some((o) => readingsOf.get(o)!.some((t) => readings.some((x) => pathFitsTemplate(x, t))))) { fitting++; continue; }
    // A call below a template that the example's heading announces ("Update the format, fill, and font properties in three
    // table cells" over PATCH …/format/font on the page of PATCH …/format; "Get bannerLogo for the French locale"): the
    // page qualifies it in prose — a deliberate walk-through, not a misfit.
    const templates = sameMethod.flatMap((o) => readingsOf.get(o)!);
    if (readings.some((x) => headingNamesExtension(x, r.example, templates))) continue;
    // A property of the object the call returns, which the Response section names ("requesting the **content** property returns
    // a `302 Found`", the usage reports' pages): GET …/getM365AppUserDetail(period='D7')/content reads it (labels r839, r1283).
    if (responseProperties && readings.some((x) => headingNamesExtension(x, responseProperties, templates))) continue;
    // An example of another operation that its heading announces by the verb of its own method, one the page's templates
    // never use ("Example 2: Create a new workforceIntegration", POST, on the PATCH page "Update workforceIntegration").
    if (!sameMethod.length && headingAnnouncesMethod(r.example, r.method, ops.map((o) => o.method))) continue;
    // The HTTP request section says its request lines are some of the paths ("All other POST syntax that allows you to
    // create these resource instances supports creating open extensions in them in a similar way"): another path of the
    // same method is one it allows.
    if (sameMethod.length && p.requestPathsOpen) continue;
    const samePath = sameMethod.length ? ops.find((o) => o.method !== r.method && readingsOf.get(o)!.some((t) => readings.some((x) => pathFitsTemplate(x, t)))) : undefined;
    misfit.push({ r, path, why: sameMethod.length && !samePath ? 'path' : 'method', sameMethod, readings, readingsOf, ops, ...(samePath ? { samePath } : {}) });
  }
  // Another operation shown on purpose: an example whose method and path both differ from every template (PATCH /groups/{id}
  // under "Example 2: Add multiple members to a group in a single request" on the page of POST /groups/{id}/members/$ref; PATCH
  // …/appDefinitions/{id} under "Example 3: Approve or reject an app pending review" on the publish page), on a page whose
  // other examples call its templates — they confirm the template, and this one demonstrates a neighbouring call (labels
  // o364, r1825, r1649). A wrong method on a template's own path (PUT for DELETE …/historyItems/{id}) is still reported.
  for (const m of misfit) {
    const otherPath = m.why === 'method' && !ops.some((o) => readingsOf.get(o)!.some((t) => m.readings.some((x) => pathFitsTemplate(x, t))));
    if (!(otherPath && fitting > 0)) out.push(m);
  }
  return out;
}

/**
 * Every live example request of the variant's method fits none of its page's templates (read as this rule reads them: the
 * workbook and drive conventions, OData suffixes, optional arguments), and the page has one: the template is likely copied
 * from another page (nameditem-addformulalocal.md's HTTP block gives `POST /workbook/names/add`, its examples call
 * `…/names/addFormulaLocal`), so what the page documents is not the template's operation.
 */
export function copiedTemplate(v: { doc: Document; operation: { method: string } }): boolean {
  const calls = v.doc.examples.requests.filter((r) => isLive(r) && r.method === v.operation.method && r.path && !callsOtherService(r.url));
  if (!calls.length || !v.doc.operations.some((o) => !o.fromExample && o.method === v.operation.method)) return false;
  const missed = new Set(misfitsOf(v.doc).map((m) => m.r));
  return calls.every((r) => missed.has(r));
}


/**
 * Does the request at `src` stand under a topic heading of its own (kind `other`) that follows the page's examples at their
 * level or above — "## Get a single thumbnail" / "### HTTP request" on the page of the thumbnails list, "## Searching for items a
 * user can access" / "### Example" on driveitem-search.md, whose prose sends the reader to the drive's own search (label o1499)?
 * Such a call is another operation the page shows on purpose. A heading inside the examples ("## Examples" / "### Create a team
 * from a group") is an example of the page's call and is checked. Sections spliced in from an include are not placed.
 */
export function callUnderOwnHeading(sections: readonly Section[], src: Src, file: string): boolean {
  if (src.file !== file) return false;
  let at = -1;
  for (let i = 0; i < sections.length; i++) {
    const x = sections[i]!;
    if (x.src.file !== file) continue;
    if (x.src.line > src.line) break;
    at = i;
  }
  const examples = sections.findIndex((x) => x.kind === 'examples');
  if (at < 0 || examples < 0 || at <= examples) return false;
  const level = sections[examples]!.depth;
  // The section holding the call, then each heading above it.
  for (let j = at, depth = Infinity; j > examples; j--) {
    const x = sections[j]!;
    if (x.depth >= depth) continue;
    depth = x.depth;
    if (x.depth <= level) return x.kind === 'other';
  }
  return false;
}

/**
 * The template that fits the example once the example's argument lists (`name=value` pairs) are left out, with the names of
 * the arguments it leaves out; undefined when none does.
 */
export function argumentsLeftOut<T>(readings: readonly string[], templates: readonly { o: T; readings: readonly string[] }[]): { o: T; names: string[] } | undefined {
  for (const x of readings) {
    // Every `name=value` list goes; a key (`items('x')`) has no `=` and stays.
    const { path: stripped, dropped } = dropArgumentLists(x, (names) => names.every((n) => n.includes('=')));
    if (!dropped.length) continue;
    const t = templates.find((c) => c.readings.some((tp) => pathFitsTemplate(stripped, tp)));
    if (t) return { o: t.o, names: dropped };
  }
  return undefined;
}

/** `/me/drive/items/{id}/content`, `/drives/{id}/items/…`, `/users/{id}/drive/root` → the same from `/drive` (the OneDrive pages' templates); else undefined. */
export function driveRelative(path: string): string | undefined {
  const m = /^\/(?:me\/drive|(?:users|groups|sites)\/[^/]+\/drive|drives\/[^/]+)(?=\/|$)/i.exec(path);
  return m ? '/drive' + path.slice(m[0].length) : undefined;
}

/**
 * The drive and workbook addressing conventions an example may use where its template uses another, each reading a path
 * another way (undefined: not that convention's path), applied in this order:
 * - the Excel pages': a template from `/workbook/` is relative to a workbook in a drive (excel.md: "…/me/drive/items/{id}/workbook/"),
 *   so an example calling it below any drive item's workbook fits;
 * - the OneDrive pages': a template from `/drive/` stands for any drive (drive.md: "the examples use /drive, but other paths are
 *   valid too"), so /me/drive/…, /drives/{id}/… or a user's, group's or site's drive fits;
 * - and the other way, `/drive` is the signed-in user's drive, `/me/drive` (/drive/items/{id}/… fits the template
 *   /me/drive/items/{id}/…: labels r2076, o1429, false before);
 * - a drive item addressed by its path is the item (driveitem.md: "By file system path using /drive/root:/path/to/file"):
 *   …/root:/FolderA/FileB.txt:/content fits …/items/{item-id}/content (labels r1335, r2159, false before).
 */
const DRIVE_READINGS: readonly ((path: string) => string | undefined)[] = [
  workbookRelative,
  driveRelative,
  (x) => (/^\/drive(?=\/|$)/i.test(x) ? '/me' + x : undefined),
  itemByPath,
];

/**
 * A drive item addressed by its path read as addressed by its id: `/drives/{id}/root:/{path}:/children` →
 * `/drives/{id}/items/{id}/children`, `/me/drive/root:/a/b.txt` → `/me/drive/items/{id}`, `/items/{parent-id}:/{name}:/content`
 * → `/items/{id}/content`; undefined for a path with no such address.
 */
export function itemByPath(path: string): string | undefined {
  const m = /\/(?:root|items\/[^/:]+):\/[^:]*(?::(?=\/|$)|$)/i.exec(path);
  return m ? path.slice(0, m.index) + '/items/{id}' + path.slice(m.index + m[0].length) : undefined;
}

/** `/me/drive/items/{id}/workbook/names` → `/workbook/names` (the path from its first `/workbook/` segment, when a drive precedes it); else undefined. */
export function workbookRelative(path: string): string | undefined {
  const at = path.toLowerCase().indexOf('/workbook/');
  return at > 0 && /\/drives?\//i.test(path.slice(0, at + 1)) ? path.slice(at) : undefined;
}

/**
 * Does the example path extend a template (the template fits the path without its last segments) by segments each of which
 * the example's heading names as a word? Placeholders, keys (`{thumb-id}`, `10001`, a GUID) and `$value` name nothing; at least
 * one segment must be named, and each such one must be in the heading (`font` in "Update the format, fill, and font
 * properties").
 */
export function headingNamesExtension(path: string, heading: string, templates: string[]): boolean {
  if (!heading.trim()) return false;
  const words = new Set(heading.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  const segs = path.split('/');
  for (let k = segs.length - 1; k >= 2; k--) {
    const prefix = segs.slice(0, k).join('/');
    if (!templates.some((t) => pathFitsTemplate(prefix, t))) continue;
    // A name is a word (`font`, `bannerLogo`); a key (`10001`, `8832388F-3814-…`, `B2X_1_Partner`), a placeholder or `$value` is none.
    const named = segs.slice(k).map((x) => (x.includes('(') ? x.slice(0, x.indexOf('(')) : x)).filter((x) => /^[A-Za-z][A-Za-z0-9]*$/.test(x));
    return named.length > 0 && named.every((x) => words.has(x.toLowerCase()));
  }
  return false;
}

/** The methods an example heading's first verb stands for ("Create …" a POST, "Update …" a PATCH or PUT). */
const VERB_METHODS: Record<string, string[]> = {
  create: ['POST'], add: ['POST'], send: ['POST'], register: ['POST'], invite: ['POST'],
  update: ['PATCH', 'PUT'], modify: ['PATCH', 'PUT'], replace: ['PUT'], upsert: ['PUT', 'PATCH'],
  delete: ['DELETE'], remove: ['DELETE'],
  get: ['GET'], list: ['GET'], retrieve: ['GET'], read: ['GET'],
};

/**
 * Does the example's heading announce, by its first verb after "Example N:", an operation of the example's method that none of
 * the page's templates has (its methods are disjoint from the verb's)? Then the example shows that other operation on purpose.
 */
export function headingAnnouncesMethod(heading: string, method: string, pageMethods: string[]): boolean {
  // Linear steps (one quantifier each): the "Example 2:" prefix off, then the first word.
  let h = heading.trim();
  const prefix = /^example[\s\d]*[:.-]?/i.exec(h);
  if (prefix) h = h.slice(prefix[0].length).trimStart();
  const verb = /^[a-z]+/i.exec(h)?.[0].toLowerCase();
  const methods = verb === undefined ? undefined : VERB_METHODS[verb];
  return !!methods && methods.includes(method.toUpperCase()) && !pageMethods.some((m) => methods.includes(m.toUpperCase()));
}

/**
 * The template with each segment's unbalanced brace mended (`workforceIntegrationId}` → `{workforceIntegrationId}`,
 * `{id` → `{id}`); undefined when every segment is balanced. One linear pass per segment.
 */
export function bracesMended(template: string): string | undefined {
  let changed = false;
  const segs = template.split('/').map((seg) => {
    let open = 0;
    let unopened = 0;
    for (const ch of seg) {
      if (ch === '{') open++;
      else if (ch === '}') { if (open) open--; else unopened++; }
    }
    if (!open && !unopened) return seg;
    changed = true;
    return '{'.repeat(unopened) + seg + '}'.repeat(open);
  });
  return changed ? segs.join('/') : undefined;
}

/** Words, not a path: spaces outside placeholders, parameter lists and quoted values ("** Entity URI for X not found"). */
function isWords(path: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const ch of path.trim()) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && (ch === '{' || ch === '(')) depth++;
    else if (!quoted && (ch === '}' || ch === ')')) depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && /\s/.test(ch)) return true;
  }
  return false;
}

/**
 * The path with a last segment that names a bound action or function with its namespace (`…/posts('…')/microsoft.graph.reply`,
 * as OData allows) written without it (`…/reply`, as the template writes it); undefined when the last segment has none.
 */
export function unqualifiedLast(path: string): string | undefined {
  const at = path.lastIndexOf('/');
  const last = path.slice(at + 1);
  const m = /^microsoft\.graph\.([A-Za-z]\w*)$/.exec(last);
  return at > 0 && m ? `${path.slice(0, at)}/${m[1]}` : undefined;
}

/** The path without a trailing OData `/$count` and a type-cast segment before it (`/microsoft.graph.user`); undefined when it has neither. */
export function odataSuffixless(path: string): string | undefined {
  let p = path.endsWith('/$count') ? path.slice(0, -'/$count'.length) : path;
  const last = p.slice(p.lastIndexOf('/') + 1);
  if (p.lastIndexOf('/') > 0 && /^microsoft\.graph(?:\.[A-Za-z]\w*)+$/i.test(last)) p = p.slice(0, p.lastIndexOf('/'));
  return p === path ? undefined : p;
}

/**
 * The path with each argument list dropped whose arguments are all function parameters the page marks optional
 * (`usedRange(valuesOnly=true)` → `usedRange`); undefined when none is. One linear pass per list.
 */
export function withoutOptionalArguments(path: string, params: { name: string; required: boolean | null }[]): string | undefined {
  const optional = new Set(params.filter((x) => x.required === false).map((x) => x.name.toLowerCase()));
  if (!optional.size) return undefined;
  const out = dropArgumentLists(path, (args) => args.every((a) => optional.has(argumentName(a).toLowerCase()))).path;
  return out === path ? undefined : out;
}

const argumentName = (arg: string) => arg.split('=')[0]!.trim();

/**
 * The path with each parenthesized list whose arguments (`name=value`, as written) `drop` accepts left out, and the names of
 * the arguments left out. One linear pass.
 */
function dropArgumentLists(path: string, drop: (args: string[]) => boolean): { path: string; dropped: string[] } {
  const dropped: string[] = [];
  const out = path.replace(/\(([^()]*)\)/g, (m, list: string) => {
    const args = list.split(',');
    if (!drop(args)) return m;
    dropped.push(...args.map(argumentName).filter(Boolean));
    return '';
  });
  return { path: out, dropped };
}
