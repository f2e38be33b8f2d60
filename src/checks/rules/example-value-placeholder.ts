import { bodySection, exampleSection, opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

/**
 * A type name written as the value: `"String"`, or with the format the JSON representations give it (`"String (timestamp)"`,
 * 3,362 times in the 2021-07 tree, `"String (identifier)"`, `"String (duration)"`, `"Guid (identifier)"`).
 */
export const TYPE_PLACEHOLDER = /^(?:String|Boolean|Integer|Int16|Int32|Int64|Double|Single|Decimal|Byte|Guid|DateTimeOffset|Date|TimeOfDay|Duration|Binary|Stream)(?: ?\((?:identifier|timestamp|duration|time ?of ?day|timespan|binary|double)\))?$/;

/**
 * `"skuId-value"`, `"datetime-value"`, `"display-name-value"`: the docs' sample generator's stand-in for a value never filled in;
 * numbered when a list holds several (`["skuId-value-1", "skuId-value-2"]`, `"groupId-value1"`: 8 method pages of the 2021-07 tree, and 24 SDK snippet includes, which are not read).
 */
export const VALUE_PLACEHOLDER = /^[A-Za-z][\w.-]*-value(?:-?\d+)?$/;

/** A type name in lower case, as some examples write the value (`"city": "string"`, `"skuId": "guid"`). */
const LOWER_TYPE_PLACEHOLDER = /^(?:string|boolean|int16|int32|int64|double|guid|datetimeoffset|datetime)$/;

/** Keys whose value is itself a type name (`"type": "String"` of a schemaExtension property): a type name there is a value. */
const TYPE_VALUED_KEY = /^(type|dataType|propertyType|valueType|edmType)$/i;

/** Keys of a secret (`password`, `clientSecret`, `passphrase`): an example never shows a real one, so `"password-value"` there is deliberate. */
const SECRET_KEY = /pass(?:word|phrase)|secret/i;

/**
 * The private parameters of a JSON Web Key (RFC 7518 §6.2.2, §6.3.2, §6.4: `d`, `p`, `q`, `dp`, `dq`, `qi`, the symmetric
 * `k`), in an object that is one (it has `kty`): secrets too (beta trustframework-post-keysets.md; label r1890).
 */
const JWK_PRIVATE = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']);

export function isPlaceholder(v: unknown, key?: string, secret = false): boolean {
  if (typeof v !== 'string') return false;
  if (VALUE_PLACEHOLDER.test(v)) return !secret && !(key !== undefined && SECRET_KEY.test(key));
  // Lower case (`"city": "string"`, `"progress": "double"`): the same, except as the value of any key ending in "type"
  // (`"valueType": "boolean"`, `"customAttributeType": "string"`), where a lower-case type name is an enum member.
  if (LOWER_TYPE_PLACEHOLDER.test(v)) return !(key !== undefined && /type$/i.test(key));
  return TYPE_PLACEHOLDER.test(v) && !(key !== undefined && TYPE_VALUED_KEY.test(key));
}

/**
 * Type names that are also plain words, written as enum members: `"underline": "Single"` (Excel's underline style:
 * None, Single, Double, …; label r1953), a border's `"style": "Double"`. One of them is a placeholder only beside an
 * unmistakable one in the same body (a template never filled in) or under a key that holds the word (`weightDouble`).
 * The other type names stay placeholders alone: `"certificate": "Binary"`, `"completionMonthYear": "Date"` and
 * `"value": "Stream"` are templates never filled in (a filter operator's `"arity": "Binary"` is the one enum member
 * among them in the 2021-07 examples).
 */
const WORD_TYPE = /^(Single|Double)$/;

interface Place { path: string; word?: string; key?: string }

/** Every place in a JSON body, nested objects and arrays included, whose value is a placeholder. */
function collect(v: unknown, path: string, out: Place[], key?: string, secret = false): void {
  if (isPlaceholder(v, key, secret)) out.push({ path, word: WORD_TYPE.exec(v as string)?.[1], key });
  else if (Array.isArray(v)) {
    // A list of names that holds one that is no placeholder, or two different type names, lists values (`"supportedAttributeTypes":
    // ["String", "Integer"]` of a synchronization filter operator): a template's list holds its one stand-in, or numbered ones
    // (`["skuId-value-1", "skuId-value-2"]`).
    if (v.length > 1 && v.every((x) => typeof x === 'string') && (v.some((x) => !isPlaceholder(x, key, secret)) || new Set(v.map((x) => (VALUE_PLACEHOLDER.test(x) ? '-value' : x))).size > 1)) return;
    v.forEach((x, i) => collect(x, `${path}[${i}]`, out, key, secret));
  }
  else if (v && typeof v === 'object') {
    // A name/value pair names its value in a sibling (`{ "key": "Password", "value": "password-value" }`).
    const o = v as Record<string, unknown>;
    const named = [o.key, o.name].find((x): x is string => typeof x === 'string');
    const jwk = typeof o.kty === 'string';
    for (const [k, x] of Object.entries(o)) collect(x, path ? `${path}.${k}` : k, out, k === 'value' && named !== undefined ? named : k, jwk && JWK_PRIVATE.has(k));
  }
}

/** The places of a body that are placeholders, the plain-word type names judged by their company (see WORD_TYPE). */
export function placeholderPlaces(json: unknown): string[] {
  const all: Place[] = [];
  collect(json, '', all);
  const template = all.some((p) => p.word === undefined);
  return all.filter((p) => template || p.word === undefined || (p.key !== undefined && p.key.toLowerCase().includes(p.word.toLowerCase()))).map((p) => p.path);
}

export const rule: PageRule = {
  id: 'example-value-placeholder',
  input: 'page',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'An example body holds placeholders instead of values ("String", "Boolean", "skuId-value")',
  description: 'Values in an example request or response, at any depth, are the names of their types (`"String"`, or with the format a JSON representation gives it: `"String (timestamp)"`; in lower case, `"string"`, `"guid"`, except under a key ending in "type", where it is an enum member: `"valueType": "boolean"`) or the generator\'s `<name>-value` stand-ins — a template never filled in. A `<name>-value` stand-in for a secret (`"password": "password-value"`, a client secret, the value of a pair whose key names one: `{ "key": "Password", "value": "password-value" }`, a JSON Web Key\'s private parameters `d`, `p`, `q`, `dp`, `dq`, `qi`, `k` in an object with `kty`) is deliberate: an example never shows a real one. A type name as the value of a key that names a type (`"type": "String"` of a schemaExtension property) is a value, not a placeholder. `Single` or `Double`, type names that are also words, is one only beside another placeholder in the same body or under a key that says it: alone it is an enum member (`"underline": "Single"`). A list of strings that holds one that is no placeholder, or two different type names, lists values (`["String", "Integer"]`). `"Integer"`, the word the newer generated pages write for an Int32 (`"conflictDeviceCount": "Integer"`), is a type name too. One finding per example, listing the places.',
  example: { before: '{ "accountEnabled": "Boolean", "city": "String" }', after: '{ "accountEnabled": true, "city": "Redmond" }' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|city|String||']) + exampleSection('PATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json\n\n{ "city": "String" }', 'HTTP/1.1 204 No Content')) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|city|String||']) + exampleSection('PATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json\n\n{ "city": "Redmond" }', 'HTTP/1.1 204 No Content')) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const msgs = [...p.examples.requests.map((r) => ({ what: 'request', i: r.index, body: r.body })), ...p.examples.responses.map((r) => ({ what: 'response', i: r.index, body: r.body }))];
      for (const m of msgs) {
        if (m.body?.json === undefined) continue;
        const places = placeholderPlaces(m.body.json);
        if (!places.length) continue;
        const shown = places.slice(0, 8).join(', ') + (places.length > 8 ? `, … (${places.length} in all)` : '');
        out.push(pageFinding(this, p, m.body.src, `example.${m.what}.${m.i}`, `Example ${m.what} holds ${places.length} placeholder value(s): ${shown}`, `${places.length} placeholders`, [m.what, String(m.i)]));
      }
    }
    return out;
  },
};
