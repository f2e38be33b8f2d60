/**
 * Edm primitive names as the docs write a body or property type ("String", "Int32", "Edm.Stream"),
 * any letter case: one list for the model, the checks and the emitters.
 */
const PRIMITIVE = /^(?:edm\.)?(?:string|int16|int32|int64|double|single|decimal|boolean|byte|sbyte|guid|binary|date|timeofday|duration|datetimeoffset|stream)$/i;

/** Is the name an Edm primitive (not a type a page defines)? */
export function isPrimitiveName(name: string): boolean {
  return PRIMITIVE.test(name);
}

/** Edm primitives a JSON payload writes as a string, narrower than String (a Guid, a date, a duration, base64). */
const STRING_FORMATS = new Set(['guid', 'datetimeoffset', 'date', 'timeofday', 'duration', 'binary']);
/** Edm numbers by how wide a value they hold. */
const NUMBER_WIDTH: Record<string, number> = { byte: 1, sbyte: 1, int16: 2, int32: 3, int64: 4, single: 5, double: 6, decimal: 7 };

/**
 * Does every value of primitive `narrower` fit primitive `wider` in the same JSON — a string format in a String, a number
 * in one at least as wide? Then a client typed by `wider` reads every `narrower` value. A reason ("a Guid is a string, and
 * every one a String holds"), or undefined when not (String in a Guid, Int64 in an Int32, a string in a number).
 */
export function fitsPrimitive(narrower: string, wider: string): string | undefined {
  const n = narrower.toLowerCase().replace(/^edm\./, ''), w = wider.toLowerCase().replace(/^edm\./, '');
  if (w === 'string' && STRING_FORMATS.has(n)) return `a ${narrower} is a string, and every one a String holds`;
  const wn = NUMBER_WIDTH[n], ww = NUMBER_WIDTH[w];
  return wn !== undefined && ww !== undefined && wn <= ww ? `every ${narrower} value fits ${wider}` : undefined;
}

/** The type cell links to the page's own table of values (`[ageGroup](#agegroup-values)`): a string whose values the page lists. */
export function linksOwnValues(t: { link?: string }): boolean {
  return t.link !== undefined && /^#[\w-]*values?$/i.test(t.link);
}
