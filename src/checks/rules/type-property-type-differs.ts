import { resourcePage } from '../fixture-pages.js';
import { linksOwnValues } from '../../model/primitives.js';
import type { ModelRule } from '../types.js';
import { compareSides, versionsNote } from '../compare.js';
import { propertySources, typeGroups } from '../type-groups.js';
import { betaExtendsType } from '../type-relations.js';

/** Edm numeric types (their widths are compared by type-property-format-differs). */
export const NUMERIC_EDM = ['Int16', 'Int32', 'Int64', 'Byte', 'SByte', 'Double', 'Single', 'Decimal'];
const NUMERIC = new Set(NUMERIC_EDM.map((n) => n.toLowerCase()));

/** A type name as type rules compare it: lower case, every numeric width one type ('number'). */
export function typeCompareKey(name: string): string {
  const n = name.toLowerCase();
  return NUMERIC.has(n) ? 'number' : n;
}

/**
 * A type cell as type rules compare it: as its name (typeCompareKey), except a link to the page's own table of values
 * (`[capabilityStatus](#capabilitystatus-values)`, `[ageGroup](#agegroup-values)`), which documents the values of a string —
 * the service's metadata types both properties Edm.String —, not another type: it compares as String.
 */
export function typeRefCompareKey(t: { name: string; link?: string }): string {
  return linksOwnValues(t) ? 'string' : typeCompareKey(t.name);
}


export const rule: ModelRule = {
  id: 'type-property-type-differs',
  input: 'model',
  severity: 'error',
  confidence: 'high',
  contexts: ['variant', 'cross-version'],
  summary: 'A property of a type has different types on different pages or versions',
  description:
    'The same property of the same resource type is typed differently by its sources: the resource page of each version, other resource pages, request-body tables. Numeric widths (Int32 vs Int64) are reported by type-property-format-differs instead; a type cell that links to the page\'s own table of values (`[capabilityStatus](#capabilitystatus-values)`) documents a string\'s values and compares as String. Generated models can only pick one (see the emitted JSDoc for the policy). Across versions, a beta type only beta has that has every property of the type v1.0 names (beta typedEmailAddress for v1.0 emailAddress) is a rename or extension, not reported.',
  example: { before: 'v1.0 user.md: birthday | DateTimeOffset\nbeta user.md: birthday | String', after: 'both: birthday | DateTimeOffset' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|size|Int32||']), 'v1.0/resources/widget2.md': resourcePage('widget', ['|size|String||']) },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|size|Int32||']), 'v1.0/resources/widget2.md': resourcePage('widget', ['|size|Int32||']) },
  },
  check({ model }) {
    // Beta types the property with its rename or extension of v1.0's type (contact's emailAddresses: typedEmailAddress for
    // emailAddress): a version difference, not a contradiction.
    const extendsType = betaExtendsType(model);
    const of = (sides: { version: string | null; value: string }[], version: string) => sides.filter((x) => x.version === version).map((x) => x.value);
    return typeGroups(model).flatMap(({ key, types }) =>
      [...propertySources(types).entries()].flatMap(([name, srcs]) =>
        compareSides(this, key, `properties.${name}.type`, srcs.map(({ t, s }) => {
          return { key: typeRefCompareKey(s.type), shown: s.type.name, src: s.src, version: t.version, page: s.doc };
        }), (c, d) => `${key}.${name} is typed ${d.join(' vs ')} (${versionsNote(c)})`, [name]),
      ).filter((d) => d.context !== 'cross-version' || !extendsType(of(d.sides, 'beta'), of(d.sides, 'v1.0'))),
    );
  },
};
