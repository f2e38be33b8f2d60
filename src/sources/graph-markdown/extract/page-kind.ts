/** Page kind by content (operation / resource / enum / other); `doc_type` that disagrees is a diagnostic. */
import type { Extractor } from './context.js';

export const pageKind: Extractor = {
  name: 'kind',
  extract(ctx, ir) {
    const hasHttp = ctx.sections.some((s) => s.kind === 'http-request');
    if (ir.operations.length || hasHttp) ir.kind = 'operation';
    else if (ir.resource && (ir.resource.properties.length || ir.resource.jsonRepresentation || ir.resource.relationships.length)) ir.kind = 'resource';
    else if (ir.enums.length) ir.kind = 'enum';
    else if (ir.resource) ir.kind = 'resource';
    else ir.kind = 'other';
    const docType = String(ir.frontMatter?.doc_type ?? '');
    const expected = /apiPageType/i.test(docType) ? 'operation' : /resourcePageType/i.test(docType) ? 'resource' : /enumPageType/i.test(docType) ? 'enum' : null;
    if (expected && expected !== ir.kind && !(expected === 'resource' && ir.kind === 'enum')) {
      ctx.diag('doc-type-mismatch', 'info', `Front matter doc_type "${docType}" says ${expected}, but the content is a${ir.kind === 'other' ? 'n other' : (ir.kind === 'operation' ? 'n ' : ' ') + ir.kind} page`, { file: ctx.file, line: ctx.page.frontMatter.keyLines.doc_type ?? 1, column: 1 });
    }
  },
};
