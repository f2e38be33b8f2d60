/**
 * Response section prose: status code(s) ("returns a `200 OK` response code") and the body
 * type ("an updated [user](...) object in the response body", "a collection of ..."), or the
 * statement that there is no body.
 */
import { singular } from '../../../model/identity.js';
import { onlyNoContent } from '../../../model/status.js';
import { STATUS_CODES } from 'node:http';
import { posix } from 'node:path';
import { linkedFile } from '../../../util/link.js';
import type { Response, Src } from '../ir/schema.js';
import { edmName } from './type-ref.js';
import type { Extractor, PageContext } from './context.js';
import type { Nodes } from 'mdast';
import { sentenceAt } from '../../../util/words.js';

// "200 OK", and the oldest pages' "200, OK" / "204, No Content".
const STATUS = /\b([1-5]\d\d)(?:,\s*|\s+)([A-Z][A-Za-z]*(?:[ -][A-Z][A-Za-z]*)*)/g;
/** A sentence that says the call succeeded. */
const SUCCESS = /\bsuccess(?:ful|fully)?\b/i;
// "a `207` response", "status code 202": a code without its reason phrase.
const BARE_STATUS = /\b(?:([1-5]\d\d) (?:response|status)\b|status code ([1-5]\d\d)\b)/gi;
/** The words before a link that qualifies the body ("… resource with the [bundle][]", "a [printJob](…) object and associated [printDocument](…)"). */
const AFTER_WITH = /\b(?:with|and associated)\s+(?:(?:the|a|an|any|its|matching)\s+){0,3}$/i;
const NOT_TYPES = new Set(['a', 'an', 'the', 'json', 'new', 'updated', 'response', 'requested', 'specified', 'this', 'that', 'odata', 'error', 'empty', 'its', 'same',
  // Words of the sentence around "objects" ("a collection of changes to be applied to objects", "one or more objects"), never a type.
  'to', 'of', 'for', 'from', 'with', 'and', 'or', 'all', 'any', 'these', 'those', 'other', 'such', 'each', 'some', 'matching', 'applied', 'returned', 'related',
  'one', 'more', 'several', 'multiple', 'many', 'both', 'either', 'following']);

const RETURNS_COLLECTION = /\breturns (?:an? |the )?(?:collection|list|array) of\b/i;
/**
 * The words between a status and a link that name the body right after it, without "in the response body":
 * "`200 OK` response code and an [X](…) object", "`200 OK` and a [X](…)", "`201 Created` response code with the
 * [X](…)", "`200 OK` response with a [X](…)", "… and an instance of the [X](…) resource", "… and a collection of
 * [X](…) objects". Only article-like words: "… and a Location header with a URI to the [X](…)" names no body.
 */
