/**
 * An HTTP request section that says its request lines are some of the paths the call takes: "This syntax shows some
 * common ways to create the supported resource instances. All other POST syntax that allows you to create these
 * resource instances supports creating open extensions in them in a similar way." (the open-extension pages of every
 * era). An example on such a page may call a path its request lines do not list (`example-path-fits-no-template`).
 */
import type { Extractor } from './context.js';

/** "All other POST syntax(es) that allow(s) you to …" (the page text, its spaces collapsed), then "support(s)" in the same sentence. */
const OPEN = /\ball other (?:[a-z]+ )?syntax(?:es)? that allows? you to /i;

export const requestPathsOpen: Extractor = {
  name: 'requestPathsOpen',
  extract(ctx, ir) {
    for (const s of ctx.sectionsOf('http-request')) {
      // The sentence stands in a paragraph or in a note (`>**Note:** … All other POST syntaxes …`).
      for (const n of ctx.paragraphs(ctx.content(s))) {
        const text = ctx.text(n);
        const m = OPEN.exec(text);
        if (!m) continue;
        const end = text.indexOf('.', m.index);
        const sentence = text.slice(m.index, end < 0 ? text.length : end);
        if (/\bsupports?\b/i.test(sentence)) { ir.requestPathsOpen = { text: sentence.slice(0, 200), src: ctx.src(n) }; return; }
      }
    }
  },
};
