/** Example bodies: strict JSON, JSON after named repairs, or raw text with its content type. */
import type { Body, Src } from '../ir/schema.js';
import { parseJsonLenient, JsonSyntaxError } from '../../../util/lenient-json.js';
import type { PageContext } from './context.js';

export function parseBody(ctx: PageContext, raw: string, contentType: string | undefined, src: Src, what: string): Body {
  const text = raw.replace(/^\s*\n/, '').trimEnd();
  const body: Body = { format: 'none', raw: text, src };
  if (contentType) body.contentType = contentType;
  if (text.trim() === '') return body;
  const looksJson = /^[\s]*[[{]/.test(text) || (!!contentType && /json/i.test(contentType) && /^\s*["\d\-tfn]/.test(text));
  if (!looksJson) { body.format = 'raw'; return body; }
  try {
    const r = parseJsonLenient(text);
    body.json = r.value;
    if (r.strict) body.format = 'json';
    else {
      body.format = 'lenient-json';
      body.repairs = r.repairs;
      ctx.diag('example-body-lenient-json', 'info', `${what} body is not strict JSON; parsed after: ${r.repairs.join(', ')}`, src);
    }
  } catch (e) {
    body.format = 'raw';
    ctx.diag('example-body-not-json', 'warning', `${what} body looks like JSON but does not parse (${e instanceof JsonSyntaxError ? e.message : String(e)}); kept raw`, src);
  }
  return body;
}
