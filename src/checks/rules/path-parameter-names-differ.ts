import { opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';
import { isGuidSegment } from '../../model/identity.js';

/** A placeholder whose brace closes before the alternation it names: `{user-id} | user-principal-name`. */
const EARLY_BRACE = /\{[\w-]+\}\s*\|\s*[\w-]+/;

export const rule: ModelRule = {
  id: 'path-parameter-names-differ',
  input: 'model',
  unit: 'operation',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'Pages of one operation name its path parameters differently',
  description:
    'The same operation (same method and path shape) is documented on several pages whose path templates name the parameters differently. SDK generators take parameter names from the template, so the pages produce different signatures. Paths written with the /me alias are compared by the path-alias-differs rule instead; a path recovered from an example call on a page with no template (an overview page\'s illustration) holds keys, not parameter names, and is not compared. A template that writes example ids (GUIDs) where the other pages have parameters is shown with them: the ids are what to mend.',
  example: { before: 'page A: PATCH /users/{usersId}\npage B: PATCH /users/{id | userPrincipalName}', after: 'both: PATCH /users/{id | userPrincipalName}' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{widgetsId}'), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}') },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}'), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}') },
  },
  check({ model }) {
    return model.operations.flatMap((g) =>
      compareField(this, g, 'path.parameters', (v) => {
        // A path recovered from an example call (the page has no template: excel.md's illustrations) holds keys, not parameter names.
        if (/^\/me(\/|$)/i.test(v.operation.path) || v.operation.fromExample) return undefined;
        const names = v.operation.pathParameters.map((p) => `{${p.name}}`).join(', ');
        // A template that writes example GUIDs where the others have parameters (v1.0 educationcategory-delete.md:
        // /education/classes/acdefc6b-…/assignmentCategories/{id}): say so — the ids are what to mend, not the names.
        const ids = v.operation.path.split('?')[0]!.split('/').filter(isGuidSegment);
        let shown = ids.length ? `${names || '(none)'}, and ${ids.length === 1 ? 'a literal id' : `${ids.length} literal ids`} written in the template (${ids.map((x) => `${x.replace(/'/g, '').slice(0, 8)}…`).join(', ')})` : names || '(none)';
        // An alternation written half outside its braces (v1.0 chat-get-members.md: `/users/{user-id} | user-principal-name/chats/…`)
        // is read as one parameter; the name it gets is not what the page meant to write.
        const early = EARLY_BRACE.exec(v.operation.path);
        if (early) shown += ` (written "${early[0]}": the brace closes before the alternation)`;
        return { key: names, shown, src: v.operation.src };
      }, (c, d) => `Path parameter names differ (${versionsNote(c)}): ${d.join(' vs ')}`),
    );
  },
};
