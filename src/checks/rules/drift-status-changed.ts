import { opPage, responseSection } from '../fixture-pages.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { change, pairedOperations, successStatuses, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-status-changed',
  input: 'drift',
  severity: 'error',
  confidence: 'medium',
  contexts: ['drift'],
  summary: 'The success status of an operation changed (breaking)',
  description: 'The Response section states other success status codes (error codes, 4xx and 5xx, added or removed are not a change of the success status) in the new snapshot (200 OK → 204 No Content). Clients that check the status break. Not breaking when the old page\'s own example responses already answered with the new statuses (a Response section saying 201 above an example answering 204): the new page corrected its prose to what the old example showed.',
  example: { before: 'old: returns 200 OK and a user object', after: 'new: returns 204 No Content' },
  fixture: {
    before: { 'old/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `200 OK` response code.')), 'new/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code.')) },
    after: { 'old/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code.')), 'new/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code.')) },
  },
  check({ old, new: nu }) {
    const out: FindingDraft[] = [];
    for (const [k, [va, vb]] of pairedOperations(old, nu)) {
      const sa = successStatuses(va);
      const sb = successStatuses(vb);
      if (!sa.length || !sb.length || sa.join() === sb.join()) continue;
      // The old page's own example responses already answered with the new statuses (printershare-post-allowedusers.md: "returns
      // a `201 Created`" above an example answering 204; label d867): the old page contradicted itself and the new one aligned
      // its prose with what the example showed — a correction, not a change a client of the old docs' example would notice.
      const shown = [...new Set(va.doc.examples.responses.map((r) => r.statusLine.code).filter((c): c is number => c !== null && c >= 200 && c < 300))].sort((x, y) => x - y);
      const corrected = shown.length > 0 && shown.join() === sb.join();
      const note = corrected ? ` (the old page's example already answered ${sb.join(', ')}: its Response section caught up)` : '';
      out.push(change(this, !corrected, va.version, k.slice(k.indexOf(' ') + 1), 'response.status', `${k}: status ${sa.join(', ')} → ${sb.join(', ')}${note}`, [sideOf(va.doc, va.doc.response!.statuses[0]!.src, sa.join(', ')), sideOf(vb.doc, vb.doc.response!.statuses[0]!.src, sb.join(', '))]));
    }
    return out;
  },
};
