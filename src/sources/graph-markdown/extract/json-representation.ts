/**
 * The JSON representation block of a resource page and its annotation (`@odata.type`,
 * `baseType`, `keyProperty`, `optionalProperties`, `openType`). Property names are read from
 * the JSON (leniently; by key pattern when the block does not parse at all).
 */
import type { Extractor } from './context.js';
import { readAnnotation } from './examples.js';
import { parseJsonLenient } from '../../../util/lenient-json.js';

export const jsonRepresentation: Extractor = {
  name: 'jsonRepresentation',
  extract(ctx, ir) {
    if (!ir.resource) return;
    for (const s of ctx.sectionsOf('json-representation')) {
      let annotation;
      for (const n of ctx.content(s)) {
        if (n.type === 'html') { annotation = readAnnotation(ctx, n) ?? annotation; continue; }
        if (n.type !== 'code') continue;
        const jr: NonNullable<typeof ir.resource.jsonRepresentation> = { propertyNames: [], src: ctx.src(n) };
        if (annotation) jr.annotation = annotation;
        try {
          const r = parseJsonLenient(n.value);
          jr.json = r.value;
          if (r.value && typeof r.value === 'object' && !Array.isArray(r.value)) jr.propertyNames = Object.keys(r.value);
        } catch {
          jr.propertyNames = [...n.value.matchAll(/^[ \t]*"([^"\n]+)"[ \t]*:/gm)].map((m) => m[1]!);
          ctx.diag('json-representation-not-json', 'info', 'The JSON representation does not parse as JSON; property names read from its keys', n);
        }
        ir.resource.jsonRepresentation = jr;
        const base = annotation?.fields.baseType;
        if (typeof base === 'string' && !ir.resource.baseType) ir.resource.baseType = { name: base.replace(/^microsoft\.graph\./i, ''), src: annotation!.src };
        return;
      }
    }
  },
};
