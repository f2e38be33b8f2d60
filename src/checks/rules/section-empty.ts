import { opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const rule: PageRule = {
  id: 'section-empty',
  input: 'page',
  severity: 'warning',
  confidence: 'low',
  contexts: ['page'],
  summary: 'A section is empty or template-only (empty table cells, empty HTTP block)',
  description:
    'A section heading is present but its content is empty: an HTTP block with no request line, a permission table whose cells are blank, a property table whose every description is blank. Typical of pages generated from a template and never filled in. A header-only Properties table of a type whose JSON representation holds only annotations is not empty: the type has no properties of its own. An example heading directly followed by its Request / Response headings at the same level (written flat) is not empty. An empty heading followed by the same heading with the content is reported as written twice.',
  example: { before: '| Delegated (work or school account) |   |\n```http\n```', after: '| Delegated (work or school account) | User.ReadWrite.All |\n```http\nPATCH /users/{id}\n```' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Request headers\n\n## Response\n\nIf successful, this method returns a `200 OK` response code.\n') },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Request headers\n\nNone.\n\n## Response\n\nIf successful, this method returns a `200 OK` response code.\n') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      // A type without properties of its own: its JSON representation holds only annotations (@odata.type).
      const jr = p.resource?.jsonRepresentation;
      const noProperties = !!jr && jr.json !== undefined && jr.propertyNames.every((n) => n.startsWith('@'));
      for (const [i, s] of p.sections.entries()) {
        if (s.kind === 'properties' && noProperties) continue;
        // "### Example 1: …" followed by "### Request" at the same level: headings written flat, the example holds them.
        const next = p.sections[i + 1];
        const exampleKind = (k: string) => k === 'examples' || k === 'example-request' || k === 'example-response';
        if (exampleKind(s.kind) && /^examples?\b/i.test(s.heading.trim()) && next && next.depth === s.depth && next.kind !== 'examples' && exampleKind(next.kind)) continue;
        if (!s.empty || s.kind === 'title' || s.kind === 'other') continue;
        // The same heading again right after it, with the content (contactfolder-post-contacts.md, 2020-05: "## Request headers"
        // twice): the heading is written twice — the empty one is what to delete, not a section to fill in.
        const twice = next && !next.empty && next.depth === s.depth && next.heading.trim().toLowerCase() === s.heading.trim().toLowerCase();
        out.push(pageFinding(this, p, s.src, `section.${s.kind}`, twice ? `Section "${s.heading}" is written twice: this heading is empty, the one at line ${next.src.line} holds the section` : `Section "${s.heading}" is empty`, twice ? 'empty, written again below' : 'empty', [s.kind, s.heading]));
      }
      const perms = p.permissions;
      if (perms?.state === 'empty' && perms.entries.length) {
        out.push(pageFinding(this, p, perms.src, 'permissions', `The permission table lists no permission for any type (${perms.entries.map((e) => e.typeText).join('; ')})`, 'all cells empty', ['permissions-table']));
      }
      const body = p.requestBody?.properties ?? [];
      if (body.length >= 3 && body.every((x) => x.description === '')) {
        out.push(pageFinding(this, p, body[0]!.src, 'requestBody.descriptions', `All ${body.length} request-body properties have an empty description`, 'descriptions empty', ['body-descriptions']));
      }
    }
    return out;
  },
};
