import { bodySection, opPage } from '../fixture-pages.js';
import type { FindingDraft, ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';
import { bodyField, bodyPartitions, bodyProperty } from './body-property-type-differs.js';

export const rule: ModelRule = {
  id: 'body-property-missing',
  input: 'model',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'A request-body property is documented on some pages of an operation only',
  description:
    'Every property named in any page\'s request-body table is checked against the tables of the other pages of the same operation whose body is the same type (pages of polymorphic operations, one per derived type, are compared within their type). Pages without a request-body table are not compared. One finding per set of pages lacking the same properties (usually one page pair), listing the properties; each property stays an instance with its own fingerprint, so it can be suppressed on its own.',
  example: { before: 'page A body: displayName, city\npage B body: displayName', after: 'both list displayName and city' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||', '|city|String||'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||'])) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||', '|city|String||'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||', '|city|String||'])) },
  },
  check({ model }) {
    return model.operations.flatMap(bodyPartitions).flatMap((g) => {
      const withTable = g.variants;
      const names = new Map<string, string>();
      for (const v of withTable) for (const p of v.doc.requestBody!.properties) if (!names.has(p.name.toLowerCase())) names.set(p.name.toLowerCase(), p.name);
      const perProperty = [...names.entries()].sort().flatMap(([lower, name]) =>
        compareField(this, g, bodyField(g, name), (v) => {
          const props = v.doc.requestBody?.properties ?? [];
          if (!props.length) return undefined;
          const p = bodyProperty(props, lower);
          return p ? { key: 'present', shown: `documented (${p.type.raw || p.type.name})`, src: p.src } : { key: 'absent', shown: 'not documented', src: v.doc.requestBody!.src };
        }, (c) => `Request-body property ${name} is documented on some pages only (${versionsNote(c)})`, [lower]).map((d) => ({ d, name })),
      );
      // One finding per set of pages that lack the same properties (one page pair, usually), listing them.
      const buckets = new Map<string, { d: FindingDraft; name: string }[]>();
      for (const x of perProperty) {
        const lacking = x.d.sides.filter((s) => s.value === 'not documented').map((s) => s.file).sort();
        const k = `${x.d.severity}|${x.d.context}|${lacking.join('|')}`;
        if (!buckets.has(k)) buckets.set(k, []);
        buckets.get(k)!.push(x);
      }
      return [...buckets.values()].map((b): FindingDraft => {
        if (b.length === 1) return b[0]!.d;
        const first = b[0]!.d;
        const lacking = [...new Set(first.sides.filter((s) => s.value === 'not documented').map((s) => s.file))].sort();
        const props = b.map((x) => x.name);
        const sides = first.sides.map((s) => ({ ...s, value: s.value === 'not documented' ? `lacks ${props.join(', ')}` : `documents ${props.join(', ')}` }));
        return {
          ...first, sides, field: bodyField(g, '*'),
          message: `${props.length} request-body properties (${props.join(', ')}) are documented on some pages only, missing on ${lacking.join(', ')} (${versionsNote(first.context as 'variant' | 'cross-version')})`,
          args: ['lacking', ...lacking], instances: b.map((x) => x.d),
        };
      });
    });
  },
};
