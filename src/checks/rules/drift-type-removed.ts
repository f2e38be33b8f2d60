import { resourcePage } from '../fixture-pages.js';
import type { TypeModel } from '../../model/types.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { posix } from 'node:path';
import type { Document } from '../../model/schema.js';
import { allVariantsByKey, change, isDocumentedType, sideOf, typePage, typesByKey } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-type-removed',
  input: 'drift',
  severity: 'error',
  confidence: 'high',
  contexts: ['drift'],
  summary: 'A resource type documented in the old snapshot has no resource page in the new one (breaking), or a new one appeared (info)',
  description: 'Resource types (by version, namespace and name) that lost or gained their resource page between the snapshots. A type whose name is now documented in another namespace with every old property (microsoft.graph.schema → microsoft.graph.externalConnectors.schema) moved: reported once, not breaking. So is a type renamed in place (provisioningSystemDetails → provisioningSystem): a type that gained a page under another name with the same property names, which every property that used the old type now uses (type names are not on the wire) — or, for a type no property used (printUsageSummaryByPrinter → printUsageByPrinter, reached by paths of its own), the one type of its shape (three properties or more) that gained a page, which no property uses either. A type whose page is gone while every operation of its own method pages (named after its page, linked from its Methods table, documented by no other page) is still documented (educationRoot) is a docs restructure: reported, not breaking.',
  example: { before: 'old: resources/widget.md', after: 'new: (no resources/widget.md)' },
  fixture: {
    before: { 'old/v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']), 'new/v1.0/resources/gadget.md': resourcePage('gadget', ['|id|String||']) },
    after: { 'old/v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']), 'new/v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']) },
  },
  check({ old, new: nu }) {
    const out: FindingDraft[] = [];
    const a = typesByKey(old);
    const b = typesByKey(nu);
    const documented = (m: Map<string, TypeModel>, k: string) => { const t = m.get(k); return !!t && isDocumentedType(t); };
    // Types that gained a page, by version + name (where a removed type may have moved to another namespace) and by
    // version + property names (where it may have been renamed in place).
    const gainedByName = new Map<string, [string, TypeModel][]>();
    const gainedByShape = new Map<string, [string, TypeModel][]>();
    const push = <V>(m: Map<string, V[]>, key: string, e: V) => { const l = m.get(key); if (l) l.push(e); else m.set(key, [e]); };
    for (const [k, t] of b) {
      if (!isDocumentedType(t) || documented(a, k)) continue;
      push(gainedByName, `${t.version}|${t.name.toLowerCase()}`, [k, t]);
      push(gainedByShape, shapeKey(t), [k, t]);
    }
    const moved = new Set<string>();
    // The properties typed with each type (old snapshot), and each property's type (new snapshot), by version, owner and name.
    const oldRefs = new Map<string, { key: string; shown: string }[]>();
    for (const o of old.types) if (isDocumentedType(o)) for (const p of o.properties) {
      const x = p.sources[0];
      if (x) push(oldRefs, `${o.version}|${x.type.name.toLowerCase()}`, { key: `${o.version}|${o.name.toLowerCase()}|${p.name.toLowerCase()}`, shown: `${o.name}.${p.name}` });
    }
    // Each property's type (new snapshot), and the properties typed with each type, by version and type name.
    const newTypeOf = new Map<string, string>();
    const newRefs = new Map<string, { key: string; shown: string }[]>();
    for (const t of nu.types) if (isDocumentedType(t)) for (const p of t.properties) {
      const x = p.sources[0];
      if (!x) continue;
      const key = `${t.version}|${t.name.toLowerCase()}|${p.name.toLowerCase()}`;
      newTypeOf.set(key, x.type.name.toLowerCase());
      push(newRefs, `${t.version}|${x.type.name.toLowerCase()}`, { key, shown: `${t.name}.${p.name}` });
    }
    // Operation keys by the file documenting them (old), and every key the new snapshot documents.
    const oldOps = new Map<string, string[]>();
    const oldFiles = new Map<string, string[]>();
    for (const [k, vs] of allVariantsByKey(old)) for (const v of vs) {
      oldFiles.set(k, [...(oldFiles.get(k) ?? []), v.doc.file.toLowerCase()]);
      const f = v.doc.file.toLowerCase();
      if (!oldOps.has(f)) oldOps.set(f, []);
      if (!oldOps.get(f)!.includes(k)) oldOps.get(f)!.push(k);
    }
    const newOps = new Set(allVariantsByKey(nu).keys());
    for (const [k, t] of a) {
      if (!isDocumentedType(t) || documented(b, k)) continue;
      const s = typePage(t)!;
      const subject = k.slice(k.indexOf(' ') + 1);
      // Same name, another namespace, every old property still there: a namespace move (schema → externalConnectors.schema).
      const names = (x: TypeModel) => new Set(x.properties.map((p) => p.name.toLowerCase()));
      const cands = (gainedByName.get(`${t.version}|${t.name.toLowerCase()}`) ?? []).map(([nk, nt]) => ({ nk, nt, missing: [...names(t)].filter((p) => !names(nt).has(p)) }));
      const to = cands.find((c) => !c.missing.length && !moved.has(c.nk));
      if (to) {
        moved.add(to.nk);
        const full = `${to.nt.namespace}.${to.nt.name}`;
        const sn = typePage(to.nt)!;
        out.push(change(this, false, t.version, subject, 'type', `${k} moved to ${full} (${sn.doc.file}: another namespace, same name, all ${names(t).size} properties kept)`, [sideOf(s.doc, s.src, 'documented'), sideOf(sn.doc, sn.src, full)], ['removed']));
        continue;
      }
      // Renamed in place (provisioningSystemDetails → provisioningSystem): a type that gained a page under another name
      // with the same property names, which the properties that used the old type now use. Type names are not on the
      // wire (a property's JSON is its properties'): reported once, not breaking.
      const re = renamedTo(t, gainedByShape.get(shapeKey(t)) ?? [], oldRefs.get(`${t.version}|${t.name.toLowerCase()}`) ?? [], newTypeOf, newRefs);
      if (re && !moved.has(re.key)) {
        moved.add(re.key);
        const sn = typePage(re.type)!;
        out.push(change(this, false, t.version, subject, 'type', `${k} was renamed ${re.type.name} (${sn.doc.file}: the same ${names(t).size} properties; ${re.via.length ? `${re.via.join(', ')} now of that type` : 'no property of either snapshot is of either type'})`, [sideOf(s.doc, s.src, 'documented'), sideOf(sn.doc, sn.src, re.type.name)], ['removed']));
        continue;
      }
      const near = cands[0] ? ` (a type of that name is now documented in namespace ${cands[0].nt.namespace}, without ${cands[0].missing.join(', ')})` : '';
      // Every operation the old page's Methods table linked is still documented (educationRoot: POST /education/classes …):
      // the page went, the API surface did not — a docs restructure.
      const ops = linkedOperations(s.doc, oldOps, oldFiles);
      const kept = ops.length > 0 && ops.every((o) => newOps.has(o));
      if (kept) {
        out.push(change(this, false, t.version, subject, 'type', `${k} lost its resource page, but all ${ops.length} operation(s) of its method pages are still documented (${ops.slice(0, 3).map((o) => o.slice(o.indexOf(' ') + 1)).join(', ')}${ops.length > 3 ? ', …' : ''})`, [sideOf(s.doc, s.src, 'documented')], ['removed']));
        continue;
      }
      out.push(change(this, true, t.version, subject, 'type', `${k} lost its resource page${near}`, [sideOf(s.doc, s.src, 'documented')], ['removed']));
    }
    for (const [k, t] of b) {
      if (!isDocumentedType(t) || documented(a, k) || moved.has(k)) continue;
      const s = typePage(t)!;
      out.push(change(this, false, t.version, k.slice(k.indexOf(' ') + 1), 'type', `${k} gained a resource page`, [sideOf(s.doc, s.src, 'documented')], ['added']));
    }
    return out;
  },
};

