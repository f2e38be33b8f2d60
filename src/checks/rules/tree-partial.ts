import { opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { mostlyCopies, PARTIAL_MIN_MISSING, PARTIAL_MIN_SHARE, partialTree, TREE_PARTIAL } from '../tree-links.js';

/** A page that links to `n` pages of its folder's resources/ sibling that the tree does not have. */
const linking = (n: number, missing: boolean) => opPage('Get widget', 'GET', '/widgets/{id}',
  `\n${Array.from({ length: n }, (_, i) => `See [part ${i}](${missing ? `../resources/part${i}.md` : 'a.md'}).`).join('\n\n')}\n`);

/** How many of the targets it lacks the finding names: enough to see what kind of tree this is. */
const SHOWN = 3;

export const rule: ModelRule = {
  id: TREE_PARTIAL,
  input: 'model',
  severity: 'info',
  confidence: 'high',
  contexts: ['tree'],
  summary: 'The tree checked is only part of a docs tree: what it lacks is not reported',
  description:
    `At least ${PARTIAL_MIN_MISSING} of the links between its pages, and ${PARTIAL_MIN_SHARE * 100}% of them, lead to pages the tree does not have: it is a part of a docs tree (a sample, a pull request's pages checked on their own). On such a tree, the rules that report what the tree lacks (those \`docmodel rules\` marks \`whole tree\`: link-broken, type-undefined, …) would report the pages left out, so the engine does not run them; this one finding says so, naming them. Check the pages with \`--root <the whole tree>\` to run them, or pass \`--whole-tree\` (library: \`wholeTree\`) when the inputs are a whole tree however many of their links leave it. (A whole docs tree has almost no such links: none on the 2021-07 and 2020-05 snapshots.) A tree most of whose pages are copies of rendered pages (seed 001's form, which keeps no link targets) is taken for a part too: its links cannot say.`,
  example: { before: 'a sample of 206 pages: 646 of its 782 page links lead to pages it lacks', after: 'the whole tree, or the sample checked with --root <tree>' },
  fixture: {
    before: { 'v1.0/api/a.md': linking(PARTIAL_MIN_MISSING, true) },
    after: { 'v1.0/api/a.md': linking(PARTIAL_MIN_MISSING, false) },
  },
  check(input) {
    // Told the tree is partial by the run that measured it (a first look at a few pages of it): that run said so.
    if (input.tree.completeness === 'partial') return [];
    const partial = partialTree(input);
    if (!partial) return [];
    const { checked, missing, linksLost } = partial;
    const notReported = `What the tree lacks${input.notRun?.length ? ` (${input.notRun.join(', ')})` : ''} is not reported`;
    // Taken for a part because most pages are copies: the links cannot tell (see partialTree).
    if (mostlyCopies(partial, input.pages.length)) {
      return [{
        rule: this.id, severity: this.severity, context: 'tree', subject: 'tree', field: 'links',
        message: `${linksLost} of the ${input.pages.length} pages are copies of rendered pages, which keep no link targets: whether this is a whole docs tree cannot be told from its links. ${notReported}; pass --whole-tree if it is the whole tree`,
        sides: [],
      }];
    }
    // A statement about the tree, not about a page: no side (a side would make it a finding on that page — a first look
    // at the page would then be told of the tree). The first targets it lacks are named in the message, with where.
    const lacking = [...missing, ...partial.outside];
    const all = checked + partial.outside.length;
    const shown = lacking.slice(0, SHOWN).map(({ page, link, target }) => `${target} (${page.file}:${link.src.line})`).join(', ');
    const out = partial.outside.length ? ` (${partial.outside.length} of them out of the folder checked)` : '';
    return [{
      rule: this.id, severity: this.severity, context: 'tree', subject: 'tree', field: 'links',
      message: `${lacking.length} of the ${all} links between pages (${Math.round((100 * lacking.length) / all)}%) lead to pages this tree does not have${out} (${shown}, …): it is part of a docs tree. ${notReported}; check with --root <the whole tree> for it (or --whole-tree if this is the whole tree)`,
      sides: [],
    }];
  },
};
