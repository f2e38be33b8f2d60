/**
 * The JSON representation block of a resource page and its annotation (`@odata.type`,
 * `baseType`, `keyProperty`, `optionalProperties`, `openType`). Property names are read from
 * the JSON (leniently; by key pattern when the block does not parse at all).
 */
import type { Extractor } from './context.js';
import type { Annotation, PageIR, Src } from '../ir/schema.js';
import type { Code } from 'mdast';
import { readAnnotation } from './examples.js';
import { parseJsonLenient } from '../../../util/lenient-json.js';
import { keyName, keysIn, type KeyPlace } from '../../../util/json-keys.js';

type Resource = NonNullable<PageIR['resource']>;

function splitQualified(t: string): { name: string; namespace?: string } | undefined {
  const full = t.trim().replace(/^#/, '');
  if (!/^[A-Za-z][\w.]*$/.test(full)) return undefined;
  const dot = full.lastIndexOf('.');
  return dot < 0 ? { name: full } : { name: full.slice(dot + 1), namespace: full.slice(0, dot) };
}

/**
 * Type identity from the JSON representation: the name from the annotation's `@odata.type`,
 * else from the JSON's own `@odata.type` (the H1 name stays otherwise); the base type from the
 * annotation's `baseType` (it wins over prose); `keyProperty` makes the type an entity.
 */
function applyIdentity(res: Resource, jr: NonNullable<Resource['jsonRepresentation']>): void {
  const fields = jr.annotation?.fields ?? {};
  const jsonType = jr.json && typeof jr.json === 'object' && !Array.isArray(jr.json) ? (jr.json as Record<string, unknown>)['@odata.type'] : undefined;
  // OneDrive pages write the annotation's type as "@type".
  const annotated = typeof fields['@odata.type'] === 'string' ? fields['@odata.type'] : typeof fields['@type'] === 'string' ? fields['@type'] : undefined;
  const fromAnnotation = annotated ? splitQualified(annotated) : undefined;
  const fromJson = typeof jsonType === 'string' ? splitQualified(jsonType) : undefined;
  const named = fromAnnotation ?? fromJson;
  if (named) {
    // The annotation's spelling, unless it is the title's camel-cased name written all in lower case: "microsoft.graph.passwordprofile"
    // under "# passwordProfile resource type" is passwordProfile (so are orgContact and teamsAsyncOperation in the service's
    // metadata); "BaseItem resource type" annotated "baseItem" is baseItem, "SharePointIds" annotated "sharepointIds"
    // sharepointIds, "Audio resource type" annotated "audio" audio (the metadata's spellings: an annotation with a capital of
    // its own is kept, and so is one the title only capitalises).
    if (!(named.name.toLowerCase() === res.name.toLowerCase() && named.name === named.name.toLowerCase() && /[A-Z]/.test(res.name.slice(1)))) res.name = named.name;
    res.nameFrom = fromAnnotation ? 'annotation' : 'json-representation';
    if (named.namespace) res.namespace = named.namespace;
  }
  const base = fields.baseType;
  if (typeof base === 'string' && splitQualified(base)) {
    res.baseType = { name: splitQualified(base)!.name, from: 'annotation', src: jr.annotation!.src };
  }
  if (typeof fields.keyProperty === 'string' && fields.keyProperty) res.kindHint = { value: 'entity', from: 'annotation', src: jr.annotation!.src };
  // `"openType": true` (identityset.md): the type's instances carry properties it does not declare. A sentence saying so
  // (resource.ts) is kept over it.
  if (fields.openType === true && !res.openType) res.openType = { from: 'annotation', text: '"openType": true', src: jr.annotation!.src };
}

/**
 * "JSON representation of the shipmentMethod", "of a **customerPayment** resource", "The unique ID of the tax area",
 * "Represents a dimension value in Dynamics 365", a sentence opening "A payment method object in …": the thing the sentence names (up to three words; the caller tries the
 * longest that fits first, camel-cased).
 */
const NAMES = /\b(?:JSON representation of|unique ID of|identifier of|Represents) (?:the |an? )?[*`]*([A-Za-z][A-Za-z0-9]*(?: [a-z][a-z0-9]*){0,2})/gi;
/** A sentence that opens with the thing it is about ("A payment method object in …"); read after NAMES, whose matches it would otherwise overlap ("The unique ID of …"). */
const OPENING = /(?:^|[.!?] )(?:an?|the) [*`]*([A-Za-z][A-Za-z0-9]*(?: [a-z][a-z0-9]*){0,2})/gi;

/** One camel-case word's singular candidates: countries → country, methods → method, statuses → status. */
function singulars(w: string): string[] {
  const l = w.toLowerCase();
  const out = [l];
  if (l.endsWith('ies')) out.push(l.slice(0, -3) + 'y');
  if (l.endsWith('es')) out.push(l.slice(0, -2));
  if (l.endsWith('s') && !l.endsWith('ss')) out.push(l.slice(0, -1));
  return out;
}
const camelWords = (s: string) => s.split(/(?=[A-Z])/);

/**
 * A page titled by its collection ("# shipmentMethods resource type", the Dynamics 365 pages) whose own sentences name the
 * type in the singular — the JSON representation's ("Here is a JSON representation of the shipmentMethod"), the id row's
 * ("The unique ID of the tax area"), the opening one ("Represents a customer in …") or the front matter's description ("A payment method object in …"): the singular is the type's name (the service's is shipmentMethod, taxArea). Only a
 * name taken from the H1 is replaced, and only by the H1's own words with one or more of them made singular
 * (countriesRegions → countryRegion), never by another name.
 */
/** A name read from the H1 with a word that ends like a plural ("taxAreas", "unitsOfMeasure"): the only kind singularName may replace. */
const mayBeCollectionTitle = (res: Resource) => res.nameFrom === 'title' && /s(?=[A-Z])|[sS]$/.test(res.name);

function singularName(res: Resource, text: string): void {
  if (!mayBeCollectionTitle(res)) return;
  const a = camelWords(res.name);
  for (const m of [...text.matchAll(NAMES), ...text.matchAll(OPENING)]) {
    const words = m[1]!.split(' ');
    for (let k = words.length; k >= 1; k--) {
      const named = words.slice(0, k).map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join('');
      const b = camelWords(named);
      if (named.toLowerCase() === res.name.toLowerCase() || a.length !== b.length || !a.every((w, i) => singulars(w).includes(b[i]!.toLowerCase()))) continue;
      // As the sentence writes it, camel-cased ("# Dimensions resource type", "Represents a dimension …": dimension).
      res.name = named;
      res.nameFrom = 'singular';
      return;
    }
  }
}

const DETERMINER = /^(?:a|an|the|another|other|its|this|that|these|those|some|any|each|one|their)$/i;

/** "Inherited from [X](x.md)" in property rows names the base type when nothing else does. */
function inheritedFrom(res: Resource): void {
  if (res.baseType) return;
  for (const p of [...res.properties, ...res.relationships]) {
    const m = /\binherited from\s+\[?([A-Za-z][\w.]*)\]?(?:\(([^)\s]+)\))?/i.exec(p.description);
    // "If this content type is inherited from another scope": a determiner, no type name (label b660).
    if (!m || DETERMINER.test(m[1]!)) continue;
    res.baseType = { name: m[1]!.replace(/^microsoft\.graph\./i, '').replace(/(?<![.,;:])[.,;:]+$/, ''), from: 'inherited-from', src: p.src };
    if (m[2] && !/^https?:/i.test(m[2])) res.baseType.link = m[2];
    return;
  }
}

