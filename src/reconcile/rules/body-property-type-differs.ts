import type { ModelRule } from '../types.js';
import type { OperationGroup } from '../../model/types.js';
import type { Property } from '../../ir/schema.js';
import { compareField, versionsNote } from '../compare.js';

/** Body properties by lower-case name, for each page of the group that has a table. */
export function bodyPropertyNames(g: OperationGroup): string[] {
  return [...new Set(g.variants.flatMap((v) => (v.page.requestBody?.properties ?? []).map((p) => p.name.toLowerCase())))].sort();
}

export function bodyProperty(props: Property[] | undefined, lower: string): Property | undefined {
  return props?.find((p) => p.name.toLowerCase() === lower);
}

export const rule: ModelRule = {
  id: 'body-property-type-differs',
  input: 'model',
  severity: 'error',
  contexts: ['variant', 'cross-version'],
  summary: 'A request-body property has different types on different pages',
  description:
    'The same property of the same operation is typed differently (ignoring the case of the type name, which type-name-casing-differs reports, and collection-ness, which body-property-collection-differs reports). Generated models can only pick one.',
  example: { before: 'page A: hireDate | DateTimeOffset\npage B: hireDate | String', after: 'both: hireDate | DateTimeOffset' },
  check({ model }) {
    return model.operations.flatMap((g) =>
      bodyPropertyNames(g).flatMap((lower) =>
        compareField(this, g, `requestBody.${lower}.type`, (v) => {
          const p = bodyProperty(v.page.requestBody?.properties, lower);
          return p && { key: p.type.name.toLowerCase(), shown: p.type.name, src: p.src };
        }, (c, d) => `Property ${lower} is typed ${d.join(' vs ')} (${versionsNote(c)})`, [lower]),
      ),
    );
  },
};
