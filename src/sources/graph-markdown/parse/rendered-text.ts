/**
 * Pages copied from the rendered website (seed 001): no code fences, headings as bare lines,
 * HTTP requests and JSON bodies unfenced, tables without outer pipes. Detect the format and
 * rewrite it as markdown — line by line, keeping a source map — so that the same extractors
 * recover the same facts, with positions in the original text.
 */
import { VirtualDoc } from './source-map.js';

const BARE_HEADINGS =
  /^(permissions?|prerequisites?|http requests?|request headers?|headers|request body|responses?|examples?|request|optional query parameters|query parameters|path parameters|function parameters|parameters|properties|relationships|json representation|methods|see also|remarks)$/i;
const EXAMPLE_HEADING = /^examples?(?:\s*\d+(?!\d))?(?:\s*[:.-])?\s*\S.*$/i;
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\/|https?:\/\/|\{)/;
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
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('```') || line.startsWith('~~~')) fences++;
    else if (/^#{1,6}\s/.test(line)) atxHeadings++;
    else if (BARE_HEADINGS.test(line)) bareHeadings++;
    else if (REQUEST_LINE.test(line)) unfencedRequests++;
  }
  const rendered = fences === 0 && bareHeadings >= 2 && (unfencedRequests >= 1 || bareHeadings > atxHeadings);
  return { rendered, bareHeadings, unfencedRequests };
}

/** Rewrite a rendered-text page as markdown. `file` is the source-map file index. */
export function renderedTextToMarkdown(lines: string[], file: number, doc: VirtualDoc): void {
  let i = 0;
  let inExamples = false;
  let titled = false;
  const blank = (line: number) => doc.add('', file, line);
  while (i < lines.length) {
    const raw = lines[i]!;
    const line = raw.trim();
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
      doc.add('# ' + line, file, lineNo, 2 - (raw.length - raw.trimStart().length));
      blank(lineNo);
      i++;
      continue;
    }
    if (BARE_HEADINGS.test(line) || (EXAMPLE_HEADING.test(line) && /^examples?\s*(\d|:|$)/i.test(line))) {
      let level = 2;
      if (/^examples?\b/i.test(line)) inExamples = true;
      else if (inExamples && /^(request|responses?)$/i.test(line)) level = 3;
      else inExamples = false;
      const prefix = '#'.repeat(level) + ' ';
      blank(lineNo);
      doc.add(prefix + line, file, lineNo, prefix.length - (raw.length - raw.trimStart().length));
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
    // Prose: every rendered line is its own paragraph.
    doc.add(raw, file, lineNo);
    blank(lineNo);
    i++;
  }
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
  const first = lines[i]?.trim() ?? '';
  if (first.startsWith('{') || first.startsWith('[')) {
    doc.add('', file, i + 1);
    let depth = 0;
    let inString = false;
    do {
      const l = lines[i]!;
      for (let k = 0; k < l.length; k++) {
        const c = l[k];
        if (inString) {
          if (c === '\\') k++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
      }
      inString = false; // strings never span rendered lines
      doc.add(l, file, i + 1);
      i++;
    } while (i < lines.length && depth > 0);
  }
  doc.add('```', file, i);
  doc.add('', file, i);
  return i;
}
