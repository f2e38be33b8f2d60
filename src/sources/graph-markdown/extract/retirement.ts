/**
 * A note of the page's preamble that says the API, or a path or member of it, is deprecated, has moved or will stop working: "The featureRolloutPolicy API has moved from
 * /directory/featureRolloutPolicies to /policies/featureRolloutPolicies as of 3/05/2021. The existing
 * /directory/featureRolloutPolicies endpoint will stop returning returning data after 06/30/2021." (an include of beta
 * featurerolloutpolicy-*.md, 2021-07). Drift reads it: a call the page rewrote to another path is not a corrected path but
 * a moved one when the note names the old path.
 */
import type { Extractor } from './context.js';

/** "has moved from|to", "will stop returning|working|being supported", "is deprecated", "will be retired|removed|deprecated". */
const RETIRED = /\b(?:(?:has|have)\s+(?:been\s+)?moved\s+(?:from|to)\b|will\s+stop\s+(?:returning|working|being\s+supported)\b|(?:is|are|has\s+been|have\s+been)\s+deprecated\b|will\s+be\s+(?:retired|removed|deprecated)\b)/i;

export const retirement: Extractor = {
  name: 'retirement',
  extract(ctx, ir) {
    for (const n of ctx.paragraphs(ctx.preamble())) {
      const text = ctx.text(n);
      if (!RETIRED.test(text)) continue;
      // The whole note (its sentences name the old path, the new one and the date), without its alert marker.
      ir.retirement = { text: text.replace(/\s+/g, ' ').trim().replace(/^(?:\[!\w+\]\s*)?(?:(?:\*\*)?(?:note|caution|important|warning):?(?:\*\*)?:?\s*)?/i, '').slice(0, 400), src: ctx.src(n) };
      return;
    }
  },
};