export const jsonRepresentation: Extractor = {
  name: 'jsonRepresentation',
  extract(ctx, ir) {
    if (!ir.resource) return;
    try { read(ctx, ir); } finally {
      inheritedFrom(ir.resource);
      if (mayBeCollectionTitle(ir.resource)) {
        const id = ir.resource.properties.find((p) => p.name === 'id');
        if (id) singularName(ir.resource, id.description);
        // "Represents a customer in Dynamics 365 Business Central." under "# customers resource type".
        for (const n of ctx.preamble()) if (n.type === 'paragraph') singularName(ir.resource, ctx.text(n));
        // Last, the front matter's description: "A payment method object in Dynamics 365 Business Central." under "# paymentMethods resource type".
        if (ir.description) singularName(ir.resource, ir.description.value);
      }
    }
  },
};

function read(ctx: Parameters<Extractor['extract']>[0], ir: PageIR): void {
  if (!ctx.sectionsOf('json-representation').length) { unheaded(ctx, ir); return; }
  for (const s of ctx.sectionsOf('json-representation')) {
    let annotation;
    for (const n of ctx.content(s)) {
      if (n.type === 'html') { annotation = readAnnotation(ctx, n) ?? annotation; continue; }
      if (n.type === 'paragraph') { singularName(ir.resource!, ctx.text(n)); continue; }
      if (n.type !== 'code') continue;
      take(ctx, ir, n, annotation);
      return;
    }
  }
}

/**
 * A page without a JSON representation heading whose `"blockType": "resource"` annotation and
 * JSON block sit under another section (Properties, Relationships, the introduction): the
 * annotation marks the block as the type's representation, so it is read as one, with a
 * diagnostic naming where it is.
 */
