/**
 * The Graph markdown source adapter's last step: page IRs → the format-neutral model. A page
 * becomes a `Document` (its facts, without what only the markdown reader needs: the IR version,
 * the input format — of which the model keeps only that a copy of the rendered page lost its links); grouping and identity are the model's
 * (src/model/merge.ts).
 */
import type { PageIR } from './ir/schema.js';
import type { ApiModel, Document } from '../../model/schema.js';
import { buildModel } from '../../model/merge.js';

export function pageToDocument(page: PageIR): Document {
  const { irVersion: _v, format, ...doc } = page;
  // A copy of the rendered page has its links' text but not their targets.
  return format === 'rendered-text' ? { ...doc, linksLost: true } : doc;
}

export function modelFromPages(pages: PageIR[]): ApiModel {
  return buildModel(pages.map(pageToDocument));
}
