/**
 * Operation identity: method + canonical path template.
 *
 * Rules (each tested on corpus fixtures, test/model.test.ts):
 *  - every placeholder is a parameter, whatever its spelling: `{id}`, `{usersId}`,
 *    `{id | userPrincipalName}`, `<id>`, `'{id}'`;
 *  - OData key syntax is a path segment: `programs('{id}')` ≡ `programs/{id}`;
 *  - in paths recovered from an example (no HTTP block), literal ids are parameters: GUIDs,
 *    numbers, user principal names, and opaque ids (long mixed letters + digits, `!`, `=`); in a
 *    template a GUID is a parameter too (a page that wrote an example id into its HTTP block);
 *  - an alternation written half outside its braces (`{id} | userPrincipalName/…`) is one placeholder;
 *  - `/me` ≡ `/users/{user-id}`;
 *  - casts (`microsoft.graph.group`) and function calls (`delta()`, `getByPath(path='{path}')`)
 *    are kept; quotes around a function argument placeholder are dropped;
 *  - letter case, a trailing `/` and doubled `/` do not matter for identity.
 *
 * The canonical spelling (the key in every output) names a segment parameter after the segment
 * before it, singular, with `-id` — `/users/{user-id}/messages/{message-id}`, the style of
 * Microsoft's published OpenAPI; a repeated name gets a number (`{site-id1}`); a function
 * argument keeps the argument name (`(period={period})`). Literal segments keep the spelling of
 * the variant the key is rendered from (the primary).
 */
import { fitsParts } from '../util/glob.js';

export interface CanonicalPath {
  /** Lower-case, parameters as `{}`: equal for every spelling of one operation. */
  identity: string;
  /** Canonical spelling. */
  path: string;
  /** Canonical parameter names, in path order. */
  parameters: string[];
}

type Seg = { kind: 'literal'; text: string } | { kind: 'param'; after: string } | { kind: 'mixed'; text: string; params: string[] };