const STATUS_THEN_LINK = /^`?\s*(?:(?:HTTP\s+)?response(?:\s+codes?)?(?:,\s*|\s+)|,\s*)?(?:and|with)\s+(?:(?:a|an|the|updated|new|created|requested|instance|of|collection|list|array)\s+)*$/i;
/** A primitive named as the body: "a String in the response body", "a Boolean value `true` in the response body". */
const PRIMITIVE_BODY = /\b(?:an?|the)\s+(String|Boolean|Int16|Int32|Int64|Double|Stream|Guid|DateTimeOffset|Binary)(?:\s+value)?(?:\s+`?(?:true|false)`?)?$/i;

/** What may stand between two links of one list of types: a comma and/or "or", "and", "and/or" (an "objects"/"resources" noun before it). */
const LIST_JOINER = /^(?:(?:objects?|resources?) )?(?:, ?)?(?:and\/or|and|or)$|^(?:(?:objects?|resources?) )?,$/i;

/**
 * One list of links in `text` ("[a](…), [b](…) or [c](…)", "[user] and/or [group] objects"), given by the links' texts
 * in order: from link `from`, the index of the farthest link in direction `step` still joined to it by LIST_JOINER.
 * The Response section walks back from the last link (the body is any type of the list it ends); the request body walks
 * forward from the first (its type, then the alternatives).
 */
export function listEnd(text: string, labels: string[], from: number, step: 1 | -1): number {
  let i = from;
  for (let j = from + step; j >= 0 && j < labels.length; j += step) {
    const [l, r] = step > 0 ? [labels[i]!, labels[j]!] : [labels[j]!, labels[i]!];
    const a = text.indexOf(l), b = a < 0 ? -1 : text.indexOf(r, a + l.length);
    if (b < 0 || !LIST_JOINER.test(text.slice(a + l.length, b).replace(/\s+/g, ' ').trim())) break;
    i = j;
  }
  return i;
}

/** A plain plural before "collection" names a navigation property, not a type: "the list of items in the children collection of the target item". */
const NAVIGATION_WORD = /^(?:[a-z]+s|children|people)$/;

/**
 * "If successful, this method returns …", or a sentence that opens on the verb and names a status ("Returns a `302 Found`
 * response redirecting to …", driveitem-get-content-format.md, extraction round 33): the sentence a Response section
 * states the success response in (separate word tests: linear).
 */
function statesSuccess(text: string): boolean {
  return text.split('.').some((x) => (/\bif successful\b/i.test(x) && /\breturns?\b/i.test(x)) || (/^\s*returns\b/i.test(x) && /\b[1-5]\d\d\s+[A-Z]/.test(x)));
}

export const response: Extractor = {
  name: 'response',
  extract(ctx, ir) {
    // Without a Response section of its own, a page may state its response in the prose of the example's (the 2016–2019
    // OneDrive pages: "## Example" then "## Response": "If successful, this call returns a `204 No Content` response …";
    // "Returns a `302 Found` response redirecting to a pre-authenticated download URL").
    const own = ctx.sectionsOf('response');
    const sections = own.length ? own : ctx.sectionsOf('example-response').filter((s) => ctx.ownContent(s).some((n) => n.type === 'paragraph' && statesSuccess(ctx.text(n))));
    if (!sections.length) return;
    const r: Response = { statuses: [], noBody: false, src: ctx.src(sections[0]!.node) };
    /** A code with its reason phrase, or a success code, was stated: bare codes join it (see below). */
    let phrased = false;
    for (const s of sections) {
      // Sub-sections ("Response for creating a one-on-one chat …") are part of it.
      for (const n of ctx.content(s)) {
        if (n.type !== 'paragraph' && n.type !== 'list') continue;
        const text = ctx.text(n);
        for (const m of text.matchAll(STATUS)) {
          const code = Number(m[1]);
          // Only registered HTTP status codes: "Office 365 Connected" is not a status.
          if (!STATUS_CODES[code] || r.statuses.some((x) => x.code === code)) continue;
          r.statuses.push({ code, text: reasonPhrase(text, m.index! + m[0].length - m[2]!.length, code, m[2]!), src: codeSrc(ctx, n, code) });
          phrased = true;
        }
        // A bare code only adds to a section that states a code with its reason phrase ("`200 OK` … or a `207`
        // response"): alone, "an `HTTP 404` response will be returned" or "a `207` status code" for a partial failure
        // is an error case, not the success status.
        // Alone, a bare 2xx code counts in a sentence that calls it success: "If successful, this method returns a 200 response code"
        // (user-list-devices.md, extraction round 45 x1271, missed before: "states no status code"), "If the request is
        // successful, this method returns a `204` status code" — a list's first item: its next, "If an error occurred …, a
        // `207` status code", is another sentence, and joins only as the codes after a phrased one do.
        for (const m of text.matchAll(BARE_STATUS)) {
          const code = Number(m[1] ?? m[2]);
          if (!STATUS_CODES[code] || r.statuses.some((x) => x.code === code)) continue;
          if (!phrased && !(code >= 200 && code < 300 && SUCCESS.test(sentenceAt(text, m.index!)))) continue;
          r.statuses.push({ code, text: STATUS_CODES[code]!, src: codeSrc(ctx, n, code) });
          // Once a success code is stated, the section's other codes join it as with a phrased one (site-unfollow.md's `207`
          // for a partial failure, which its example shows).
          phrased = true;
        }
        if (/does not return anything|doesn't return anything|no response body|empty response body|returns no content|nothing in the response body|\band empty content\b/i.test(text)) r.noBody = true;
        // A body described only in prose: a report in CSV or JSON, a redirect to a download URL, a binary stream.
        if (!r.bodyDescribed) {
          const format = describedFormat(text);
          if (format) r.bodyDescribed = { format, text: text.slice(0, 300), src: ctx.src(n) };
        }
        // "… in the response body", or without those words: "This method returns a collection of [site](…) resources".
        const inBody = /response body/i.test(text);
        if (!r.bodyType && (inBody || RETURNS_COLLECTION.test(text))) {
          const sentence = text.split(/(?<=\.)\s+/).find((x) => (inBody ? /response body/i : RETURNS_COLLECTION).test(x)) ?? text;
          const before = inBody ? sentence.split(/(?<!\s)\s+in the response body/i)[0]! : sentence;
          const collection = /\bcollection\b|\barray\b|\blist of\b/i.test(before); // not inside a type name (choiceSettingCollectionDefinition)
          // A link after "with" qualifies the body ("a [driveItem][] resource with the [bundle][]", "the requested resource,
          // expanded with the matching [singleValueLegacyExtendedProperty](…) object"): it is not the body's type.
          const links = ctx.links(n).map((l) => ({ text: ctx.text(l), url: l.url })).filter((l) => l.text && before.includes(l.text) && !linksOperationPage(ctx.file, l.url) && !AFTER_WITH.test(before.slice(Math.max(0, before.indexOf(l.text) - 40), before.indexOf(l.text))));
          // The last link names the body — or, when it ends a list of links joined by "and", "or", "and/or" or commas
          // ("a collection of [user] and/or [group] objects", "[identityProvider] or [openIdConnectProvider] object"), the
          // body is any of them: the first is taken, the others kept as alternatives.
          const first = listEnd(before, links.map((l) => l.text), links.length - 1, -1);
          const link = links[first];
          const alternatives = links.slice(first + 1).map((l) => typeFromLink(l.text, l.url)).filter((x): x is string => !!x);
          // A type named by a link is the link target's type ("[Access package](../resources/accesspackage.md)" → accessPackage).
          const linkType = link ? typeFromLink(link.text, link.url) : undefined;
          let name: string | undefined = linkType;
          if (!name) {
            const words = [...before.matchAll(/(?<![\w.])([A-Za-z][\w.]*)\s+(object|objects|collection|resource|resources|entity|entities|type)\b/g)]
              .filter((m) => !AFTER_WITH.test(before.slice(Math.max(0, m.index - 40), m.index)) && !(m[2] === 'collection' && NAVIGATION_WORD.test(m[1]!))).map((m) => m[1]!);
            name = words.reverse().find((w) => !NOT_TYPES.has(w.toLowerCase()));
            if (!name && inBody) {
              // A primitive: "… a String in the response body" (the generated Intune pages), "a Boolean value `true` …".
              const p = PRIMITIVE_BODY.exec(before.trim());
              if (p) name = edmName(p[1]!);
            }
            if (!name) {
              // "a collection of X" with no type noun after X: X is a type name only written as one — a camelCase
              // identifier, or set in code or bold — not a plain word ("a collection of changes to be applied").
              const of = /collection of\s+\[?([A-Za-z][\w.]*)/i.exec(before);
              if (of && (/[a-z][A-Z]/.test(of[1]!) || formatted(ctx, n).has(of[1]!))) name = of[1];
            }
          }
          if (name && !NOT_TYPES.has(name.toLowerCase()) && !(r.bodyDescribed && /^(csv|json|report|file|stream|content)$/i.test(name))) {
            // One link followed by a plural noun is a collection: "the requested [timeOffRequest](…) objects".
            const plural = !!link && name === linkType && first === links.length - 1 && (pluralAfter(before, link.text) || pluralLinkText(before, link.text, link.url));
            r.bodyType = { name: name.replace(/[`*]/g, ''), collection: collection || plural, src: ctx.src(n) };
            if (link && name === linkType) {
              if (link.url) r.bodyType.link = link.url;
              if (alternatives.length) r.bodyType.alternatives = alternatives;
            }
          }
        }
        // The body named by a link right after the status, with no "in the response body" ("returns a `200 OK` response
        // code and an [X](…) object"): read only when the sentences above named none.
        if (!r.bodyType && !r.noBody) {
          const found = linkAfterStatus(ctx, n, text) ?? linkAfterReturns(ctx, n, text);
          if (found) r.bodyType = { ...found, src: ctx.src(n) };
        }
      }
    }
    // Only 204 among the success statuses (error codes named beside it do not answer a successful call): no body.
    if (onlyNoContent(r.statuses)) r.noBody = true;
    if (!r.statuses.length) ctx.diag('response-status-not-found', 'info', 'The response section states no status code', sections[0]!.node);
    ir.response = r;
  },
};