function unheaded(ctx: Parameters<Extractor['extract']>[0], ir: PageIR): void {
  const nodes = ctx.root.children;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.type !== 'html' || !/"blockType"\s*:\s*"resource"/.test(n.value)) continue;
    const annotation = readAnnotation(ctx, n);
    const next = nodes[i + 1];
    if (!annotation || annotation.fields.blockType !== 'resource' || next?.type !== 'code') continue;
    ctx.diag('json-representation-unheaded', 'info', `The resource annotation and its JSON block are under "${ctx.sectionAt(i).heading}", not under a JSON representation heading; read as the JSON representation`, n);
    take(ctx, ir, next, annotation);
    return;
  }
}

function take(ctx: Parameters<Extractor['extract']>[0], ir: PageIR, n: Code, annotation: Annotation | undefined): void {
  if (!ir.resource) return;
  const jr: NonNullable<typeof ir.resource.jsonRepresentation> = { propertyNames: [], src: ctx.src(n) };
  if (annotation) jr.annotation = annotation;
  try {
    const r = parseJsonLenient(n.value);
    jr.json = r.value;
    if (r.value && typeof r.value === 'object' && !Array.isArray(r.value)) {
      const o = r.value as Record<string, unknown>;
      const keys = Object.keys(o).filter((k) => !k.startsWith('@'));
      // A collection payload ({"value": [{…}]}) shows the type's properties inside its first item — unless the type's own
      // property is named value (commsNotifications: "value | commsNotification collection").
      const ownValue = [...ir.resource.properties, ...ir.resource.relationships].some((p) => p.name === 'value');
      const item = keys.length === 1 && keys[0] === 'value' && Array.isArray(o.value) && !ownValue ? o.value[0] : undefined;
      jr.propertyNames = item && typeof item === 'object' && !Array.isArray(item) ? Object.keys(item) : Object.keys(o);
    }
  } catch {
    jr.propertyNames = topLevelKeys(n.value);
    ctx.diag('json-representation-not-json', 'info', 'The JSON representation does not parse as JSON; property names read from its keys', n);
  }
  const at = keySrcs(ctx, n, jr.propertyNames);
  if (at) jr.propertySrcs = at;
  ir.resource.jsonRepresentation = jr;
  applyIdentity(ir.resource, jr);
}

/**
 * Where each key is written in the block. One pass finds every key in the text with its depth (keysIn); the names are keys
 * of one object, so only places at the shallowest depth any of them has count (the object itself, or the first item of
 * a `{"value": [...]}` payload). Each name then takes the first of its places after the previous name's — the keys are
 * read in their order in the text, except that JSON.parse puts integer-like keys first: those take their first place —
 * else its first place. Undefined when a name is written nowhere as a key.
 */
function keySrcs(ctx: Parameters<Extractor['extract']>[0], n: Code, names: string[]): Src[] | undefined {
  if (!names.length) return undefined;
  const text = n.value;
  const all = new Map<string, KeyPlace[]>();
  for (const k of keysIn(text)) {
    const name = keyName(k.raw);
    const list = all.get(name);
    if (list) list.push(k); else all.set(name, [k]);
  }
  let depth = Infinity;
  for (const name of names) for (const p of all.get(name) ?? []) depth = Math.min(depth, p.depth);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // A fenced block's text starts on the line after its fence; an indented one's on its own first line.
  const first = /^ {0,3}(`{3,}|~{3,})/.test(ctx.raw(n)) ? 1 : 0;
  const indent = (n.position?.start.column ?? 1) - 1;
  const cursor = new Map<string, number>();
  const out: Src[] = [];
  let from = 0;
  for (const name of names) {
    const at = (all.get(name) ?? []).filter((k) => k.depth === depth).map((k) => k.offset);
    if (!at.length) return undefined;
    const integer = /^(?:0|[1-9][0-9]{0,8})$/.test(name);
    let c = cursor.get(name) ?? 0;
    if (!integer) while (c < at.length && at[c]! < from) c++;
    const i = c < at.length ? at[c]! : at[0]!;
    cursor.set(name, c + 1);
    if (!integer) from = i + 1;
    // The line holding offset i: the last line start at or before it.
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid]! <= i) lo = mid; else hi = mid - 1; }
    out.push(ctx.srcAtLine(n, lo + first, 1 + indent + i - lineStarts[lo]!));
  }
  return out;
}


/**
 * The keys of the outermost object of text that does not parse as JSON: a quoted name followed by `:` at depth 1 (not
 * the keys of a nested value, `approvedLocation`'s `latitude`), as written.
 */
export function topLevelKeys(text: string): string[] {
  // Keys written without the outer braces (`"id": "String",` …) are at depth 0.
  const top = text.trimStart().startsWith('{') ? 1 : 0;
  const seen = new Set<string>();
  return keysIn(text).filter((k) => k.depth === top && k.raw !== '' && !seen.has(k.raw) && !!seen.add(k.raw)).map((k) => k.raw);
}
