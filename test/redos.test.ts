/**
 * Adversarial inputs, one per family of patterns that run on page text (issue 14): each is
 * processed as a whole page, in this thread, and must finish within a bounded time. Before the
 * rewrites these took tens of seconds to hours (the measured ones are named).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { processText } from '../src/pipeline/page.js';
import { buildModel } from '../src/model/merge.js';
import { reconcile } from '../src/checks/engine.js';
import { parseTypeCell } from '../src/sources/graph-markdown/extract/type-ref.js';

/** ms for one page (parse, extract, model, rules) — the budget is generous for a loaded CI machine; the quadratic versions took 30 s and more. */
const BUDGET_MS = 4000;

function timed(name: string, text: string): ReturnType<typeof processText> {
  const t = performance.now();
  const ir = processText(`${name}.md`, `/redos/${name}.md`, text);
  const model = buildModel([ir]);
  reconcile({ model, pages: model.documents, tree: { exists: () => undefined, absOf: () => undefined } });
  const took = performance.now() - t;
  assert.ok(took < BUDGET_MS, `${name}: ${took.toFixed(0)} ms`);
  return ir;
}

const ws = (n: number) => ' \t'.repeat(n / 2);

test('redos: rendered-text example headings (a 12 KB page took 58 s)', () => {
  // A rendered page (bare headings, no fences); `.` stops at U+2028, so the old `\s*\d*\s*[:.-]?\s*\S.*$` backtracked cubically.
  const page = 'Get user\nPermissions\nNone.\nHTTP request\nGET /users/{id}\nExamples\nExample' + ws(4000) + 'x\u2028y\nExample 1' + ws(4000) + 'x\u2028y\n';
  timed('example-heading', page);
});

test('redos: request lines with long runs of spaces (30 s)', () => {
  const ir = timed('request-line', `# Get\n\n## HTTP request\n\n\`\`\`http\nGET /a${ws(40_000)}b${ws(40_000)}x\nGET /x HTTP/1.1${ws(40_000)}\n\`\`\`\n`);
  assert.ok(ir.operations.some((o) => o.path === '/x'), ir.operations.map((o) => o.path.slice(0, 20)).join());
});

test('redos: table delimiter rows with long runs of spaces (55 s)', () => {
  timed('delimiter', `# T\n\n## Properties\n\n| a | b |\n|${ws(30_000)}-${ws(30_000)}-x\n| --- | --- |${ws(30_000)}x\n`);
});

test('redos: status and header lines in examples', () => {
  timed('example-lines', `# E\n\n## HTTP request\n\n\`\`\`http\nGET /e\n\`\`\`\n\n## Example\n\n### Request\n\n\`\`\`http\nGET https://graph.microsoft.com/v1.0/e${ws(30_000)}T${ws(30_000)}\nHeader:${ws(40_000)}-\n\`\`\`\n\n### Response\n\n\`\`\`http\nHTTP/1.1 200 OK${ws(40_000)}\nA:${ws(40_000)}-\n\`\`\`\n`);
});

test('redos: sentence classifiers (A … B on one line) and response prose', () => {
  const many = (s: string, n: number) => s.repeat(n);
  timed('prose', `# P\n\n## HTTP request\n\n\`\`\`http\nPOST /p\n\`\`\`\n\n## Request body\n\n${many("don't send ", 8000)}\n\n## Optional query parameters\n\n${many('supports ', 8000)}\n\n## Response\n\n${many('n.', 30_000)} returns ${ws(30_000)}x in the response body. 200 ${many('Not ', 8000)}${ws(20_000)}\n\nThis ${many('/beta ', 8000)} and ${many('subject to change ', 3000)}\n`);
});

test('redos: type cells (qualifiers, alternatives, collections, reference links)', () => {
  const cases = [
    '\x00' + '\tL'.repeat(30_000), 'String' + ws(40_000) + '(optional)x', 'a' + ws(40_000) + ',' + ws(40_000) + ',x', 'x ' + ' collection.\tE'.repeat(8000),
    'collection(' + ws(40_000) + 'o' + ws(40_000) + '(x', 'String' + ws(40_000) + 'collectionx', '\x00[['.repeat(30_000), 'a' + ws(40_000) + 'x|' + ws(40_000),
  ];
  const t = performance.now();
  for (const text of cases) parseTypeCell({ text, raw: text, links: [] });
  assert.ok(performance.now() - t < BUDGET_MS);
});

test('redos: HTML tags in cells, headings with trailing punctuation, enum and resource titles', () => {
  timed('html', `# ${'<P/L'.repeat(20_000)} resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| a<b>${'<'.repeat(30_000)} | String | x<br>${'<P/L'.repeat(20_000)} |\n\n## Values${ws(30_000)}:x\n\n<div>${'<'.repeat(30_000)}\n\n<p>${'<P/L'.repeat(20_000)}\n\n# X\t${ws(40_000)}\n\n## ${'x'}${ws(30_000)}values!\n`);
});