/**
 * The operation keys (version + key) documented by the type's own method pages that its resource page's
 * Methods table links to — pages named after it (educationroot.md → educationroot-list-classes.md), not a
 * base type's or another type's pages it also links (externalfile.md → externalitem-delete.md) — and only
 * operations no other page of the old snapshot documented.
 */
function linkedOperations(doc: Document, byFile: Map<string, string[]>, filesOf: Map<string, string[]>): string[] {
  const out: string[] = [];
  const own = `${posix.basename(doc.file, '.md').toLowerCase()}-`;
  // Only operations no other page documented: a derived type's page on its base type's path
  // (featureFlightedConfiguration-get.md: GET /deviceManagement/deviceConfigurations/{id}) is not its own operation.
  const mine = (k: string) => (filesOf.get(k) ?? []).every((f) => posix.basename(f).startsWith(own));
  for (const m of doc.resource?.methods ?? []) {
    const target = m.target?.split('#')[0];
    if (!target || /^[a-z]+:/i.test(target) || !posix.basename(target).toLowerCase().startsWith(own)) continue;
    const file = posix.normalize(posix.join(posix.dirname(doc.file), target)).toLowerCase();
    for (const k of byFile.get(file) ?? []) if (mine(k) && !out.includes(k)) out.push(k);
  }
  return out.sort();
}

