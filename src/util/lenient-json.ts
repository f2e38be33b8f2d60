/**
 * JSON as authors write it: strict JSON first; otherwise a tolerant parse that repairs what
 * docs commonly get wrong (trailing commas, comments, smart quotes, single quotes, unquoted
 * keys, raw newlines inside strings, missing commas between members, `...` ellipses) and names
 * each repair, so callers can report them. Anything beyond that is an error with an offset.
 */

export interface LenientResult {
  value: unknown;
  strict: boolean;
  repairs: string[];
}

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) { super(message); }
}

export function parseJsonLenient(text: string): LenientResult {
  // Checked before any parse: JSON.parse accepts any depth, and a 20,000-deep value then overflows the stack of whoever walks or writes it.
  const deep = nestingBeyond(text, MAX_DEPTH);
  if (deep >= 0) throw new JsonSyntaxError(`nesting deeper than ${MAX_DEPTH} at offset ${deep}`, deep);
  try {
    return { value: JSON.parse(text), strict: true, repairs: [] };
  } catch {
    /* fall through to the tolerant parser */
  }
  const p = new Parser(text);
  const value = p.parseDocument();
  return { value, strict: false, repairs: [...p.repairs].sort() };
}

const OPEN_QUOTES: Record<string, string> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u201d': '\u201d', '\u2018': '\u2019', '\u2019': '\u2019' };
export const MAX_DEPTH = 500;

/** Offset where brackets (outside strings) nest deeper than max, or -1. One pass, no parse. */
export function nestingBeyond(s: string, max: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === 92 /* \\ */) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34) quote = c;
    else if (c === 123 || c === 91) { if (++depth > max) return i; }
    else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

class Parser {
  i = 0;
  depth = 0;
  readonly repairs = new Set<string>();
  constructor(readonly s: string) {}

  fail(msg: string): never {
    throw new JsonSyntaxError(`${msg} at offset ${this.i}`, this.i);
  }

  parseDocument(): unknown {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) this.fail(`unexpected ${JSON.stringify(this.s[this.i])} after the value`);
    return v;
  }

  ws(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      // Unicode spaces too (a narrow no-break space U+202F after `{` on beta timeClockSettings), outside strings.
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) { this.i++; continue; }
      if (c === 47 /* / */ && s[this.i + 1] === '/') {
        this.repairs.add('comments removed');
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
        continue;
      }
      if (c === 47 && s[this.i + 1] === '*') {
        this.repairs.add('comments removed');
        const end = s.indexOf('*/', this.i + 2);
        this.i = end < 0 ? s.length : end + 2;
        continue;
      }
      return;
    }
  }

  value(): unknown {
    this.ws();
    const c = this.s[this.i];
    if (c === undefined) this.fail('unexpected end of input');
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c in OPEN_QUOTES) return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    const word = /^[A-Za-z_$][\w$.-]*/.exec(this.s.slice(this.i, this.i + 200));
    if (word) {
      this.i += word[0].length;
      if (word[0] === 'true') return true;
      if (word[0] === 'false') return false;
      if (word[0] === 'null') return null;
      this.repairs.add('unquoted string values');
      return word[0];
    }
    this.fail(`unexpected ${JSON.stringify(c)}`);
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH}`);
  }

  ellipsis(): boolean {
    if (this.s.startsWith('...', this.i) || this.s.startsWith('\u2026', this.i)) {
      this.i += this.s[this.i] === '.' ? 3 : 1;
      this.repairs.add('ellipsis placeholders skipped');
      return true;
    }
    return false;
  }

  object(): Record<string, unknown> {
    this.enter();
    this.i++;
    const out: Record<string, unknown> = {};
    let needComma = false;
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === undefined) this.fail('unterminated object');
      if (c === '}') { this.i++; this.depth--; return out; }
      if (c === ',') {
        this.i++;
        this.ws();
        if (this.s[this.i] === '}') this.repairs.add('trailing commas removed');
        needComma = false;
        continue;
      }
      if (this.ellipsis()) { needComma = false; continue; }
      if (needComma) this.repairs.add('missing commas inserted');
      let key: string;
      if (c in OPEN_QUOTES) key = this.string();
      else {
        const m = /^[A-Za-z_$@][\w$.@-]*/.exec(this.s.slice(this.i, this.i + 200));
        if (!m) this.fail(`expected a property name, found ${JSON.stringify(c)}`);
        key = m[0];
        this.i += key.length;
        this.repairs.add('unquoted keys quoted');
      }
      this.ws();
      if (this.s[this.i] !== ':') this.fail(`expected ":" after property name ${JSON.stringify(key)}`);
      this.i++;
      const v = this.value();
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      needComma = true;
    }
  }

  array(): unknown[] {
    this.enter();
    this.i++;
    const out: unknown[] = [];
    let needComma = false;
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === undefined) this.fail('unterminated array');
      if (c === ']') { this.i++; this.depth--; return out; }
      if (c === ',') {
        this.i++;
        this.ws();
        if (this.s[this.i] === ']') this.repairs.add('trailing commas removed');
        needComma = false;
        continue;
      }
      if (this.ellipsis()) { needComma = false; continue; }
      if (needComma) this.repairs.add('missing commas inserted');
      out.push(this.value());
      needComma = true;
    }
  }

  string(): string {
    const open = this.s[this.i]!;
    const close = OPEN_QUOTES[open]!;
    if (open !== '"') this.repairs.add(open === "'" ? 'single quotes replaced' : 'smart quotes replaced');
    const closers = open === '"' ? '"' : open === "'" ? "'" : close + open + '"';
    this.i++;
    let out = '';
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === undefined) this.fail('unterminated string');
      if (closers.includes(c)) { this.i++; return out; }
      if (c === '\\') {
        const n = s[this.i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', "'": "'" };
        if (n !== undefined && n in simple) { out += simple[n]; this.i += 2; continue; }
        if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
          continue;
        }
        this.repairs.add('invalid escapes kept literally');
        out += n ?? '';
        this.i += 2;
        continue;
      }
      if (c === '\n') this.repairs.add('raw newlines in strings');
      out += c;
      this.i++;
    }
  }

  number(): number {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 100));
    if (!m) this.fail('invalid number');
    this.i += m[0].length;
    return Number(m[0]);
  }
}
