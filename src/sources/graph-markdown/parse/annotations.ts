/**
 * docfx annotation comments: `<!-- { "blockType": "request", ... } -->`. Parsed leniently
 * (trailing commas, raw newlines, unquoted keys); unrecoverable JSON is reported by the caller.
 */
import { parseJsonLenient, JsonSyntaxError } from '../../../util/lenient-json.js';

export type AnnotationParse =
  | { ok: true; fields: Record<string, unknown>; repairs: string[] }
  | { ok: false; error: string }
  | null;

/** null when the comment is not an annotation (no leading `{`). */
export function parseAnnotationComment(html: string): AnnotationParse {
  const m = /^<!--\s*(\{[\s\S]*\})\s*-->\s*$/.exec(html.trim());
  if (!m) {
    if (/^<!--\s*\{/.test(html.trim())) return { ok: false, error: 'annotation comment has no closing "}"' };
    return null;
  }
  try {
    const r = parseJsonLenient(m[1]!);
    if (!r.value || typeof r.value !== 'object' || Array.isArray(r.value)) return { ok: false, error: 'annotation is not a JSON object' };
    return { ok: true, fields: r.value as Record<string, unknown>, repairs: r.repairs };
  } catch (e) {
    return { ok: false, error: e instanceof JsonSyntaxError ? e.message : String(e) };
  }
}
