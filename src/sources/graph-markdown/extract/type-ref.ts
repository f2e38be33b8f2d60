/**
 * The Type column as authors write it → a normalized TypeRef. Handles String/string, Edm.*,
 * GUID/Guid, markdown and reference-style links, enum anchors, `X collection`, `Collection(X)`,
 * `X[]`, and noise such as `(Optional) String` or `string, maximum size 20` (kept as notes).
 */
import type { TypeRef } from '../ir/schema.js';
import type { Cell } from './context.js';

const EDM: Record<string, string> = {
  string: 'String', str: 'String', guid: 'Guid', uuid: 'Guid', int32: 'Int32', int: 'Int32', integer: 'Int32', int64: 'Int64', long: 'Int64',
  int16: 'Int16', byte: 'Byte', sbyte: 'SByte', boolean: 'Boolean', bool: 'Boolean', double: 'Double', single: 'Single', float: 'Single',
  decimal: 'Decimal', number: 'Double', datetimeoffset: 'DateTimeOffset', datetime: 'DateTimeOffset', timestamp: 'DateTimeOffset',
  date: 'Date', timeofday: 'TimeOfDay', time: 'TimeOfDay', duration: 'Duration', timespan: 'Duration', binary: 'Binary', stream: 'Stream',
  json: 'Json', object: 'Json', geographypoint: 'GeographyPoint', uri: 'String', url: 'String',
};
/** Spellings that are not the canonical Edm name (reported when used). */
/** Edm names no docs type shares. */
const UNAMBIGUOUS_EDM = new Set(['string', 'guid', 'datetimeoffset', 'boolean', 'int16', 'int32', 'int64', 'double', 'single', 'decimal', 'byte', 'sbyte']);
const NON_CANONICAL = new Set(['str', 'int', 'integer', 'long', 'bool', 'float', 'number', 'datetime', 'timestamp', 'time', 'timespan', 'uuid', 'object', 'uri', 'url']);

/** The docs generator's text for a type it could not resolve, its backticks and asterisks removed: "Unknown Type ns.name". */
const UNRESOLVED = /^Unknown Type\s+([A-Za-z][\w.]*)$/;

/** The canonical Edm name of a primitive as authors write it ("string" → String, "int" → Int32), or undefined. */
export function edmName(word: string): string | undefined {
  return EDM[word.toLowerCase()];
}

export interface TypeParse {
  type: TypeRef;
  ambiguous?: string;
  /** The cell holds a description before its type (the description, which is also in the notes). */
  described?: string;
}

