/**
 * A note of the page's preamble that limits where the call is available: "> **Note:** The **preview** action is currently
 * only available on SharePoint and OneDrive for Business." (driveitem-preview.md of every era). Drift reads it: a personal
 * Microsoft account row that becomes "Not supported." on such a page corrects the table, it takes nothing away.
 */
import { noteBody, type Extractor } from './context.js';
import { sentenceAt } from '../../../util/words.js';

/** "… is / are (currently) only available / supported on|in|for X" — or "available / supported only on|in|for X". */
const ONLY = /\b(?:is|are)\s+(?:currently\s+)?(?:only\s+(?:available|supported)|(?:available|supported)\s+only)\s+(?:on|in|for)\s+[^.]+/i;

export const availability: Extractor = {
  name: 'availability',
  extract(ctx, ir) {
    for (const n of ctx.paragraphs(ctx.preamble())) {
      const text = ctx.text(n);
      const m = ONLY.exec(text);
      if (!m) continue;
      ir.availability = { text: noteBody(sentenceAt(text, m.index).trim()).slice(0, 200), src: ctx.src(n) };
      return;
    }
  },
};