// `{x}`, `<x>`, and a function argument written as an example value (`name=name-value`).
// Quotes are taken only in pairs: `x='${y}'` has its placeholder inside `$…'`, and taking the closing quote alone lost it.
const PLACEHOLDER = /'\{[^{}]*\}'|\{[^{}]*\}|'<[A-Za-z][\w\s|-]*>'|<[A-Za-z][\w\s|-]*>|(?<==)(?:'[A-Za-z]\w*-value'|[A-Za-z]\w*-value)(?=[,)])/g;
/** `name=value` inside a function call's parentheses whose value is a sample (quoted or bare), not a placeholder or an alias. */
const SAMPLE_ARGUMENT = /([(,]\s*)([A-Za-z_]\w*)\s*=\s*(?:'[^'{}<>]*'|[^\s,(){}<>'@]+)(?=\s*[,)])/g;
// A placeholder whose "}" is missing (`/groups/{group-id/drive/…`: the page's typo, named by http-path-placeholder-unclosed) is one too.
const WHOLE_PLACEHOLDER = /^(?:'?\{[^{}]*\}'?|'?<[A-Za-z][\w\s|-]*>'?|"\{[^{}]*\}"|\{[\w\s|.-]+)$/;

/** Split on `/` outside parentheses and quotes. */
function splitSegments(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let quote = '';
  for (const c of path) {
    if (quote) { cur += c; if (c === quote) quote = ''; continue; }
    if (c === "'" || c === '"') { quote = c; cur += c; continue; }
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (c === '/' && depth === 0) { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

const GUID = /^'?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'?$/i;

/** A GUID segment, which a template that wrote an example id into its HTTP block has where a parameter belongs. */
export function isGuidSegment(seg: string): boolean {
  return GUID.test(seg);
}

/** Looks like a literal id in an example URL (not a path word). */
export function looksLikeId(seg: string): boolean {
  const s = seg.replace(/^'|'$/g, '');
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) return true;
  if (/^\d+$/.test(s)) return true;
  if (/^[^@\s/]+@[^@\s/][^@\s/.]*\.[^@\s/]+$/.test(s)) return true;
  if (/[!=]/.test(s) && !/[()]/.test(s)) return true;
  if (s.length >= 16 && /\d/.test(s) && /[A-Za-z]/.test(s) && /^[\w\-_.%~+]+$/.test(s) && !/^[a-z]+(?:[A-Z][a-z]+)+$/.test(s)) return true;
  return false;
}

export function singular(word: string): string {
  const w = word.replace(/^.*\./, '').replace(/[^\w]/g, '');
  if (!w) return 'id';
  const lower = w.toLowerCase();
  if (lower === 'children') return w.slice(0, -3);
  if (lower === 'people') return w.slice(0, -4) + 'rson';
  // Same in both numbers: `charts/{name}/series/{series-id}` (it was `{sery-id}`).
  if (/(?:series|species)$/i.test(w)) return w;
  if (/ies$/i.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  // `statuses`, `buses`, `viruses`: the singular ends in -us (`deviceStatuses/{deviceStatus-id}`; it was `{deviceStatuse-id}`);
  // after a vowel it is -use (`causes`, `houses`).
  if (/(ss|x|ch|sh|[^aeiou]us)es$/i.test(w)) return w.slice(0, -2);
  // A plural of a word ending in -u (`subscribedSkus/{subscribedSku-id}`); other words ending in -us are singular (`status`).
  if (/(?:sku|menu|guru)s$/i.test(w)) return w.slice(0, -1);
  if (/[^su]s$/i.test(w)) return w.slice(0, -1);
  return w;
}

function parse(pathIn: string, fromExample: boolean): Seg[] {
  // `~/onPremisesPublishingProfiles/…`: the service root written as `~` (ASP.NET's app-root marker).
  let p = pathIn.trim().replace(/^~(?=\/)/, '');
  if (!p.startsWith('/')) p = '/' + p;
  // An alternation written half outside its braces (`{user-id} | user-principal-name/…`) is one placeholder.
  p = p.replace(/(\{[^{}]*)\}\s*\|\s*([\w-]+)(?=\/|$)/g, '$1 | $2}');
  const raw = splitSegments(p);
  const segs: Seg[] = [];
  raw.forEach((s, i) => {
    if (i === 0 && /^me$/i.test(s)) { segs.push({ kind: 'literal', text: 'users' }, { kind: 'param', after: 'users' }); return; }
    const prev = segs.length ? segs[segs.length - 1]! : undefined;
    const prevText = prev && prev.kind !== 'param' ? prev.text : '';
    if (WHOLE_PLACEHOLDER.test(s)) { segs.push({ kind: 'param', after: prevText }); return; }
    // OData key syntax: name('{id}') / name({id}) / name('literal') in an example.
    const key = /^([\w.$]+)\(\s*('?\{[^{}=]*\}'?|'?<[^<>=]*>'?|'[^'=()]*')\s*\)$/.exec(s);
    if (key && (!/^'[^{<]/.test(key[2]!) || fromExample)) { segs.push({ kind: 'literal', text: key[1]! }, { kind: 'param', after: key[1]! }); return; }
    if (prev && prev.kind !== 'param' && i > 0 && (fromExample ? looksLikeId(s) : GUID.test(s))) { segs.push({ kind: 'param', after: prevText }); return; }
    const params: string[] = [];
    // A request line's function call with a sample value (`getTeamsUserActivityCounts(period='D7')`, `rowsAbove(count=n)`,
    // `image(width=640)`): the argument is the function's parameter, as `(period={period_value})` writes it. (An example's
    // values stay: there a literal is what was sent.)
    if (!fromExample) s = s.replace(SAMPLE_ARGUMENT, (_m, lead: string, name: string) => `${lead}${name}={${name}}`);
    const text = s.replace(PLACEHOLDER, (m, off: number) => {
      const before = s.slice(0, off);
      const arg = /(?<!\w)(\w+)\s*=\s*$/.exec(before);
      const bare = m.replace(/^'|'$/g, '');
      const inner = (/^[{<]/.test(bare) ? bare.slice(1, -1) : bare.replace(/-value$/, '')).split('|')[0]!.trim().replace(/[^\w-]/g, '');
      params.push(arg ? arg[1]! : inner || 'value');
      return '\u0000';
    });
    if (params.length) segs.push({ kind: 'mixed', text, params });
    else segs.push({ kind: 'literal', text: s });
  });
  return segs;
}

/** Canonical forms already computed (one path is asked for by the merge and by many rules): each caller gets its own copy. */
const canonicalMemo = new Map<string, CanonicalPath>();

export function canonicalPath(path: string, fromExample = false): CanonicalPath {
  const k = `${fromExample ? 'x' : 't'}${path}`;
  let c = canonicalMemo.get(k);
  if (!c) {
    if (canonicalMemo.size >= 100_000) canonicalMemo.clear();
    c = computeCanonicalPath(path, fromExample);
    canonicalMemo.set(k, c);
  }
  return { identity: c.identity, path: c.path, parameters: [...c.parameters] };
}

function computeCanonicalPath(path: string, fromExample: boolean): CanonicalPath {
  const segs = parse(path, fromExample);
  const used = new Map<string, number>();
  const name = (base: string) => {
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    return n === 0 ? base : `${base}${n}`;
  };
  const parameters: string[] = [];
  const idParts: string[] = [];
  const outParts: string[] = [];
  for (const s of segs) {
    if (s.kind === 'literal') { idParts.push(s.text.toLowerCase()); outParts.push(s.text); continue; }
    if (s.kind === 'param') {
      const n = name(s.after ? `${singular(s.after)}-id` : 'id');
      parameters.push(n);
      idParts.push('{}');
      outParts.push(`{${n}}`);
      continue;
    }
    let i = 0;
    const names = s.params.map((p) => name(p));
    parameters.push(...names);
    outParts.push(s.text.replace(/\u0000/g, () => `{${names[i++]}}`));
    idParts.push(s.text.replace(/\u0000/g, '{}').toLowerCase().replace(/\s+/g, ''));
  }
  return { identity: '/' + idParts.join('/'), path: '/' + outParts.join('/'), parameters };
}

export function operationIdentity(method: string, path: string, fromExample = false): string {
  return `${method.toUpperCase()} ${canonicalPath(path, fromExample).identity}`;
}

/** Does a concrete example path fit a template? Placeholders match any non-empty text; quotes around arguments do not matter. */
export function pathFitsTemplate(examplePath: string, template: string): boolean {
  // The query (`?$top=1`) never decides which template a call fits: `GET /security/secureScores?$top=1` fits `/security/secureScores`.
  const q = examplePath.indexOf('?');
  if (q >= 0) return pathFitsTemplate(examplePath.slice(0, q), template);
  const tq = template.indexOf('?');
  if (tq >= 0) return pathFitsTemplate(examplePath, template.slice(0, tq));
  const ex = canonicalPath(examplePath).identity;
  const tpl = canonicalPath(template).identity;
  if (ex === tpl) return true;
  // A glob match, never a regex built from page text (a 40-placeholder template hung the run): src/util/glob.ts.
  if (fitsParts(ex, tpl.split('{}'))) return true;
  const unq = (s: string) => s.replace(/'/g, '');
  if (fitsParts(unq(ex), unq(tpl).split('{}'))) return true;
  // OData key-in-parentheses: `taskfolders('AAMk…')/tasks` is `taskfolders/{id}/tasks`.
  const keyed = keysAsSegments(examplePath);
  return keyed !== examplePath && pathFitsTemplate(keyed, template);
}

/**
 * A path or template with every `name=value` argument's value made a placeholder (`columnsAfter(count=n)` →
 * `columnsAfter(count={count})`; quoted values too, `'2017-01-01'` → `'{startDateTime}'`). Argument values are samples or stand-ins: two paths that differ only in them call the same function (example-path-fits-no-template, version-counterpart-differs). One linear pass: arguments are
 * split at commas outside quotes; a list with no `=` (OData keys, `delta()`) is left as written.
 */
export function argumentValuesAsPlaceholders(template: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('(', i);
    const close = open < 0 ? -1 : template.indexOf(')', open);
    if (open < 0 || close < 0) { out += template.slice(i); break; }
    out += template.slice(i, open + 1);
    out += splitArguments(template.slice(open + 1, close)).map((a) => {
      const eq = a.indexOf('=');
      if (eq < 0) return a;
      const name = a.slice(0, eq).trim();
      const value = a.slice(eq + 1).trim();
      if (!name || (value.startsWith('{') && value.endsWith('}'))) return a;
      return value.startsWith("'") ? `${name}='{${name}}'` : `${name}={${name}}`;
    }).join(',') + ')';
    i = close + 1;
  }
  return out;
}

/** An argument list's arguments, split at commas outside quotes. */
function splitArguments(list: string): string[] {
  const args: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) { args.push(cur); cur = ''; } else cur += ch;
  }
  args.push(cur);
  return args;
}

/**
 * The function a path's last segment calls and the names of its `name=value` arguments, in order
 * (`…/getGroupArchivedPrintJobs(groupId='{id}',periodStart=x)` → getGroupArchivedPrintJobs, [groupId, periodStart]);
 * the query string aside. A segment without an argument list gives its name and no arguments.
 */
export function callArguments(path: string): { fn: string; names: string[] } {
  const q = path.indexOf('?');
  const p = q >= 0 ? path.slice(0, q) : path;
  const seg = p.slice(p.lastIndexOf('/', p.endsWith(')') ? p.lastIndexOf('(') : p.length) + 1);
  const open = seg.indexOf('(');
  if (open < 0 || !seg.endsWith(')')) return { fn: seg, names: [] };
  const names = splitArguments(seg.slice(open + 1, -1)).flatMap((a) => {
    const eq = a.indexOf('=');
    const name = eq < 0 ? '' : a.slice(0, eq).trim();
    return /^[A-Za-z_]\w*$/.test(name) ? [name] : [];
  });
  return { fn: seg.slice(0, open), names };
}

/** `name('key')` segments written as `name/key` (one anchored test per segment: linear). */
function keysAsSegments(path: string): string {
  return path.split('/').map((seg) => {
    const m = /^([A-Za-z][^()'/]*)\('([^'()/]+)'\)$/.exec(seg);
    return m ? `${m[1]}/${m[2]}` : seg;
  }).join('/');
}

/** Microsoft Graph's hosts: the global service and the national clouds (graph.microsoft.us, dod-graph.microsoft.us, microsoftgraph.chinacloudapi.cn, graph.microsoft.de). */
export function isGraphHost(host: string): boolean {
  return /(^|\.)graph\.microsoft\.(com|us|de|cn)$|microsoftgraph\.chinacloudapi\.cn$|^dod-graph\.microsoft\.us$/i.test(host);
}

/** The version folder a file is in (the first `beta/` or `v1.0/` segment) and the same file in the other version's folder. */
export function versionSplit(file: string): { version: 'beta' | 'v1.0'; other: string } | undefined {
  const b = /(^|\/)beta\/([\s\S]*)$/.exec(file);
  const v = /(^|\/)v1\.0\/([\s\S]*)$/.exec(file);
  const m = b && (!v || b.index <= v.index) ? b : v;
  if (!m) return undefined;
  const version = m === b ? 'beta' : 'v1.0';
  return { version, other: `${file.slice(0, m.index)}${m[1]}${version === 'beta' ? 'v1.0' : 'beta'}/${m[2]}` };
}

/** The same file in the other version's folder (`…/v1.0/api/x.md` ↔ `…/beta/api/x.md`); undefined outside both. */
export function counterpartFile(file: string): string | undefined {
  return versionSplit(file)?.other;
}