/** A type's version and property names (lower case, sorted): two types of one shape have the same key. */
function shapeKey(t: TypeModel): string {
  return `${t.version}|${t.properties.map((p) => p.name.toLowerCase()).sort().join('|')}`;
}

/**
 * The gained type of `t`'s shape (same version and property names, at least two; another name) that `t` was renamed
 * to: every property that used `t` and still exists now uses it (at least one does) — with those properties' names.
 * When no property that used `t` is left (they were renamed with it: reportRoot.dailyPrintUsageSummariesByPrinter →
 * dailyPrintUsageByPrinter, label d1299, "printUsageSummaryByPrinter lost its resource page" before) or none ever did:
 * the one type of its shape, of three properties or more, that gained a page and that properties of the same types use
 * (`newRefs`: the new snapshot's properties by the type they are of), or none if none used `t`.
 */
function renamedTo(t: TypeModel, sameShape: [string, TypeModel][], refs: { key: string; shown: string }[], newTypeOf: Map<string, string>, newRefs: Map<string, { key: string; shown: string }[]>): { key: string; type: TypeModel; via: string[] } | undefined {
  if (t.properties.length < 2) return undefined;
  if (!refs.some((r) => newTypeOf.has(r.key))) {
    const owners = (rs: { key: string }[]) => [...new Set(rs.map((r) => r.key.slice(0, r.key.lastIndexOf('|'))))].sort().join(' ');
    const others = sameShape.filter(([, nt]) => nt.name.toLowerCase() !== t.name.toLowerCase());
    if (t.properties.length < 3 || others.length !== 1) return undefined;
    const [key, nt] = others[0]!;
    const uses = newRefs.get(`${nt.version}|${nt.name.toLowerCase()}`) ?? [];
    return owners(uses) === owners(refs) ? { key, type: nt, via: uses.map((r) => r.shown) } : undefined;
  }
  const now = refs.filter((r) => newTypeOf.has(r.key));
  for (const [key, nt] of sameShape) {
    if (nt.name.toLowerCase() === t.name.toLowerCase()) continue;
    if (now.every((r) => newTypeOf.get(r.key) === nt.name.toLowerCase())) return { key, type: nt, via: now.map((r) => r.shown) };
  }
  return undefined;
}
