/**
 * Resource pages: the container the Properties / Relationships / Methods / JSON representation
 * extractors fill, the name as the H1 states it (the JSON representation extractor replaces it
 * with the annotation's `@odata.type` when there is one), inheritance from the prose
 * ("Inherits from [X](x.md)": the link target is kept so the model can resolve it to the
 * linked page's type), and entity vs complex as the page's wording states it.
 *
 * A page whose front matter says `resourcePageType` (or, without one, whose title ends "resource type") and that has resource sections but no HTTP
 * request section stays a resource page even when it has an Examples section: request lines
 * recovered from its examples are not operations of the page (`examples-on-resource-page`).
 */
import type { PageIR } from '../ir/schema.js';
import type { Extractor, PageContext } from './context.js';
import { isPropertyTable } from './property-table.js';
import { derivedTypeOf } from './derived-types.js';

export function ensureResource(ctx: PageContext, ir: PageIR): NonNullable<PageIR['resource']> {
  if (!ir.resource) ir.resource = { name: resourceName(ctx, ir), nameFrom: 'title', properties: [], relationships: [], methods: [] };
  return ir.resource;
}

/** The type name the H1 (else the front-matter title) states: "Range resource type" → Range. Never the file name. */
export function resourceName(ctx: PageContext, ir: PageIR): string {
  const title = (ir.title.h1?.value ?? ir.title.frontMatter?.value ?? '').replace(/[`*]/g, '').trim();
  const m = /^([A-Za-z][\w.]*)\s+(?:(resource|complex|entity|enum)\s*)?(type|resource)?\b/i.exec(title) ?? /^([A-Za-z][\w.]*)/.exec(title);
  if (m) return m[1]!.replace(/^microsoft\.graph\./i, '');
  ctx.diag('resource-name-missing', 'warning', 'The resource page states no type name (no annotation @odata.type, JSON representation @odata.type or title); the file name stands in', { file: ctx.file, line: 1, column: 1 });
  return ctx.file.split('/').pop()!.replace(/\.(md|markdown|txt)$/i, '');
}

/** "the derived types are …", "is the base type for …", "its subtypes are …". */
const DERIVED_LIST = /\b(?:derived types?|subtypes?) (?:are|is|include)\b|\bis the base (?:type|class) (?:for|of)\b/i;
/**
 * "X is a type of [Y](y.md)", "This resource is a subtype of [Y](y.md)", "It is a subtype of [Y](y.md)" (the caller checks
 * that Y is linked and that the subject is the page's own type, named or as "this resource" / "this type" / "it").
 */
const SUBTYPE_OF = /\bis an? (?:sub-?)?type of\s+\[?([A-Za-z][\w.]*)/i;
/** "inherits from", "inherits all the properties from", "Inherits metadata properties from" (label b1140), "is derived from". */
const INHERITS = /\b(?:inherits(?:\s+(?:all|the|its|metadata|properties|members))*|is\s+derived|derives)\s+from\b/i;
/** A sentence's subject that stands for the page's own type. */
const OWN_TYPE_SUBJECT = /^(?:it|resource|type)$/i;

/** A name without the sentence's punctuation after it ("… a subtype of [educationOrganization](…)."). */
function withoutFullStop(name: string): string {
  return name.replace(/(?<![.,;:])[.,;:]+$/, '');
}

/** A sentence saying the page's own type is an open type (see resource.openType). */
const OPEN_TYPE = /\b(?:this|it)(?: (?:type|resource|object))? is an? (?:OData (?:v4 )?)?open type\b|\badditional properties may be present\b/i;

export const resource: Extractor = {
  name: 'resource',
  extract(ctx, ir) {
    const resourceSections = ctx.sections.some((s) => s.kind === 'properties' || s.kind === 'json-representation' || s.kind === 'relationships');
    const docTypeResource = /resourcePageType/i.test(String(ir.frontMatter?.doc_type ?? ''));
    const isResource = resourceSections || docTypeResource;
    if (!isResource) return;
    // An overview the front matter files as a resource page ("# Use the Microsoft Graph Security API", "# On-premises
    // publishing profiles"): no Properties, Relationships, JSON representation or Methods, and a title that states no type.
    // Its title's first word is no type name (the 2021 models had interfaces `Use`, `On` and `Working`); the page is
    // then of kind other, which doc-type-mismatch reports against its front matter.
    const title = ir.title.h1?.value ?? ir.title.frontMatter?.value ?? '';
    if (!resourceSections && !ctx.sections.some((s) => s.kind === 'methods') && !/\btype\b/i.test(title) && !ir.operations.length) return;
    // So is a page its front matter files as conceptual ("# Working with users in Microsoft Graph") whose "Common properties"
    // section holds no property table (Property | Description: no types): it states no type either (session 30: the 2020-05
    // and 2021-07 models still had a type `Working` from users.md and communications-api-overview.md).
    const conceptual = /conceptualPageType/i.test(String(ir.frontMatter?.doc_type ?? ''));
    const statesType = ctx.sections.some((s) => s.kind === 'json-representation' || s.kind === 'relationships' || s.kind === 'methods')
      || ctx.sectionsOf('properties').some((s) => ctx.tables(s).some(isPropertyTable));
    if (conceptual && !statesType && !/\btype\b/i.test(title) && !ir.operations.length) return;
    if (ir.operations.length) {
      const hasHttp = ctx.sections.some((s) => s.kind === 'http-request');
      // The front matter's doc_type, else the title ("auditLogRoot resource type": a page without front matter, as a
      // copy from the website is) says it is a resource page.
      const saysResource = docTypeResource || /\bresource type$/i.test(title.replace(/[`*]/g, '').trim());
      if (hasHttp || !saysResource || !resourceSections || !ir.operations.every((o) => o.fromExample)) return;
      ctx.diag('examples-on-resource-page', 'info', `Resource page with an Examples section: its ${ir.operations.length} example request line(s) are examples, not operations of this page`, ir.operations[0]!.src);
      ir.operations = [];
    }
    const res = ensureResource(ctx, ir);
    const preamble = ctx.preamble();
    // "The following properties are inherited from [baseItem][]." over the inherited rows of the Properties section.
    // So is "The **X** resource inherits the properties from [Y](y.md)" there, its subject the page's own type (label b1140's
    // kind: teleconferencedevicevideoquality.md, whose annotation says it too), not a sentence about another type.
    // The subject is the sentence's words before the phrase: none ("Inherits from …"), the type's name, maybe followed by
    // "resource" or "type" ("The **drive** resource is derived from [**baseItem**](…)"), or "It", "This resource".
    const ownInherits = (text: string): boolean => {
      const at = text.search(INHERITS);
      if (at < 0) return false;
      const words = text.slice(text.lastIndexOf('.', at) + 1, at).split(/\s+/).map((w) => w.replace(/\W/g, '')).filter(Boolean);
      let subject = words.pop() ?? '';
      if (/^(?:resource|type|entity)$/i.test(subject) && words.length) subject = words.pop()!;
      return subject === '' || subject.toLowerCase() === res.name.toLowerCase() || /^(?:it|this)$/i.test(subject);
    };
    const inheritedRows = ctx.sectionsOf('properties').flatMap((s) => ctx.content(s)).filter((n) => n.type === 'paragraph' && (/\bproperties (?:are )?inherited from\b/i.test(ctx.text(n)) || ownInherits(ctx.text(n))));
    // "This is an OData open type that expects to have a property named `value`" (synchronization-stringkeyobjectvaluepair.md),
    // "It is an Open Type", "hence this is an [open type](…)", "In addition, additional properties may be present depending on
    // the object type" (accessreviewdecision.md, between its tables): the type's instances carry properties it does not
    // declare. Not "This type is used in the open type [plannerAssignments](…)", about another type.
    // The sentence is kept over the annotation's flag, whichever extractor runs first (v1.0 planner pages have both).
    for (const n of [...preamble, ...ctx.sectionsOf('properties').flatMap((s) => ctx.content(s))]) {
      const said = n.type === 'paragraph' ? OPEN_TYPE.exec(ctx.text(n)) : null;
      if (said) { res.openType = { from: 'wording', text: said[0], src: ctx.src(n) }; break; }
    }
    for (const n of [...preamble, ...inheritedRows]) {
      if (n.type !== 'paragraph') continue;
      const text = ctx.text(n);
      if (!res.kindHint) {
        const k = /\b(entity|complex)\s+type\b/i.exec(text);
        if (k) res.kindHint = { value: k[1]!.toLowerCase() === 'entity' ? 'entity' : 'complex', from: 'wording', src: ctx.src(n) };
      }
      // "Inherits all the properties from [X]", "inherits the properties from", "Inherits metadata properties from" (label
      // b1140) are "Inherits from". "Inherited from [X](x.md) entity." (the oldest pages) reads like it too; so do
      // "A subclass of [X](x.md)" / "creates a subclass from [X]" (education pages) and
      // "<this type> is a type of [X](x.md)" — the last only with X linked and this page's type
      // as the subject ("Represents a type of shift request" is prose, not inheritance).
      const m = /\b(?:inherits(?:\s+(?:all|the|its|metadata|properties|members))*|derived|derives)\s+from\s+(?:the\s+)?\[?\**([A-Za-z][\w.]*)/i.exec(text) ?? /\binherited from\s+\[?([A-Za-z][\w.]*)/i.exec(text)
        ?? /\b(?:a )?sub-?class (?:of|from)\s+(?:the\s+)?\[?`?([A-Za-z][\w.]*)/i.exec(text) ?? SUBTYPE_OF.exec(text);
      // Not a pronoun: "is derived from [**baseItem**](…) and inherits properties from that resource" (drive.md) names it once.
      const named = m && !/^(?:that|this|these|those|it|its|which)$/i.test(m[1]!) ? withoutFullStop(m[1]!) : undefined;
      // "is a (sub)type of": only when the sentence's subject is this page's type ("[removeAccessApplyAction](…) is a derived
      // type of accessReviewApplyAction" names another type's base; so would "[A](a.md) is a subtype of B").
      const isTypeOf = /\bis an? (?:sub-?)?type of\b/i;
      const at = text.search(isTypeOf);
      const subject = at < 0 ? undefined : text.slice(0, at).trimEnd().split(/\s/).pop()?.replace(/\W/g, '');
      const ownSubject = subject !== undefined && (subject.toLowerCase() === res.name.toLowerCase() || OWN_TYPE_SUBJECT.test(subject));
      if (m && isTypeOf.test(m[0]) && (!ownSubject || !ctx.links(n).some((l) => ctx.text(l) === named))) continue;
      // "This is a base class; the derived types are [A](a.md), [B](b.md) and [C](c.md)": the linked types derive from this one.
      const derived = DERIVED_LIST.exec(text);
      if (derived && !res.derivedTypes) {
        // A link whose text first appears after the phrase ("**eventMessage** is derived from [message](…). **eventMessage** is
        // the base type for [eventMessageRequest](…)": message is its base, not a derived type).
        const after = ctx.links(n).filter((l) => text.indexOf(ctx.text(l)) >= derived.index && /\.md(#|$)/i.test(l.url));
        if (after.length) res.derivedTypes = after.map((l) => derivedTypeOf(ctx, l));
      }
      if (m && named && !res.baseType) {
        const link = ctx.links(n).find((l) => text.indexOf(ctx.text(l)) >= m.index);
        const url = link?.url;
        const name = (link ? withoutFullStop(ctx.text(link)) : named!).replace(/^microsoft\.graph\./i, '');
        res.baseType = { name, from: link && url && !/^https?:/i.test(url) ? 'inherits-link' : 'inherits-text', src: ctx.src(n) };
        if (link && url && !/^https?:/i.test(url)) res.baseType.link = url;
      }
    }
  },
};
