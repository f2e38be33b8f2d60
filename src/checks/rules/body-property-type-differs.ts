import { bodySection, opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { ask } from '../lookups/lookup.js';
import { TYPE_PROPERTY_NAMES } from '../lookups/type-property-names.js';
import type { OperationGroup } from '../../model/types.js';
import type { Property } from '../../model/schema.js';
import { compareField, versionsNote } from '../compare.js';
import { extendsByNames } from '../type-relations.js';
import { requestBodyTypeName } from '../../model/merge.js';
import { typeShown } from '../page-finding.js';
import { copiedTemplate } from './example-path-fits-no-template.js';

/**
 * Pages of one operation whose request bodies represent the same type. Pages of polymorphic
 * operations (one page per derived type, as in Intune) document different bodies on purpose;
 * their properties are compared only within each type. A page whose examples call none of its
 * templates is left out (copiedTemplate).
 */
export function bodyPartitions(g: OperationGroup): OperationGroup[] {
  const parts = new Map<string, OperationGroup['variants']>();
  for (const v of g.variants) {
    // A page whose examples call none of its templates documents what its examples call (a copied template): its table is
    // not this operation's body (the addFormulaLocal pages' `formula` against the add pages'; labels o039, o1131).
    if (!(v.doc.requestBody?.properties.length) || copiedTemplate(v)) continue;
    const t = (requestBodyTypeName(v.doc) ?? '').toLowerCase();
    if (!parts.has(t)) parts.set(t, []);
    parts.get(t)!.push(v);
  }
  return [...parts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).filter(([, vs]) => vs.length > 1)
    .map(([t, vs]) => ({ key: g.key, method: g.method, variants: vs, bodyType: t } as OperationGroup & { bodyType: string }));
}

/** Field prefix naming the body type when the operation has several. */
export function bodyField(g: OperationGroup, lower: string, suffix = ''): string {
  const t = (g as OperationGroup & { bodyType?: string }).bodyType;
  return `requestBody${t ? `(${t})` : ''}.${lower}${suffix}`;
}

/** Body properties by lower-case name, for each page of the group that has a table. */
export function bodyPropertyNames(g: OperationGroup): string[] {
  return [...new Set(g.variants.flatMap((v) => (v.doc.requestBody?.properties ?? []).map((p) => p.name.toLowerCase())))].sort();
}

/** Each body table's properties by lower-case name, the first of a name winning (as a search would find it): the body rules look names up per variant and per property. */
const byLowerName = new WeakMap<Property[], Map<string, Property>>();

export function bodyProperty(props: Property[] | undefined, lower: string): Property | undefined {
  if (!props) return undefined;
  let m = byLowerName.get(props);
  if (!m) {
    m = new Map();
    for (const p of props) { const k = p.name.toLowerCase(); if (!m.has(k)) m.set(k, p); }
    byLowerName.set(props, m);
  }
  return m.get(lower);
}

export const rule: ModelRule = {
  id: 'body-property-type-differs',
  input: 'model',
  severity: 'error',
  confidence: 'high',
  contexts: ['variant', 'cross-version'],
  summary: 'A request-body property has different types on different pages',
  description:
    'The same property of the same operation is typed differently (ignoring the case of the type name, which type-name-casing-differs reports, and collection-ness, which body-property-collection-differs reports). Generated models can only pick one. Across versions, a beta type only beta has that has every property of the type v1.0 names (beta typedEmailAddress for v1.0 emailAddress) is a rename or extension, not reported. A page whose live example requests all call paths none of its templates fits (a template copied from another page: the addFormulaLocal pages give `POST /workbook/names/add`) is not compared: its table documents what its examples call.',
  example: { before: 'page A: hireDate | DateTimeOffset\npage B: hireDate | String', after: 'both: hireDate | DateTimeOffset' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32||'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|String||'])) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32||'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32||'])) },
  },
  unit: 'operation',
  lookups: [TYPE_PROPERTY_NAMES],
  check(input) {
    const { model } = input;
    // Beta's body typing the property with its rename or extension of v1.0's type (contact update's emailAddresses:
    // typedEmailAddress for emailAddress) is a version difference, as for the resource pages (type-property-type-differs).
    const extendsType = extendsByNames((key) => ask(input, TYPE_PROPERTY_NAMES, key));
    return model.operations.flatMap(bodyPartitions).flatMap((g) =>
      bodyPropertyNames(g).flatMap((lower) => {
        const typed: { version: string; name: string }[] = [];
        const of = (version: string) => typed.filter((x) => x.version === version).map((x) => x.name);
        // The name as the first page writes it (the key is its lower case: `columnOffset`, not `columnoffset`).
        let written: string | undefined;
        return compareField(this, g, bodyField(g, lower, '.type'), (v) => {
          const p = bodyProperty(v.doc.requestBody?.properties, lower);
          if (p) { typed.push({ version: v.version, name: p.type.name }); written ??= p.name; }
          return p && { key: p.type.name.toLowerCase(), shown: typeShown(p.type), src: p.src };
        }, (c, d) => `Property ${written ?? lower} is typed ${d.join(' vs ')} (${versionsNote(c)})`, [lower])
          .filter((d) => d.context !== 'cross-version' || !extendsType(of('beta'), of('v1.0')));
      }),
    );
  },
};
