/**
 * Pages copied from the rendered website (seed 001): no code fences, headings as bare lines,
 * HTTP requests and JSON bodies unfenced, tables without outer pipes. Detect the format and
 * rewrite it as markdown — line by line, keeping a source map — so that the same extractors
 * recover the same facts, with positions in the original text.
 */
import { VirtualDoc } from './source-map.js';
import { classifyHeading, type SectionKind } from './sections.js';
import { scanBrackets } from '../../../util/json-brackets.js';

/**
 * The section headings of the reference pages, as a rendered copy shows them (a bare line): every heading that opens a
 * section kind the extractors read, and the common others (the corpus's most frequent level-2 and -3 headings), so that a
 * page is recognised by them and its sections are cut where the markdown page's are. "<name> values": an enum's section
 * on a page of several enums (enums-termstore.md's "relationType values").
 */
const BARE_HEADINGS =
  /^(?:permissions?|prerequisites?|http requests?|(?:optional )?request headers?|headers|request body|responses?|response body|examples?|request|(?:optional |odata )?query parameters|path parameters|function parameters|parameters|properties|relationships|json representation|methods|members|derived types|instance attributes|errors?|error (?:codes|responses|handling)|see also|remarks|[A-Za-z][A-Za-z0-9]* values)$/i;
const EXAMPLE_HEADING = /^examples?(?:\s*\d+(?!\d))?(?:\s*[:.-])?\s*\S.*$/i;
/** A request line: a method, then a URL or a path — from "/", "{", "~", or a segment that a "/" or "(" follows ("GET reports/getX(period='{period}')", the slash left out). */
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\/|https?:\/\/|\{|~|[A-Za-z$][\w.$-]*[/(])/;
const STATUS_LINE = /^HTTP(\/\d(\.\d)?)?\s+\d{3}\b/;
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*\s*:\s*\S/;
const DELIMITER_ROW = /^\s*(?:\|\s*)?:?-{2,}:?(?:\s*\|\s*:?-{2,}:?)*\s*(?:\|\s*)?$/;

export interface RenderedDetection {
  rendered: boolean;
  bareHeadings: number;
  unfencedRequests: number;
}

export function detectRenderedText(text: string): RenderedDetection {
  let fences = 0;
  let bareHeadings = 0;
  let unfencedRequests = 0;
  let atxHeadings = 0;
  let setext = false;
  let previous = '';
  // The first two lines that are not blank (a title, then "Namespace: …" on a copy).
  const opening: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\u00a0/g, ' ').trim();
    // "Title" over "=====": a heading of markdown (not "---", which is also a table's or front matter's rule).
    if (/^=+$/.test(line) && previous !== '') setext = true;
    previous = line;
    if (line !== '' && opening.length < 2) opening.push(line);
    if (line.startsWith('```') || line.startsWith('~~~')) fences++;
    else if (/^#{1,6}\s/.test(line)) atxHeadings++;
    else if (BARE_HEADINGS.test(line)) bareHeadings++;
    else if (REQUEST_LINE.test(line)) unfencedRequests++;
  }
  // A markdown page has a "#" heading (its title) at least; one with none and no fence is a copy when a bare section
  // heading stands in it, or when its title line is followed by the "Namespace: microsoft.graph" line every page has.
  // A copy has no fence, but a page whose own fences were broken shows one stray "```http" inside a code block.
  const unfenced = fences <= 1;
  const unheaded = unfenced && atxHeadings === 0 && !setext;
  const [first, second] = opening;
  const namespaced = first !== undefined && !first.includes('|') && /^Namespace:\s*[\w.]+$/.test(second ?? '');
  const rendered = (unfenced && bareHeadings >= 2 && (unfencedRequests >= 1 || bareHeadings > atxHeadings)) || (unheaded && (bareHeadings >= 1 || namespaced));
  return { rendered, bareHeadings, unfencedRequests };
}

