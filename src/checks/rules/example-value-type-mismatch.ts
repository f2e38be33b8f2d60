import { bodySection, exampleSection, opPage } from '../fixture-pages.js';
import type { TypeRef } from '../../model/schema.js';
import { sideOf, type ModelRule, type FindingDraft } from '../types.js';
import { objectBody, pageFinding, typeShown } from '../page-finding.js';
import { docVersion } from '../../model/merge.js';
import { isPlaceholder } from './example-value-placeholder.js';
import { bodyResourceRows } from './body-property-contradicts-type.js';
import { typeCompareKey } from './type-property-type-differs.js';
import { keySrc } from '../../util/json-keys.js';

/** Does a JSON value fit a documented type? undefined when it cannot be told. */
export function fits(v: unknown, t: TypeRef): boolean | undefined {
  if (v === null) return true;
  if (t.collection) return Array.isArray(v) ? v.every((x) => fits(x, { ...t, collection: false }) !== false) : false;
  // Json is any JSON value: an array (a 2-D range of values), an object, a scalar.
  if (t.primitive && t.name === 'Json') return true;
  if (Array.isArray(v)) return false;
  if (!t.primitive) return typeof v === 'object' ? true : typeof v === 'string' ? undefined : false; // enums are strings
  switch (t.name) {
    case 'String': return typeof v === 'string';
    case 'Boolean': return typeof v === 'boolean';
    case 'Int16': case 'Int32': case 'Int64': case 'Byte': case 'SByte': return typeof v === 'number' && Number.isInteger(v) || (t.name === 'Int64' && typeof v === 'string' && /^-?\d+$/.test(v));
    case 'Double': case 'Single': case 'Decimal': return typeof v === 'number' || (typeof v === 'string' && /^(-?\d+(\.\d+)?|NaN|INF|-INF)$/.test(v));
    case 'Guid': return typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
    case 'DateTimeOffset': return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);
    case 'Date': return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    case 'TimeOfDay': case 'Duration': case 'Binary': return typeof v === 'string';
    default: return undefined;
  }
}

export const rule: ModelRule = {
  id: 'example-value-type-mismatch',
  input: 'model',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'An example request value does not fit the type the page declares for it',
  description:
    'A top-level value in the example request body does not fit the type of that property in the page\'s request-body table (a string for a Boolean, an object for a String collection, a malformed Guid or date). Placeholders (type names, `<name>-value`) are reported by example-value-placeholder instead. When the body is the JSON representation of a resource (as body-property-contradicts-type reads it) and the value fits the type that resource\'s page gives the property (an object where the table says String and the page printTaskStatus), the finding says so and names that row: the table is the side to fix, not the example.',
  example: { before: 'table: accountEnabled | Boolean\nexample: "accountEnabled": "yes"', after: '"accountEnabled": true' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|enabled|Boolean||']) + exampleSection('PATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json\n\n{ "enabled": "yes" }', 'HTTP/1.1 204 No Content')) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|enabled|Boolean||']) + exampleSection('PATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json\n\n{ "enabled": true }', 'HTTP/1.1 204 No Content')) },
  },
  check({ model, pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const props = p.requestBody?.properties ?? [];
      // Read only when a value does not fit (most pages have none): the resource page's rows for the body's properties.
      let of: ReturnType<typeof bodyResourceRows> | null = null;
      for (const r of p.examples.requests) {
        const body = objectBody(r.body?.json);
        if (!body) continue;
        for (const [k, v] of Object.entries(body)) {
          const prop = props.find((x) => x.name.toLowerCase() === k.toLowerCase());
          // A placeholder, or a list of them (`["skuId-value-1", "skuId-value-2"]`): example-value-placeholder reports it.
          if (!prop || isPlaceholder(v, k) || (Array.isArray(v) && v.length > 0 && v.every((x) => isPlaceholder(x, k)))) continue;
          if (fits(v, prop.type) !== false) continue;
          const shown = JSON.stringify(v).slice(0, 60);
          const declared = `${typeShown(prop.type)}${prop.type.collection ? ' collection' : ''}`;
          // The key's own line, not the body's first (label o1527: "isEnabled" at :87 of a body opening at :75).
          const at = keySrc(r.body!, k) ?? r.body!.src;
          // The resource page types the property otherwise, and the value fits that type (labels r2113, o1327: an object for
          // printTask.status, String in the table, printTaskStatus on printtask.md): the example is right, the table is not.
          if (of === null) of = bodyResourceRows(model, p, docVersion(p));
          const other = of?.rows(k)?.find((x) => (typeCompareKey(x.type.name) !== typeCompareKey(prop.type.name) || x.type.collection !== prop.type.collection) && fits(v, x.type) === true);
          if (other) {
            const given = `${other.type.name}${other.type.collection ? ' collection' : ''}`;
            const f = pageFinding(this, p, at, `example.${r.index}.${k}`, `Example request sends ${k} = ${shown}, which fits ${given}, the type ${of!.typeName}'s page gives ${k}, but not the request-body table's ${declared}: the table is the side to fix`, shown, [String(r.index), k], [{ src: prop.src, value: declared }]);
            out.push({ ...f, sides: [...f.sides, sideOf(other.doc, other.src, given)] });
            continue;
          }
          out.push(pageFinding(this, p, at, `example.${r.index}.${k}`, `Example request sends ${k} = ${shown}, which does not fit its declared type ${declared}`, shown, [String(r.index), k], [{ src: prop.src, value: declared }]));
        }
      }
    }
    return out;
  },
};
