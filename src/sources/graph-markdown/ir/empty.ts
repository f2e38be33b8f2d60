/** The IR of a page with no facts (what extraction starts from; what a page that could not be read becomes). Its own module: the page pool needs it without loading the extractors. */
import type { PageIR } from './schema.js';
import { IR_VERSION } from './version.js';

export function emptyPageIR(file: string, format: PageIR['format']): PageIR {
  return {
    // Optional members are listed (as undefined, dropped by JSON) so that every IR file has one key order.
    irVersion: IR_VERSION, file, format, frontMatter: null, frontMatterLines: {}, title: {}, description: undefined, namespace: undefined, kind: 'other',
    apiVersion: { value: null, evidence: [] }, sections: [], tables: [], includes: [], links: [], operations: [], requestPathsOpen: undefined, availability: undefined, retirement: undefined,
    permissions: undefined, nationalClouds: [], requestHeaders: [], queryParameters: [], queryParameterSupport: undefined, requestBody: undefined, functionParameters: undefined, pathParameterDescriptions: undefined, response: undefined, errorResponses: undefined, errorsReference: undefined,
    examples: { requests: [], responses: [] }, resource: undefined, enums: [], pageAnnotation: undefined, diagnostics: [],
  };
}