export function parseTypeCell(cell: Pick<Cell, 'text' | 'raw' | 'links'>): TypeParse {
  const notes: string[] = [];
  let text = cell.text.replace(/[`*]/g, '').trim();
  const raw = cell.raw;
  // Qualifiers that are not part of the type.
  text = text.replace(/^\((optional|required|nullable)\)\s*/i, (m) => { notes.push(m.trim()); return ''; });
  text = text.replace(/^(optional|required)\s*[:.-]?\s+/i, (m) => { notes.push(m.trim()); return ''; });
  text = text.replace(/(?<!\s)\s*\((optional|required|nullable|read-?only|deprecated)\)\s*$/i, (m) => { notes.push(m.trim()); return ''; });
  const comma = /^([^,;]+?)(?<!\s)\s*[,;]\s*(?!\s)(.+)$/.exec(text);
  if (comma && !/collection/i.test(comma[2]!)) { notes.push(comma[2]!.trim()); text = comma[1]!; }
  // A link whose closing parenthesis is missing stays text: "[name](page.md" → name.
  const broken = /^\[([^\]]+)\]\([^)]*$/.exec(text);
  if (broken) { notes.push('link not closed'); text = broken[1]!; }
  let collection = false;
  // "X collection. Holds grades …": prose after the type.
  const prose = /^(.+?\scollection)\.\s+\S[\s\S]*$/i.exec(text);
  if (prose) { notes.push(text.slice(prose[1]!.length + 1).trim()); text = prose[1]!; }
  // A description written into the Type cell before the type, a sentence and then a primitive ("Moment in time when the
  // resource was created.  DateTimeOffset", beta educationresource.md): the primitive is the type, the sentence a note —
  // not a type named after its first word.
  let described: string | undefined;
  const dot = text.lastIndexOf('.');
  const tail = text.slice(dot + 1).trim();
  if (dot > 0 && EDM[tail.toLowerCase()] !== undefined && /^[A-Za-z]+$/.test(tail) && text.slice(0, dot).trim().split(/\s+/).length >= 3) {
    described = text.slice(0, dot + 1).trim();
    notes.push(described);
    text = tail;
  }
  const coll = /^collection\s*\(\s*(?!\s)(.+?)(?<!\s)\s*\)$/i.exec(text);
  if (coll) { collection = true; text = coll[1]!; }
  if (/(?<!\s)\s+collections?\.?$/i.test(text)) { collection = true; text = text.replace(/(?<!\s)\s+collections?\.?$/i, ''); }
  if (/^(array|list|collection) of\s+/i.test(text)) { collection = true; text = text.replace(/^(array|list|collection) of\s+/i, '').replace(/s$/, ''); }
  if (/\[\]$/.test(text)) { collection = true; text = text.replace(/\[\]$/, ''); }
  const link = cell.links[0];
  let target: string | undefined = link?.url;
  if (!target) {
    const refLink = /\[([^[\]]+)\]\[([^[\]]*)\]/.exec(raw);
    if (refLink) target = `[${refLink[2] || refLink[1]}]`;
  }
  let ambiguous: string | undefined;
  const parts = text.split(/(?<!\s)\s+or\s+|(?<!\s)\s*\/\s*|(?<!\s)\s*\|\s*/i).filter(Boolean);
  // "(boolean or string or number) collection" (a workbook's values): several primitives are any JSON value, as the other
  // version's "Json" says; several other types ("user or group") are read as the first, and the row says so.
  const primitive = (x: string) => { const e = EDM[x.replace(/^\(|\)$/g, '').trim().toLowerCase()]; return e !== undefined && e !== 'Json'; };
  if (parts.length > 1 && parts.every(primitive)) {
    ambiguous = `type "${cell.text}" names several primitive types; read as Json (any of them)`;
    notes.push(`written as ${text}`);
    text = 'Json';
  } else if (parts.length > 1) { ambiguous = `type "${cell.text}" names several types; the first is used`; text = parts[0]!; }
  let name = text.replace(/\.$/, '').trim();
  // The docs generator's placeholder for a type it could not resolve ("** Unknown Type `microsoft.management.….operation` **
  // collection", the Intune tuple pages): no page says what the type is — any JSON value, the name it had kept (type-undefined
  // reports it), not a type named Unknown.
  const generator = UNRESOLVED.exec(name);
  if (generator) {
    const type: TypeRef = { raw, name: 'Json', primitive: true, collection, unresolved: generator[1]!, notes: [...notes, `written as ${name}`] };
    return { type };
  }
  // "Untyped JSON object", "arbitrary JSON": a free-form JSON value, not a type named by the first word.
  const freeJson = /^(?:an?\s+)?(?:untyped|arbitrary|free-?form|open|any|dynamic|generic)\s+json(?:\s+(?:object|value|blob))?$/i.exec(name);
  if (freeJson) { notes.push(`written as ${name}`); name = 'Json'; }
  const words = name.split(/\s+/);
  if (words.length > 1) {
    // "String (identifier)", "Int32 value" ...: the first word is the type.
    notes.push(words.slice(1).join(' '));
    name = words[0]!;
  }
  let namespace: string | undefined;
  name = name.replace(/^edm\./i, '');
  const lower = name.toLowerCase();
  const edm = EDM[lower];
  // A name that is only ever an Edm primitive stays one even when linked ("[DateTimeOffset](../resources/timestamp.md)");
  // others linked to a page may be a documented type of that name (a "date" or "duration" resource).
  if (edm && !(link && /\.md/i.test(link.url) && !UNAMBIGUOUS_EDM.has(lower))) {
    if (NON_CANONICAL.has(lower)) notes.push(`written as ${name}`);
    name = edm;
    const type: TypeRef = { raw, name, primitive: true, collection };
    if (target) type.link = target;
    if (notes.length) type.notes = notes;
    return { type, ...(ambiguous ? { ambiguous } : {}), ...(described ? { described } : {}) };
  }
  const ns = /^(microsoft\.graph(?:\.[A-Za-z]\w*)*)\.([A-Za-z]\w*)$/i.exec(name);
  if (ns) { namespace = ns[1]!; name = ns[2]!; }
  name = name.replace(/[^\w]/g, '');
  if (name === '') { name = 'Unknown'; ambiguous = ambiguous ?? `type "${cell.text}" could not be read`; }
  const type: TypeRef = { raw, name, primitive: false, collection };
  if (target) type.link = target;
  if (namespace) type.namespace = namespace;
  if (notes.length) type.notes = notes;
  return ambiguous ? { type, ambiguous } : { type };
}
