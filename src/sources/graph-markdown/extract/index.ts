/**
 * The extractor registry. Each extractor fills its own part of the page IR; order matters
 * only where one reads another's output (the HTTP extractor falls back on examples; the API
 * version reads example URLs; the page kind reads everything). Add an extractor by writing a
 * module and listing it here.
 */
import type { PageIR } from '../ir/schema.js';
import { emptyPageIR } from '../ir/empty.js';
import type { ParsedPage } from '../parse/page.js';
import { PageContext, type Extractor } from './context.js';
import { pageFacts } from './page-facts.js';
import { examples } from './examples.js';
import { httpRequest } from './http-request.js';
import { apiVersion } from './api-version.js';
import { permissions } from './permissions.js';
import { nationalClouds } from './national-clouds.js';
import { headers } from './headers.js';
import { queryParameters } from './query-parameters.js';
import { requestBody } from './request-body.js';
import { response } from './response.js';
import { resource } from './resource.js';
import { properties } from './properties.js';
import { relationships } from './relationships.js';
import { methods } from './methods.js';
import { jsonRepresentation } from './json-representation.js';
import { enums } from './enums.js';
import { links } from './links.js';
import { inventory } from './inventory.js';
import { functionParameters } from './function-parameters.js';
import { pathParameters } from './path-parameters.js';
import { errors } from './errors.js';
import { instanceAttributes } from './instance-attributes.js';
import { derivedTypes } from './derived-types.js';
import { pageKind } from './page-kind.js';
import { strayTableRows } from './stray-table-rows.js';
import { requestPathsOpen } from './request-paths-open.js';
import { availability } from './availability.js';
import { retirement } from './retirement.js';
import { annotations } from './annotations.js';

export const EXTRACTORS: readonly Extractor[] = [
  pageFacts, examples, httpRequest, requestPathsOpen, availability, retirement, apiVersion, permissions, nationalClouds, headers, queryParameters,
  requestBody, functionParameters, pathParameters, response, errors, resource, properties, instanceAttributes, derivedTypes, relationships, methods, jsonRepresentation, enums, links, strayTableRows, pageKind, inventory,
  annotations,
];

export { emptyPageIR } from '../ir/empty.js';

/** Run every extractor; one that throws becomes a diagnostic and the others still run. */
export function extractPage(page: ParsedPage): PageIR {
  const ir = emptyPageIR(page.file, page.format);
  ir.frontMatter = page.frontMatter.data;
  ir.frontMatterLines = page.frontMatter.keyLines;
  ir.includes = page.includes.map((i) => ({ ...i }));
  const ctx = new PageContext(page);
  for (const x of EXTRACTORS) {
    try {
      x.extract(ctx, ir);
    } catch (e) {
      ctx.diag('extractor-failed', 'error', `The ${x.name} extractor failed on this page: ${e instanceof Error ? e.message : String(e)}`, { file: page.file, line: 1, column: 1 });
    }
  }
  ir.diagnostics = [...page.diagnostics, ...ctx.diagnostics];
  return ir;
}
