import { resourcePage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { sideOf } from '../types.js';

export const rule: ModelRule = {
  id: 'type-undefined',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['tree'],
  summary: 'A property refers to a type or enum that no page defines',
  description: 'A property (or relationship) type names a complex type, entity or enum that no resource page or enum table of the same version defines. The generated models get a placeholder for it. One finding per type and version, listing the first references.',
  example: { before: '| assignedLicenses | [assignedLicense](assignedlicense.md) collection |   (no page defines assignedLicense)', after: 'resources/assignedlicense.md defines assignedLicense' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|part|[gizmo](gizmo.md)||']), 'v1.0/resources/other.md': resourcePage('other', ['|id|String||']) },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|part|[gizmo](gizmo.md)||']), 'v1.0/resources/other.md': resourcePage('gizmo', ['|id|String||']) },
  },
  check({ model }) {
    const defined = new Set<string>();
    for (const t of model.types) if (t.sources.some((s) => s.origin === 'resource')) defined.add(`${t.version}|${t.name.toLowerCase()}`);
    for (const e of model.enums) defined.add(`${e.version}|${e.name.toLowerCase()}`);
    if (!defined.size) return [];
    const missing = new Map<string, { version: string; name: string; refs: { doc: import('../../model/schema.js').Document; src: import('../../model/schema.js').Src }[] }>();
    for (const t of model.types) for (const p of t.properties) for (const s of p.sources) {
      if (s.type.primitive) continue;
      const k = `${t.version}|${s.type.name.toLowerCase()}`;
      if (defined.has(k)) continue;
      let m = missing.get(k);
      if (!m) { m = { version: t.version, name: s.type.name, refs: [] }; missing.set(k, m); }
      m.refs.push({ doc: s.doc, src: s.src });
    }
    const out: FindingDraft[] = [];
    for (const [k, m] of [...missing.entries()].sort()) {
      out.push({ rule: this.id, severity: this.severity, context: 'tree', subject: `${m.version}:${m.name}`, field: 'type', message: `${m.name} (${m.version}) is referenced by ${m.refs.length} propert${m.refs.length === 1 ? 'y' : 'ies'} but defined by no page`, sides: m.refs.slice(0, 10).map((r) => sideOf(r.doc, r.src, m.name)), args: [k] });
    }
    return out;
  },
};
