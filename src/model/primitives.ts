/**
 * Edm primitive names as the docs write a body or property type ("String", "Int32", "Edm.Stream"),
 * any letter case: one list for the model, the checks and the emitters.
 */
const PRIMITIVE = /^(?:edm\.)?(?:string|int16|int32|int64|double|single|decimal|boolean|byte|sbyte|guid|binary|date|timeofday|duration|datetimeoffset|stream)$/i;

/** Is the name an Edm primitive (not a type a page defines)? */
export function isPrimitiveName(name: string): boolean {
  return PRIMITIVE.test(name);
}