/** Rewrite a rendered-text page as markdown. `file` is the source-map file index. */
export function renderedTextToMarkdown(lines: string[], file: number, doc: VirtualDoc): void {
  let i = 0;
  let inExamples = false;
  // Whether the examples are headed by a bare "Examples" (their numbered ones one level below), and the level of the
  // numbered example or format the next Request / Response belongs to (0: none).
  let examplesParent = false;
  let exampleLevel = 0;
  let lastKind: SectionKind = 'title';
  // Where the last bare heading ended in the rewritten page, and whether subsections of its kind are being nested under it.
  let lastHeadingAt = 0;
  let nested = false;
  let titled = false;
  // Lines the search for unfenced JSON blocks may read in all (see jsonEnd): a few times the page.
  const jsonBudget = { lines: 4 * lines.length + 1000 };
  const blank = (line: number) => doc.add('', file, line);
  while (i < lines.length) {
    const raw = lines[i]!;
    // A no-break space reads as a space ("chatMessagePolicyViolationDlpActionType\u00a0values" heads an enum).
    const line = raw.replace(/\u00a0/g, ' ').trim();
    const lineNo = i + 1;
    if (line === '') { blank(lineNo); i++; continue; }
    if (/^#{1,6}\s/.test(line)) {
      const level = line.match(/^#+/)![0].length;
      if (level === 1) titled = true;
      const text = line.replace(/^#+\s*/, '');
      if (/^examples?\b/i.test(text)) inExamples = true;
      blank(lineNo);
      doc.add(raw, file, lineNo);
      blank(lineNo);
      i++;
      continue;
    }
    if (!titled) {
      // The first line of a rendered page is its title.
      titled = true;
      // "#teamsAppInstalledState enum type" (no space after the "#": a paragraph to the site, which shows the "#").
      const hashes = /^#+\s*/.exec(line)?.[0].length ?? 0;
      doc.add('# ' + line.slice(hashes), file, lineNo, 2 - (raw.length - raw.trimStart().length) - hashes);
      blank(lineNo);
      i++;
      continue;
    }
    // "CSV" / "JSON": a report's two output formats, under its Response section and its examples.
    const format = /^(?:csv|json)$/i.test(line) && (inExamples || lastKind === 'response');
    const known = headingKind(line, inExamples);
    if (format || BARE_HEADINGS.test(line) || (EXAMPLE_HEADING.test(line) && /^examples?\s*(\d|:|$)/i.test(line)) || (known !== undefined && known !== 'other' && known !== 'json-representation')) {
      // The levels the markdown pages give: "Examples" (2) over "Example 1: …" (3) over "Request" (4); "Example 1: …" (2)
      // over "Request" (3) when no "Examples" heads them; a format (3) over its "Request" (4).
      let level = 2;
      // A listed heading the shape test turns away ("chatMessagePolicyViolationDlpActionType values": lower case) still has its kind.
      const kind = known ?? classifyHeading(line, inExamples);
      const exampleHead = /^examples?\b/i.test(line);
      const numbered = exampleHead && !/^examples?[:.]?$/i.test(line);
      if (exampleHead && numbered && inExamples && examplesParent) { level = 3; exampleLevel = 3; }
      else if (exampleHead) { inExamples = true; examplesParent = !numbered; exampleLevel = 0; }
      else if (format) { level = 3; if (inExamples) exampleLevel = 3; }
      else if (inExamples && (/^(request|responses?)$/i.test(line) || kind === 'example-request' || kind === 'example-response')) level = exampleLevel ? exampleLevel + 1 : 3;
      // A heading of the kind of the section it stands in ("Permissions", at once "Permissions for channel", later
      // "Permissions for chat") is its subsection, as on the markdown page: else the section would stand empty.
      else if (kind !== 'other' && kind === lastKind && (nested || doc.lines.slice(lastHeadingAt).every((l) => l === ''))) { level = 3; nested = true; }
      else { inExamples = false; examplesParent = false; exampleLevel = 0; }
      if (level === 2) { lastKind = kind; nested = false; }
      const prefix = '#'.repeat(level) + ' ';
      blank(lineNo);
      doc.add(prefix + line, file, lineNo, prefix.length - (raw.length - raw.trimStart().length));
      blank(lineNo);
      lastHeadingAt = doc.lines.length;
      i++;
      continue;
    }
    // A type's name on a line of its own over a table: the heading of that type's section ("### conditionalAccessPolicyState"
    // over its Member table on the enums page), at the level of every other bare heading.
    if (/^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/.test(line) && (lines[i + 1] ?? '').includes('|') && DELIMITER_ROW.test(lines[i + 2] ?? '') && lines[i + 2]!.includes('-')) {
      blank(lineNo);
      doc.add('## ' + line, file, lineNo, 3 - (raw.length - raw.trimStart().length));
      blank(lineNo);
      i++;
      continue;
    }
    // A table: a row with a pipe followed by a delimiter row.
    if (line.includes('|') && i + 1 < lines.length && DELIMITER_ROW.test(lines[i + 1]!) && lines[i + 1]!.includes('-')) {
      blank(lineNo);
      while (i < lines.length && lines[i]!.includes('|')) {
        doc.add(lines[i]!, file, i + 1);
        i++;
      }
      blank(i);
      continue;
    }
    if (REQUEST_LINE.test(line) || STATUS_LINE.test(line)) {
      i = fenceHttp(lines, i, file, doc);
      continue;
    }
    // A JSON block on its own (a resource's JSON representation, a request body shown without its request line).
    if (JSON_START.test(line)) {
      const end = jsonEnd(lines, i, jsonBudget);
      if (end !== undefined) {
        doc.add('', file, lineNo);
        doc.add('```json', file, lineNo);
        for (let k = i; k < end; k++) doc.add(lines[k]!, file, k + 1);
        doc.add('```', file, end);
        doc.add('', file, end);
        i = end;
        continue;
      }
    }
    // Prose: every rendered line is its own paragraph.
    doc.add(raw, file, lineNo);
    blank(lineNo);
    i++;
  }
}

/**
 * The section kind of a bare line that reads as a heading — short, no sentence punctuation at its end, no table cell,
 * not a request, status or header line — as the markdown pages' heading classifier names it (undefined: no heading). It
 * knows the headings with a qualifier the fixed list above lacks ("HTTP request (to upload a new file)", "Permissions
 * acting on self", "Example (updating an existing file)"); "JSON" and "CSV" alone are a report's two output formats, not
 * its JSON representation, so a `json-representation` kind is no heading here.
 */
function headingKind(line: string, inExamples: boolean): SectionKind | undefined {
  if (line.length > 80 || line.split(/\s+/).length > 10 || /[.;,:]$/.test(line) || line.includes('|') || !/^[A-Z0-9(]/.test(line)) return undefined;
  if (REQUEST_LINE.test(line) || STATUS_LINE.test(line) || HEADER_LINE.test(line)) return undefined;
  return classifyHeading(line, inExamples);
}

/** A line that opens a JSON object or array: "{" or "[" alone, or followed by a key, a string, a bracket or a brace. */
const JSON_START = /^[{[]\s*(?:$|["{[\]}])/;

/** How many JSON brackets a line opens (closing ones counted off), strings skipped: strings never span rendered lines. */
function bracketDelta(l: string): number {
  return scanBrackets(l).depth;
}

/**
 * Where a JSON block opened at line `start` ends (the index after its last line), if its brackets close within it.
 * `budget.lines`: how many lines all the page's attempts may still read — a block that never closes is read to the end
 * of the page, and a page of such openers ("[" on 20,000 lines) would be read 20,000 times over (5 s) without it.
 */
export function jsonEnd(lines: string[], start: number, budget: { lines: number }): number | undefined {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    if (--budget.lines < 0) return undefined;
    if (i > start && lines[i]!.trim() === '') continue;
    depth += bracketDelta(lines[i]!);
    if (depth <= 0) return i + 1;
  }
  return undefined;
}

/** Fence an unfenced request or response: request/status line(s), headers, then a JSON body. */
function fenceHttp(lines: string[], start: number, file: number, doc: VirtualDoc): number {
  let i = start;
  doc.add('', file, start + 1);
  doc.add('```http', file, start + 1);
  while (i < lines.length && (REQUEST_LINE.test(lines[i]!.trim()) || (i === start && STATUS_LINE.test(lines[i]!.trim())))) {
    doc.add(lines[i]!, file, i + 1);
    i++;
  }
  while (i < lines.length && HEADER_LINE.test(lines[i]!.trim()) && !REQUEST_LINE.test(lines[i]!.trim())) {
    doc.add(lines[i]!, file, i + 1);
    i++;
  }
  // The body, after the blank line that separates it from the headers when the copy kept it.
  if (lines[i]?.trim() === '' && JSON_START.test(lines[i + 1]?.trim() ?? '')) { doc.add('', file, i + 1); i++; }
  const first = lines[i]?.trim() ?? '';
  if (first.startsWith('{') || first.startsWith('[')) {
    doc.add('', file, i + 1);
    let depth = 0;
    do {
      depth += bracketDelta(lines[i]!);
      doc.add(lines[i]!, file, i + 1);
      i++;
    } while (i < lines.length && depth > 0);
  }
  doc.add('```', file, i);
  doc.add('', file, i);
  return i;
}
