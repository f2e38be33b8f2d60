/**
 * Annotation comments (`<!-- { "blockType": "request", … } -->`) anywhere on the page, includes
 * spliced: one that is not JSON even after lenient repairs is named (`annotation-invalid-json`),
 * one read only after repairs too (`annotation-lenient-json`) — here, once per comment, whichever
 * extractor reads it (examples, the JSON representation, the page's own, the permissions'
 * request URLs) or none. Before, only the examples' and the JSON representation's were named:
 * a broken page annotation or HTTP request annotation was dropped unsaid.
 */
import type { Nodes } from 'mdast';
import type { Extractor } from './context.js';
import { parseAnnotationComment } from '../parse/annotations.js';

export const annotations: Extractor = {
  name: 'annotations',
  extract(ctx) {
    const visit = (n: Nodes) => {
      if (n.type === 'html') {
        const a = parseAnnotationComment(n.value);
        if (a && !a.ok) ctx.diag('annotation-invalid-json', 'warning', `Annotation comment could not be read: ${a.error}`, n);
        else if (a && a.repairs.length) ctx.diag('annotation-lenient-json', 'info', `Annotation comment is not strict JSON; read after: ${a.repairs.join(', ')}`, n);
        return;
      }
      if ('children' in n) for (const c of n.children) visit(c as Nodes);
    };
    visit(ctx.root);
  },
};
