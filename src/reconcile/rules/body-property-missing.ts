import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';

export const rule: ModelRule = {
  id: 'body-property-missing',
  input: 'model',
  severity: 'warning',
  contexts: ['variant', 'cross-version'],
  summary: 'A request-body property is documented on some pages of an operation only',
  description:
    'Every property named in any page\'s request-body table is checked against the tables of the other pages of the same operation. Pages without a request-body table are not compared. One finding per property, so it can be suppressed on its own.',
  example: { before: 'page A body: displayName, city\npage B body: displayName', after: 'both list displayName and city' },
  check({ model }) {
    return model.operations.flatMap((g) => {
      const withTable = g.variants.filter((v) => (v.page.requestBody?.properties.length ?? 0) > 0);
      if (withTable.length < 2) return [];
      const names = new Map<string, string>();
      for (const v of withTable) for (const p of v.page.requestBody!.properties) if (!names.has(p.name.toLowerCase())) names.set(p.name.toLowerCase(), p.name);
      return [...names.entries()].sort().flatMap(([lower, name]) =>
        compareField(this, g, `requestBody.${name}`, (v) => {
          const props = v.page.requestBody?.properties ?? [];
          if (!props.length) return undefined;
          const p = props.find((x) => x.name.toLowerCase() === lower);
          return p ? { key: 'present', shown: `documented (${p.type.raw || p.type.name})`, src: p.src } : { key: 'absent', shown: 'not documented', src: v.page.requestBody!.src };
        }, (c) => `Request-body property ${name} is documented on some pages only (${versionsNote(c)})`, [lower]),
      );
    });
  },
};