/**
 * Is the link text the plural of its page's type, with no singular noun after it ("the [identityProviders](../resources/identityproviderbase.md)
 * in the response body": the list; not "the requested [authenticationContextClassReferences](…) object", nor a type whose own
 * name ends in s — the page's name ends with the text: "[chromeOSOnboardingStatus](…-chromeosonboardingstatus.md)")?
 */
function pluralLinkText(text: string, linkText: string, url: string): boolean {
  const t = linkText.replace(/[`*]/g, '').trim();
  if (!/^[A-Za-z]\w*$/.test(t) || !/s$/.test(t) || /(?:ss|us)$/i.test(t)) return false;
  const path = url.split(/[#?]/)[0]!;
  const page = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '').toLowerCase().replace(/[^a-z0-9]/g, '');
  const one = singular(t).toLowerCase();
  if (!page || page.endsWith(t.toLowerCase()) || !page.includes(one)) return false;
  const at = text.indexOf(linkText);
  return at >= 0 && !/^[\s*`]*(?:object|resource|entity|instance|item)\b/i.test(text.slice(at + linkText.length));
}

/** Does a plural type noun follow the first `linkText` in `text` ("[session](…) objects", "[policy](…) resources")? */
function pluralAfter(text: string, linkText: string): boolean {
  const at = text.indexOf(linkText);
  return at >= 0 && /^[\s*`]*(?:objects|resources|entities|instances|items)\b/i.test(text.slice(at + linkText.length));
}

type BodyLink = { name: string; collection: boolean; link?: string };
type LinkText = { text: string; url: string };

/**
 * The body a link names when it is the first link of `text` after `end` and only lead-in words stand between
 * (`leadIn`: STATUS_THEN_LINK after a status, RETURNS_THEN_LINK after "returns"): the type of the page it leads to,
 * a collection when the words say so or a plural noun follows. Not a link to an operation's page.
 */
function bodyLinkAfter(ctx: PageContext, links: LinkText[], text: string, end: number, leadIn: RegExp): BodyLink | undefined {
  // The link written first after `end`.
  const next = links.map((x) => ({ x, at: text.indexOf(x.text, end) })).filter((y) => y.at >= 0).sort((a, b) => a.at - b.at)[0];
  if (!next) return undefined;
  const { x: l, at } = next;
  // The link itself opens with "[": the text between is the lead-in words.
  const between = text.slice(end, at);
  if (!leadIn.test(between) || linksOperationPage(ctx.file, l.url)) return undefined;
  const name = typeFromLink(l.text, l.url);
  if (!name || NOT_TYPES.has(name.toLowerCase())) return undefined;
  return { name, collection: /\bcollection\b|\barray\b|\blist\b/i.test(between) || pluralAfter(text.slice(at), l.text), ...(l.url ? { link: l.url } : {}) };
}

const linkTexts = (ctx: PageContext, n: Nodes): LinkText[] => ctx.links(n).map((l) => ({ text: ctx.text(l), url: l.url })).filter((l) => l.text);

/** The link that follows a success status with only article-like words between (see STATUS_THEN_LINK). */
function linkAfterStatus(ctx: PageContext, n: Nodes, text: string): BodyLink | undefined {
  const links = linkTexts(ctx, n);
  if (!links.length) return undefined;
  for (const m of text.matchAll(STATUS)) {
    const code = Number(m[1]);
    if (code < 200 || code > 299 || code === 204) continue;
    const found = bodyLinkAfter(ctx, links, text, m.index! + m[0].length, STATUS_THEN_LINK);
    if (found) return found;
  }
  return undefined;
}

/** "This method returns a [DriveItem](…) for the item being followed": the link right after "returns" and article-like words. */
const RETURNS_THEN_LINK = /^(?:(?:a|an|the|updated|new|created|requested|instance|of|collection|list|array)\s+)*$/i;

/**
 * The body named by a link right after "returns", in a sentence that states no status and no "response body" (the
 * OneDrive pages: "This method returns a [DriveItem](…) for the item being followed"). Not an error's sentence ("If
 * unsuccessful, it returns an [error](…)"), and only a link to a page (a type's; typeFromLink), not to an operation.
 */
function linkAfterReturns(ctx: PageContext, n: Nodes, text: string): BodyLink | undefined {
  const links = linkTexts(ctx, n).filter((l) => /\.md(?:[#?]|$)/i.test(l.url));
  if (!links.length) return undefined;
  for (const sentence of text.split(/(?<=\.)\s+/)) {
    if (/\b(?:error|unsuccessful|fails?|failed|failure)\b/i.test(sentence)) continue;
    const m = /\breturns?\s+/i.exec(sentence);
    const found = m && bodyLinkAfter(ctx, links, sentence, m.index + m[0].length, RETURNS_THEN_LINK);
    if (found) return found;
  }
  return undefined;
}

/**
 * The reason phrase as written: the capitalized words the status pattern took ("No Content"), or,
 * when the page writes the registered phrase in another letter case ("`204 No content`"), that
 * whole phrase as the page spells it — not the capitalized part alone ("No").
 */
/**
 * Where a status is stated: the paragraph's start, or the line of the paragraph the code is on when that is a later one
 * (site-unfollow.md's "returns a `204` status code with no content" on line 44, "a `207` status code" on line 45: both were
 * at 44).
 */
function codeSrc(ctx: PageContext, n: Nodes, code: number): Src {
  const raw = ctx.raw(n);
  const digits = String(code);
  let i = raw.indexOf(digits);
  while (i >= 0 && (/\d/.test(raw[i - 1] ?? '') || /\d/.test(raw[i + 3] ?? ''))) i = raw.indexOf(digits, i + 1);
  const lineStart = i < 0 ? -1 : raw.lastIndexOf('\n', i);
  if (lineStart < 0) return ctx.src(n);
  let lines = 0;
  for (let k = raw.indexOf('\n'); k >= 0 && k <= lineStart; k = raw.indexOf('\n', k + 1)) lines++;
  return ctx.srcAtLine(n, lines, i - lineStart);
}

function reasonPhrase(text: string, at: number, code: number, taken: string): string {
  const registered = STATUS_CODES[code]!;
  const written = text.slice(at, at + registered.length);
  // The phrase ends where its word does, or where a code span ended with no space after it: "`201 Created`response code"
  // reads as "201 Createdresponse code" (the span's text runs on into the next word).
  const after = text.slice(at + registered.length);
  if (written.toLowerCase() === registered.toLowerCase() && (!/\w/.test(after[0] ?? '') || /^(?:response|code|status)\b/i.test(after))) return written;
  return taken.replace(/(?<!\s)\s+(response|code|status)[\s\S]*$/i, '').trim();
}

/** A body described only in prose, by separate word tests (linear): a redirect to a download URL, a CSV or JSON report/file, a binary stream. */
function describedFormat(text: string): string | undefined {
  if (/\bredirects?\b|\b302 found\b/i.test(text) && /\bdownload url\b|\blocation header\b/i.test(text)) return 'redirect';
  const fileWord = /\b(?:file|report)\b/i.test(text);
  if (/\bcsv\b/i.test(text) && fileWord) return 'csv';
  if (/\bjson\b/i.test(text) && (fileWord || /\bjson format\b/i.test(text)) && !/\bjson representation\b/i.test(text)) return 'json';
  if (/\b(?:octet-stream|binary|file content|content stream|file stream)\b/i.test(text) && /\bresponse body\b/i.test(text)) return 'binary';
  // "… returns a `200 OK` response code and binary data of the requested photo" (no "response body").
  if (/\bbinary data\b/i.test(text) && /\breturns?\b/i.test(text)) return 'binary';
  // "… and base-64 image string in the response body" (workbook chart image).
  if (/\bbase-?64\b/i.test(text) && /\bresponse body\b/i.test(text)) return 'base64';
  return undefined;
}

/** The texts a paragraph sets in code or bold (and, with `links`, the texts of its links). */
export function formatted(ctx: PageContext, n: Nodes, links = false): Set<string> {
  const out = new Set<string>();
  const visit = (x: Nodes) => {
    if (x.type === 'inlineCode') out.add(x.value.trim());
    else if (x.type === 'strong' || x.type === 'emphasis' || (links && x.type === 'link')) out.add(ctx.text(x).trim());
    if ('children' in x) for (const c of x.children) visit(c as Nodes);
  };
  visit(n);
  return out;
}

/**
 * Does the link lead to an operation page — a page in an `api` folder, as the Graph tree keeps them
 * ("see [update alert](alert-update.md)" from a page of api/)? Such a page documents a call, not a
 * type: its name ("alert-update" → "update") is no body type.
 */
export function linksOperationPage(pageFile: string, url: string): boolean {
  // A site-absolute link ("/graph/api/…") leads outside the tree's pages.
  const page = url.startsWith('/') ? undefined : linkedFile(pageFile, url.split('?')[0]);
  return page !== undefined && posix.basename(posix.dirname(page)) === 'api';
}

/** The type a link names: its target page (`../resources/accesspackage.md` → accesspackage), cased as the link text when they agree. */
/** An identifier's singular (the model's `singular`: "remoteNetworks" → remoteNetwork, "policies" → policy) when it reads as a plural, else undefined. */
function pluralToSingular(w: string): string | undefined {
  if (!/^[A-Za-z]\w*$/.test(w)) return undefined;
  const one = singular(w);
  return one === w ? undefined : one;
}

export function typeFromLink(text: string, url: string): string {
  const clean = text.replace(/[`*]/g, '').trim();
  const path = url.split(/[#?]/)[0]!;
  const base = path.slice(path.lastIndexOf('/') + 1);
  const page = /\.md$/i.test(base) ? base.slice(0, -3) : undefined;
  if (!page || /^#/.test(url)) return clean;
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const id = clean.replace(/^microsoft\.graph\./i, '');
  // A shortened name of the page's type: the page's name ends with the text and holds more before it
  // ("[message](../resources/chatmessage.md)" is chatMessage, not Outlook's message; "[apiConnector](../resources/identityApiConnector.md)"
  // is identityApiConnector). The words before keep the page's letters (lookups of a type name ignore letter case).
  const last = page.split('-').pop()!;
  const shortened = (w: string) => /^[A-Za-z][A-Za-z0-9]*$/.test(w) && /^[A-Za-z0-9]+$/.test(last) && last.length > w.length && squash(last).endsWith(squash(w)) && /^[A-Za-z]+$/.test(last.slice(0, last.length - w.length));
  // The text in the plural ("collection of [tabs](../resources/teamstab.md) objects"): its singular, shortened.
  const one = pluralToSingular(id);
  for (const w of one === undefined ? [id] : [id, one]) {
    if (shortened(w)) return last.slice(0, last.length - w.length) + w[0]!.toUpperCase() + w.slice(1);
  }
  // The text is the type when it is an identifier the page name contains ("user" → intune-devices-user.md), or a
  // camelCase compound, which only a type name is ("[accessReviewInstanceDecisionItem](../resources/accessreviewinstance.md)": a wrong link).
  if (/^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/.test(id)) return id;
  // An identifier the page's name holds, namespace left out — or its singular ("[microsoft.graph.networkaccess.remoteNetworks]
  // (../resources/networkaccess-remotenetwork.md)" is remoteNetwork).
  if (/^[A-Za-z_][\w.]*$/.test(id)) {
    const tail = id.split('.').pop()!;
    const tailOne = pluralToSingular(tail);
    for (const w of tailOne === undefined ? [tail] : [tail, tailOne]) if (squash(page).includes(squash(w))) return w;
  }
  // A PascalCase compound that holds the page's name is that type's full name ("[WorkbookRangeFormat](../resources/rangeformat.md)"):
  // workbookRangeFormat, not rangeformat. ("[SharePoint](../resources/site.md)" does not hold "site": the page names the type.)
  if (/^[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/.test(id) && squash(id).includes(squash(page))) return id[0]!.toLowerCase() + id.slice(1);
  // A phrase ("Access package", "the user's manager"): the target page names the type.
  return page.split('-').pop()!;
}
