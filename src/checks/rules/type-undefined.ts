import { linkedFile } from '../../util/link.js';
import { resourcePage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { sideOf } from '../types.js';
import { singular } from '../../model/identity.js';

export const rule: ModelRule = {
  id: 'type-undefined',
  input: 'model',
  wholeTree: true,
  severity: 'warning',
  confidence: 'low',
  contexts: ['tree'],
  summary: 'A property refers to a type or enum that no page defines',
  description: 'A property (or relationship) type names a complex type, entity or enum that no resource page or enum table of the same version defines. A reference that links to a page with a section or title named after the type, or after the singular of the link text (a page documenting several types, such as dynamics-complextypes.md), counts as defined there; so does one that links to the other version\'s docs (`…?view=graph-rest-beta` from a v1.0 page) when that version defines the type. The generated models get a placeholder for it. One finding per type and version, listing the first references. Not reported on a tree that is only part of a docs tree (see tree-partial).',
  example: { before: '| assignedLicenses | [assignedLicense](assignedlicense.md) collection |   (no page defines assignedLicense)', after: 'resources/assignedlicense.md defines assignedLicense' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|part|[gizmo](gizmo.md)||']), 'v1.0/resources/other.md': resourcePage('other', ['|id|String||']) },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|part|[gizmo](gizmo.md)||']), 'v1.0/resources/other.md': resourcePage('gizmo', ['|id|String||']) },
  },
  check(input) {
    const { model } = input;
    const defined = new Set<string>();
    for (const t of model.types) if (t.sources.some((s) => s.origin === 'resource')) defined.add(`${t.version}|${t.name.toLowerCase()}`);
    for (const e of model.enums) defined.add(`${e.version}|${e.name.toLowerCase()}`);
    if (!defined.size) return [];
    const missing = new Map<string, { version: string; name: string; refs: { doc: import('../../model/schema.js').Document; src: import('../../model/schema.js').Src; raw: string; link?: string; unresolved?: string }[] }>();
    for (const t of model.types) for (const p of t.properties) for (const s of p.sources) {
      // The docs generator's placeholder for a type it could not resolve (TypeRef.unresolved, read as Json): no page defines
      // what it was. Keyed as "Unknown", the name the page shows, as it was before the extractor told it apart.
      const unresolved = s.type.unresolved;
      if (s.type.primitive && unresolved === undefined) continue;
      const name = unresolved === undefined ? s.type.name : 'Unknown';
      const k = `${t.version}|${name.toLowerCase()}`;
      if (unresolved === undefined && defined.has(k)) continue;
      let m = missing.get(k);
      if (!m) { m = { version: t.version, name, refs: [] }; missing.set(k, m); }
      m.refs.push({ doc: s.doc, src: s.src, raw: s.type.raw, ...(s.type.link ? { link: s.type.link } : {}), ...(unresolved === undefined ? {} : { unresolved }) });
    }
    // A reference linking to a page with a section (or title) named after the type is defined there,
    // on a page of several types (dynamics-complextypes.md "## Postal address" for NAV.PostalAddress).
    const docs = new Map(model.documents.map((d) => [d.file.toLowerCase(), d] as const));
    const squash = (x: string) => x.toLowerCase().replace(/[^a-z0-9]/g, '');
    const definedAtLink = (r: { doc: { file: string }; link?: string; raw?: string }, name: string): boolean => {
      const d = docs.get(linkedFile(r.doc.file, r.link) ?? '');
      if (!d) return false;
      // The name as the link shows it, qualifier dropped (NAV.PostalAddress → PostalAddress).
      const written = (linkText(r.raw ?? '') ?? name).split('.').pop()!;
      // The link text may be the plural ("[authenticationContextClassReferences](authenticationcontextclassreference.md)").
      const locals = new Set([squash(written), squash(singular(written))]);
      const title = d.title.h1?.value ?? d.title.frontMatter?.value ?? '';
      return [title, ...d.sections.map((x) => x.heading)].some((h) => { const q = squash(h); return [...locals].some((local) => q === local || q === `${local}resourcetype` || q === `${local}complextype`); });
    };
    // A reference linking to the other version's docs (`…/educationassignment?view=graph-rest-beta` in v1.0, with a note that
    // the type is beta's) is defined where it links, when that version defines it.
    const definedInLinkedVersion = (r: { link?: string }, name: string): boolean => {
      const v = /[?&]view=graph-rest-(beta|1\.0)\b/i.exec(r.link ?? '')?.[1];
      return v !== undefined && defined.has(`${v === 'beta' ? 'beta' : 'v1.0'}|${name.toLowerCase()}`);
    };
    for (const [k, m] of missing) if (m.refs.every((r) => r.unresolved === undefined && (definedAtLink(r, m.name) || definedInLinkedVersion(r, m.name)))) missing.delete(k);
    const out: FindingDraft[] = [];
    for (const [k, m] of [...missing.entries()].sort()) {
      const n = `${m.refs.length} propert${m.refs.length === 1 ? 'y' : 'ies'}`;
      // The docs generator's placeholder for a type it could not resolve ("** Unknown Type `ns.name` **"): say so, not "a type named Unknown".
      const unresolved = m.refs.map((r) => r.unresolved);
      const generator = unresolved.every((x) => x !== undefined);
      const message = generator
        ? `The type of ${n} (${m.version}) is the docs generator's unresolved "Unknown Type ${[...new Set(unresolved)].join('", "')}": no page defines it`
        : `${m.name} (${m.version}) is referenced by ${n} but defined by no page`;
      out.push({ rule: this.id, severity: this.severity, context: 'tree', subject: `${m.version}:${m.name}`, field: 'type', message, sides: m.refs.slice(0, 10).map((r) => sideOf(r.doc, r.src, generator ? unresolved[0]! : m.name)), args: [k] });
    }
    return out;
  },
};

/** The text of the first `[text]` in a cell, found with indexOf (a regex scan restarting at every `[` is quadratic). */
function linkText(raw: string): string | undefined {
  const open = raw.indexOf('[');
  if (open < 0) return undefined;
  const close = raw.indexOf(']', open + 1);
  return close > open + 1 ? raw.slice(open + 1, close) : undefined;
}
