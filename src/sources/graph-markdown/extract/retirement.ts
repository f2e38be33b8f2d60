/**
 * A note of the page's preamble that says the API, or a path or member of it, is deprecated, has moved or will stop working: "The featureRolloutPolicy API has moved from
 * /directory/featureRolloutPolicies to /policies/featureRolloutPolicies as of 3/05/2021. The existing
 * /directory/featureRolloutPolicies endpoint will stop returning returning data after 06/30/2021." (an include of beta
 * featurerolloutpolicy-*.md, 2021-07). Drift reads it: a call the page rewrote to another path is not a corrected path but
 * a moved one when the note names the old path.
 */
import { noteBody, type Extractor } from './context.js';
import { sentenceAt } from '../../../util/words.js';

/**
 * "has moved from|to", "will stop returning|working|being supported", "is / are (being) deprecated", "will be retired|removed|deprecated",
 * "will no longer be supported" — not "will no longer be available for SMS sign-in" (a phone number's, not the API's).
 */
const RETIRED = /\b(?:(?:has|have)\s+(?:been\s+)?moved\s+(?:from|to)\b|will\s+stop\s+(?:returning|working|being\s+supported)\b|(?:is|are|has\s+been|have\s+been)\s+(?:being\s+)?deprecated\b|will\s+be\s+(?:retired|removed|deprecated)\b|will\s+no\s+longer\s+be\s+supported\b)/gi;

export const retirement: Extractor = {
  name: 'retirement',
  extract(ctx, ir) {
    for (const n of ctx.paragraphs(ctx.preamble())) {
      const text = ctx.text(n);
      if (!retires(text)) continue;
      // The whole note (its sentences name the old path, the new one and the date), without its alert marker.
      ir.retirement = { text: noteBody(text.replace(/\s+/g, ' ').trim()).slice(0, 400), src: ctx.src(n) };
      return;
    }
  },
};

/**
 * Does the paragraph retire the page's API (or a path or member of it)? A sentence that says so — not one about an older
 * version the page's API replaces ("The older version, access reviews API, will be deprecated", the access reviews v2
 * disclaimer) — or a paragraph that is only "Deprecated." (a type whose one-line description is that word).
 */
function retires(text: string): boolean {
  if (/^\s*deprecated\.?\s*$/i.test(text)) return true;
  // matchAll works on a copy: RETIRED's lastIndex is never moved.
  for (const m of text.matchAll(RETIRED)) {
    const sentence = sentenceAt(text, m.index);
    const at = sentence.indexOf(m[0]);
    if (!/\b(?:older|previous|earlier)\s+version\b/i.test(at >= 0 ? sentence.slice(0, at) : sentence)) return true;
  }
  return false;
}
