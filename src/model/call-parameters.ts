/**
 * The parameters a call takes beyond its path template, as the outputs (TypeScript, OpenAPI) state them: a page's
 * "Function parameters" rows are parameters of the call too — those its request lines pass inside the function call's
 * parentheses describe path parameters, the others (the page says "provide the following query parameters", or its
 * request lines have no parentheses for them) are query parameters.
 */
import type { Document, Parameter } from './schema.js';

export type CallQueryParameter = Parameter & { location?: 'query' | 'unknown' };

/**
 * The query parameters of a page's call: its query-parameter rows, then each function parameter that does not go in
 * the path and that no query row names (`location`: where the page puts it — `query` when it says so, `unknown` when
 * its request lines have no place for it).
 */
export function callQueryParameters(doc: Pick<Document, 'queryParameters' | 'functionParameters'>): CallQueryParameter[] {
  const rows: CallQueryParameter[] = doc.queryParameters;
  const named = new Set(rows.map((q) => q.name.toLowerCase()));
  const extra = (doc.functionParameters ?? []).filter((f) => f.location !== 'path' && !named.has(f.name.toLowerCase()));
  if (!extra.length) return rows;
  return [...rows, ...extra.map(({ location, ...p }): CallQueryParameter => ({ ...p, location: location as 'query' | 'unknown' }))];
}

/** The function parameters a page's request lines pass inside a function call: each describes the path parameter of its name. */
export function functionPathParameters(doc: Pick<Document, 'functionParameters'>): NonNullable<Document['functionParameters']> {
  return (doc.functionParameters ?? []).filter((f) => f.location === 'path');
}
