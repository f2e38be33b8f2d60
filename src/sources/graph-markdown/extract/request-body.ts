/**
 * Request body: the resource the prose says the body represents, the property / parameter
 * table(s) (including tables the page says are "required when you create"), "do not supply a
 * request body" (and its other wordings), and what prose alone says of a body: a reference to an
 * existing object (`@odata.id`), the fields to update, a body that is HTML, a zip package or binary.
 */
import type { RequestBody } from '../ir/schema.js';
import type { Extractor } from './context.js';
import { isPropertyTable, readPropertyTable } from './property-table.js';
import { formatted, linksOperationPage, listEnd, typeFromLink } from './response.js';

/** A property's name as prose sets it in code or bold (`passwordCredential`, **groupTypes**, `@odata.type`). */
const NAME = /^@?[A-Za-z][\w.@]{0,80}$/;
const REFERENCE = /@odata\.id\b|\b(?:identifier|id|reference) (?:of|to) (?:the |an? )?(?:existing )?\[?[A-Za-z]/i;
/** "In the request body, supply the values for relevant fields that should be updated" (and its variants, "supply the new value for the **parentReference** property"): the body holds the resource's fields to change. */
const UPDATES = /\bsupply (?:only )?the (?:new )?values? (?:for|of) (?:the )?(?:(?:relevant )?(?:fields|properties)|[A-Za-z]\w* property)\b/i;
/** The prose names OData's reference property ("using an `@odata.id` property", "the OData ID of an existing [x]", "an OData reference to"). */
const ODATA_ID = /@?odata[. ]id\b|\bodata reference\b/i;
/**
 * "Do not supply a request body", and the other ways pages say there is none: "This API does not require any request body",
 * "This operation has no request content", "Request body should be empty", "specifying a request body is not necessary",
 * "Do not supply a body for this request".
 */
const NO_BODY = /(do not|don't|doesn't|does not|must not|no need to) (supply|include|provide|send|specify|submit)\b(?:(?!(?:do not|don't|doesn't|does not|must not|no need to) (?:supply|include|provide|send|specify|submit)\b).)*request body|no request (?:body|content)|request body (?:is|must be|should be) empty|without a request body|(?:does not|doesn't|do not|don't) (?:require|need|have|take) (?:a|any) request body|request body is not (?:necessary|needed|required)/i;
/** "Do not supply a body for this request": the same, written without "request body" (a regex of its own: as one more alternative of NO_BODY it made that one polynomial). */
const NO_BODY_SHORT = /(?:do not|don't|must not) (?:supply|include|provide|send|specify) (?:a|any) body\b/i;

/**
 * "No request body is required. However, you can specify properties in the request body …": the body is optional, not
 * absent — a sentence with "however", "can"/"may" and a verb of supplying (separate word tests: linear).
 */
function bodyAllowed(text: string): boolean {
  return text.split('.').some((x) => /\bhowever\b/i.test(x) && /\b(?:can|may)\b/i.test(x) && /\b(?:specify|supply|provide|include|send)\b/i.test(x));
}

/** A sentence that opens on a case: "Otherwise, …", "If …", "Unless …", "For a specific …". */
const IN_CASE = /^(?:otherwise|if|unless|for (?:a|an|one) (?:specific|particular|single|individual))\b/i;

/**
 * Every no-body sentence of the paragraph opens on a case ("Supply a endpointConfiguration … if querying at the root level.
 * Otherwise, for a specific custom extension, do not supply a request body"): the body is absent for that call only, not the
 * operation's — the page's other calls take one.
 */
function onlyInCase(text: string): boolean {
  const said = text.split(/(?<=\.)\s+/).filter((x) => NO_BODY.test(x) || NO_BODY_SHORT.test(x));
  return said.length > 0 && said.every((x) => IN_CASE.test(x.trim()));
}

export const requestBody: Extractor = {
  name: 'requestBody',
  extract(ctx, ir) {
    const sections = ctx.sectionsOf('request-body');
    if (!sections.length) return;
    // The body's place is its "Request body" heading where the page has one among the sections read as the body (2016–19's
    // "## Parameters" above it is read too).
    const first = sections.find((s) => /\brequest body\b/i.test(s.heading)) ?? sections[0]!;
    const body: RequestBody = { tableKind: 'none', requiredWhenCreating: false, properties: [], noBody: false, src: ctx.src(first.node) };
    const mentioned = new Set<string>();
    const refPath = ir.operations.some((o) => /\/\$ref$/i.test(o.path));
    // Every call of the page adds a reference (POST or PUT to `…/$ref`): by OData's convention its body is `{ "@odata.id": … }`
    // whatever the prose calls it ("supply a JSON representation of [directoryObject](…) object" with an `@odata.id` example).
    const addsReference = ir.operations.length > 0 && ir.operations.every((o) => /\/\$ref$/i.test(o.path) && (o.method === 'POST' || o.method === 'PUT'));
    /** The first paragraph that describes a body that is no JSON object ("the binary stream of the file", "the page HTML content"). */
    let described: RequestBody['described'];
    for (const s of sections) {
      for (const n of ctx.content(s)) {
        if (n.type === 'paragraph') {
          // Names the prose sets in code, bold or a link ("provide an optional `passwordCredential` object with the following
          // properties", "provide an empty [passwordCredential](…) object or with the following optional properties"; "Use the
          // **groupTypes** property to control the type of group" under its own sub-heading).
          const named = formatted(ctx, n, true);
          for (const f of named) if (NAME.test(f)) mentioned.add(f);
          const text = ctx.text(n);
          if ((NO_BODY.test(text) || NO_BODY_SHORT.test(text)) && !bodyAllowed(text) && !onlyInCase(text)) body.noBody = true;
          if (!body.updates && UPDATES.test(text)) body.updates = { src: ctx.src(n) };
          if (!described) { const format = describedFormat(text); if (format) described = { format, text: text.slice(0, 300), src: ctx.src(n) }; }
          if (/required when (you )?(are )?creat/i.test(text)) body.requiredWhenCreating = true;
          if (/required when (you )?(are )?updat/i.test(text)) body.requiredWhenUpdating = true;
          // A paragraph that is a link to a resource and nothing more ("A [teamsTab](../resources/teamstab.md)."): the body is one.
          const lone = ctx.links(n).length === 1 && /^(?:an? |the )?\[[^\]]*\](?: (?:object|resource|entity))?\.?$/i.test(ctx.raw(n).replace(/\([^()]*\)/g, '').trim());
          // "… shows the properties of the [group](…) resource to specify when you create a group", "For a list of properties, see
          // [X](…)" name the body's type as "supply a JSON representation of" does.
          if (!body.typeName && (lone || /(json )?representation|supply|provide|\bproperties of\b|\blist of properties\b/i.test(text))) {
            const typeLinks = ctx.links(n).filter((u) => /\.md(#|$)/i.test(u.url) && !/permissions|concepts|overview/i.test(u.url) && !linksOperationPage(ctx.file, u.url));
            const link = typeLinks[0];
            let name: string | undefined;
            let at = -1;
            if (link) {
              name = typeFromLink(ctx.text(link), link.url);
              at = text.indexOf(ctx.text(link));
            } else {
              const m = /representation (?:of|for) (?:the |an? )?([A-Za-z][\w.]*) (?:object|resource|entity)/i.exec(text);
              if (m) { name = m[1]!; at = m.index + m[0].lastIndexOf(m[1]!); }
            }
            const before = at >= 0 ? text.slice(0, at) : text;
            // The sentence that names the type: from the last ". " before the name to the first ". " after it.
            const end = at >= 0 ? text.indexOf('. ', at) : -1;
            const sentence = at >= 0 ? text.slice(before.lastIndexOf('. ') + 1, end >= 0 ? end + 1 : text.length) : text;
            // A reference to an object ("supply the identifier of the [tokenIssuancePolicy](…) object (using an
            // `@odata.id` property)") is no body of that type.
            // "a JSON representation of a [directoryObject](…), [user](…) or [group](…) object": the body is any of them.
            const labels = typeLinks.map((u) => ctx.text(u));
            const alternatives = name && link ? typeLinks.slice(1, listEnd(text, labels, 0, 1) + 1).map((u, k) => typeFromLink(labels[k + 1]!, u.url)).filter((x): x is string => !!x) : [];
            if (name && !REFERENCE.test(sentence) && !addsReference) {
              body.typeName = name;
              if (alternatives.length) body.typeAlternatives = alternatives;
              // "supply an array of [patchContentCommand](…) objects": the body is a collection of that type.
              if (/\b(?:array|collection|list) of (?:the |an? )?$/i.test(`${before.trimEnd()} `)) body.typeCollection = true;
            } else if (!body.reference && (ODATA_ID.test(sentence) || (addsReference && name) || (refPath && REFERENCE.test(sentence) && ![...named].some((f) => f.toLowerCase() === 'id')))) {
              // A reference to an existing object, sent as `{ "@odata.id": "<its URL>" }`: said so ("using an `@odata.id`
              // property", "the OData ID of an existing [educationRubric]"), or an "identifier of"/"id of"/"reference to" an
              // object on a `/$ref` call (OData's convention) — unless the prose asks for a property `id` instead.
              body.reference = name ? { typeName: name, ...(alternatives.length ? { typeAlternatives: alternatives } : {}), src: ctx.src(n) } : { src: ctx.src(n) };
            }
          }
        }
      }
      for (const t of ctx.tables(s)) {
        if (!isPropertyTable(t)) {
          ctx.diag('table-unclassified', 'info', `Table with columns ${JSON.stringify(t.header.map((h) => h.text).join(' | '))} in the request body section is not a property or parameter table; not taken`, t.src);
          continue;
        }
        body.tableKind = /param/.test(t.columns[0]!) ? 'parameters' : 'properties';
        body.properties.push(...readPropertyTable(ctx, t, 'Request body'));
      }
    }
    // Update/create pages that list the writable properties under "Properties" instead.
    if (!body.properties.length && ir.operations.some((o) => o.method === 'PATCH' || o.method === 'POST' || o.method === 'PUT')) {
      for (const s of ctx.sectionsOf('properties')) {
        for (const t of ctx.tables(s)) {
          if (!isPropertyTable(t)) continue;
          body.tableKind = 'properties';
          body.properties.push(...readPropertyTable(ctx, t, 'Request body (Properties section)'));
        }
      }
    }
    if (mentioned.size) body.mentioned = [...mentioned];
    // Only where nothing else says what the body is: a JSON body may still mention HTML in a property's description.
    if (described && !body.noBody && !body.typeName && !body.reference && !body.properties.length) body.described = described;
    ir.requestBody = body;
  },
};

/**
 * A request body the prose describes as no JSON object, by separate word tests (linear): the page's HTML (OneNote: "supply
 * the page HTML content", or a multipart message), a zip package ("a Teams zip manifest payload"), binary data ("the binary
 * stream of the file to be uploaded", "the binary data of the photo", "a binary blob containing the bytes of the document").
 */
function describedFormat(text: string): 'html' | 'zip' | 'binary' | undefined {
  const asks = /\b(?:supply|include|provide|contain|contains|containing|should be|is)\b/i.test(text);
  if (!asks) return undefined;
  if (/\bhtml\b/i.test(text)) return 'html';
  if (/\bzip\b/i.test(text) && /\b(?:payload|package|manifest|file)\b/i.test(text)) return 'zip';
  if (/\b(?:binary|octet-stream)\b/i.test(text)) return 'binary';
  return undefined;
}
