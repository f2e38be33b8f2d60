/**
 * HTTP request lines and path templates: splitting method / path / query, host and version
 * prefixes, path parameters (with `{a | b}` alternations), and the normalized key used to
 * group pages that document the same operation.
 */
import { fitsParts } from '../../../util/glob.js';
import { isGraphHost } from '../../../model/identity.js';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?!\s)(.+?)(?:(?<!\s)\s+HTTP\/\d(?:\.\d)?)?(?<!\s)\s*$/i;

export interface RequestTarget {
  method: string;
  /** Path as written, without host, version prefix or query. */
  path: string;
  query?: string;
  version?: 'v1.0' | 'beta';
  /** After a Microsoft Graph host, a segment where the version goes that is no Graph version (`v1`, `v2.0`): not part of the path. */
  unknownVersion?: string;
  host?: string;
  /** The target had no leading slash. */
  noLeadingSlash: boolean;
}

export function parseRequestLine(line: string): RequestTarget | null {
  const m = REQUEST_LINE.exec(line.trim());
  if (!m) return null;
  const t = splitTarget(m[2]!.trim());
  return t ? { method: m[1]!.toUpperCase(), ...t } : null;
}

/**
 * The text with what the brackets (`open`/`close`, nested) and quotes enclose blanked out, as `_`, one per UTF-16 unit
 * (so an index in it is one in the text).
 */
function outsideGroups(text: string, open = '{(<', close = '})>'): string {
  let depth = 0;
  let quote = '';
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) { if (c === quote) quote = ''; out += '_'; continue; }
    if (c === "'" || c === '"') { quote = c; out += '_'; continue; }
    if (open.includes(c)) { depth++; out += '_'; continue; }
    if (close.includes(c) && depth > 0) { depth--; out += '_'; continue; }
    out += depth > 0 ? '_' : c;
  }
  return out;
}

export function splitTarget(target: string): Omit<RequestTarget, 'method'> | null {
  let rest = target.trim();
  let host: string | undefined;
  const h = /^(https?:\/\/[^/\s]+)/i.exec(rest);
  if (h) { host = h[1]; rest = rest.slice(h[1]!.length); }
  let version: 'v1.0' | 'beta' | undefined;
  const v = /^\/(v1\.0|beta)(?=\/|$|\?)/i.exec(rest);
  if (v) { version = v[1]!.toLowerCase() === 'beta' ? 'beta' : 'v1.0'; rest = rest.slice(v[0].length); }
  // "https://graph.microsoft.com/v1/reports/…": a version the service does not have, in the version's place — not the path's first segment.
  const uv = !v && host && isGraphHost(host.replace(/^https?:\/\//i, '')) ? /^\/(v\d+(?:\.\d+)?|\d+\.\d+)(?=\/|$|\?)/i.exec(rest) : null;
  if (uv) rest = rest.slice(uv[0].length);
  // The version as a placeholder after the host ("https://graph.microsoft.com/{version}/…", "/{ver}/"): no path segment, no version told.
  const vp = host ? /^\/\{(?:ver|version|api-?version)\}(?=\/|$|\?)/i.exec(rest) : null;
  if (vp) rest = rest.slice(vp[0].length);
  const noLeadingSlash = !rest.startsWith('/') && rest !== '';
  // Words, not a path: "** Entity URI for microsoft.management.services.api.vulnerableManagedDevice not found" (the docs
  // generator's text where it found no URI), also glued to a host and version ("…/beta** Entity URI for …"). Spaces inside
  // braces, parentheses or quotes ("{id | userPrincipalName}") are a path's; so are those of a file name after a slash
  // (`/root:/My File.docx`), unless markdown's `**` says the line is prose.
  if ((noLeadingSlash || rest.includes('**')) && /\S\s+\S/.test(outsideGroups(rest))) return null;
  if (rest === '') rest = '/';
  // The query starts at the first "?" outside braces, parentheses and quotes.
  const q = outsideGroups(rest, '{(', '})').indexOf('?');
  const path = (q >= 0 ? rest.slice(0, q) : rest).trim();
  const query = q >= 0 ? rest.slice(q + 1).trim() : undefined;
  // `<id>`, `<id | userPrincipalName>`, `charts(<name>)`: the 2015–2018 placeholder spelling.
  if (!/^[\w/{}<>'"().:,=$@~!%*+\-| [\]#&;]+$/.test(path) || /\s{2,}/.test(path) || /<(br|p|div|span|code|a)\b/i.test(path)) return null;
  const out: Omit<RequestTarget, 'method'> = { path, noLeadingSlash };
  if (query !== undefined && query !== '') out.query = query;
  if (version) out.version = version;
  if (uv) out.unknownVersion = uv[1]!;
  if (host) out.host = host;
  return out;
}

export function pathParameters(path: string): { name: string; alternatives: string[] }[] {
  const out: { name: string; alternatives: string[] }[] = [];
  // (A placeholder whose "}" is missing, `{group-id/drive/…`, is one up to the next "/": http-path-placeholder-unclosed.)
  for (const m of path.matchAll(/\{([^{}]*)\}|<([^<>]*)>|\{([\w\s|.-]+)(?=[/?]|$)/g)) {
    const name = (m[1] ?? m[2] ?? m[3]!).trim();
    out.push({ name, alternatives: name.split('|').map((s) => s.trim()).filter(Boolean) });
  }
  return out;
}

/** Normalized path: lower case, placeholders collapsed to {}, /me as /users/{}, no trailing slash. */
export function normalizePath(path: string): string {
  let p = path.trim();
  if (!p.startsWith('/')) p = '/' + p;
  p = p.replace(/\{[^{}]*\}|<[^<>]*>|\{[\w\s|.-]+(?=\/|$)/g, '{}');
  p = p.replace(/'\{\}'/g, '{}').replace(/"\{\}"/g, '{}');
  p = p.replace(/\s+/g, '');
  p = p.toLowerCase();
  p = p.replace(/^\/me(?=\/|$)/, '/users/{}');
  p = p.replace(/\/{2,}/g, '/');
  if (p.length > 1) p = p.replace(/\/$/, '');
  return p;
}

export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${normalizePath(path)}`;
}

/** Does a concrete example path fit a template? Placeholders match any non-empty text (a glob match, src/util/glob.ts, never a regex built from page text). */
export function pathFitsTemplate(examplePath: string, template: string): boolean {
  const ex = normalizePath(examplePath);
  const tpl = normalizePath(template);
  if (ex === tpl) return true;
  if (fitsParts(ex, tpl.split('{}'))) return true;
  // Function parameters are often quoted in examples and not in templates (or the reverse).
  const unq = (s: string) => s.replace(/'/g, '');
  return fitsParts(unq(ex), unq(tpl).split('{}'));
}
