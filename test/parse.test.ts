import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectRenderedText } from '../src/sources/graph-markdown/parse/rendered-text.js';
import { parseAnnotationComment } from '../src/sources/graph-markdown/parse/annotations.js';
import { parseJsonLenient } from '../src/util/lenient-json.js';
import { processFile } from '../src/pipeline/page.js';
import { IncludeResolver } from '../src/sources/graph-markdown/parse/includes.js';
import { INPUT, SEEDS, page, seed, tempTree, at } from './helpers.js';

test('rendered-text format is detected on seed 001 only', () => {
  const got = SEEDS.map((s) => detectRenderedText(readFileSync(join(INPUT, s), 'utf8')).rendered);
  assert.deepEqual(got, [false, true, false, false, false]);
  assert.deepEqual(SEEDS.map((_, i) => seed(i).format), ['markdown', 'rendered-text', 'markdown', 'markdown', 'markdown']);
});

test('rendered-text page: bare headings become sections at their original lines', () => {
  const s = seed(1).sections.map((x) => `${x.kind}@${x.src.line}:${x.src.column}`);
  assert.deepEqual(s, ['title@1:1', 'permissions@6:1', 'http-request@25:1', 'request-headers@27:1', 'request-body@32:1', 'response@40:1', 'examples@43:1', 'example-request@44:1', 'example-response@50:1']);
});

test('docfx tab headings do not end the current section', () => {
  const ir = page([
    '# Get user', '', '## Examples', '', '### Request', '', '# [HTTP](#tab/http)', '', '```http', 'GET https://graph.microsoft.com/v1.0/me', '```', '',
    '# [C#](#tab/csharp)', '', '```csharp', 'var u = await client.Me.GetAsync();', '```', '', '---', '', '### Response', '', '```http', 'HTTP/1.1 200 OK', '```', '',
  ].join('\n'));
  assert.deepEqual(ir.sections.map((s) => s.kind), ['title', 'examples', 'example-request', 'example-response']);
  assert.equal(ir.examples.requests.length, 1);
  assert.equal(ir.examples.requests[0]!.path, '/me');
  assert.equal(ir.examples.responses[0]!.answers, 0);
});

test('alerts (> [!NOTE] and > **Note:**) are content, not section breaks', () => {
  const ir = page('# T\n\n## Permissions\n\n> [!NOTE]\n> Read the docs.\n\n> **Note:** really.\n\n|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Application|User.Read.All|\n');
  assert.equal(ir.permissions?.entries[0]?.permissions[0]?.name, 'User.Read.All');
});

test('annotation comments are parsed leniently; broken ones are reported', () => {
  const ok = parseAnnotationComment('<!-- {\n  "blockType": "request",\n  "name": "get_user",\n} -->');
  assert.deepEqual(ok, { ok: true, fields: { blockType: 'request', name: 'get_user' }, repairs: ['trailing commas removed'] });
  const unq = parseAnnotationComment('<!-- { blockType: "response", truncated: "true" } -->');
  assert.ok(unq && unq.ok && unq.fields.truncated === 'true' && unq.repairs.includes('unquoted keys quoted'));
  const bad = parseAnnotationComment('<!-- { "blockType": "request" "name": [ } -->');
  assert.equal(bad && bad.ok, false);
  assert.equal(parseAnnotationComment('<!-- just a comment -->'), null);
  const ir = page('# T\n\n## Examples\n\n<!-- { "blockType": "request", "name": [ } -->\n```http\nGET https://graph.microsoft.com/v1.0/me\n```\n');
  const d = ir.diagnostics.find((x) => x.rule === 'annotation-invalid-json');
  assert.ok(d);
  assert.equal(at(d.src), '5:1');
  // Every annotation comment of the page is named once, whoever reads it: the page's own and the HTTP request's were
  // dropped unsaid; a lenient one read by two extractors (an example's, the JSON representation's) is named once.
  const all = page('# T\n\n<!-- { "type": "#page.annotation", "x": {{{ ] , } -->\n\n## HTTP request\n\n<!-- { "blockType": "request", "name":  "blockType": "ignored" } -->\n```http\nGET /me\n```\n\n## Example\n\n<!-- { "blockType": "request", "name": "get_me", } -->\n```http\nGET https://graph.microsoft.com/v1.0/me\n```\n');
  assert.deepEqual(all.diagnostics.filter((x) => x.rule.startsWith('annotation-')).map((x) => [x.rule, at(x.src)]),
    [['annotation-invalid-json', '3:1'], ['annotation-invalid-json', '7:1'], ['annotation-lenient-json', '14:1']]);
});

test('lenient JSON names its repairs', () => {
  const r = parseJsonLenient('{\n  // comment\n  \u201cname\u201d: \u201cx\u201d,\n  "list": [1, 2,],\n  "s": "a\nb"\n  "next": true,\n}');
  assert.deepEqual(r.value, { name: 'x', list: [1, 2], s: 'a\nb', next: true });
  assert.deepEqual(r.repairs, ['comments removed', 'missing commas inserted', 'raw newlines in strings', 'smart quotes replaced', 'trailing commas removed']);
  assert.throws(() => parseJsonLenient('{"a": }'));
  const proto = parseJsonLenient('{"__proto__": {"polluted": 1}, x: 1}').value as Record<string, unknown>;
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(Object.keys(proto), ['__proto__', 'x']);
});

test('includes are spliced with provenance in the included file; outside-root and missing targets are diagnostics', () => {
  const root = tempTree({
    'v1.0/api/user-get.md': '# Get user\n\n## Permissions\n\n[!INCLUDE [perms](../includes/permissions/user-get.md)]\n\n[!INCLUDE [gone](../includes/missing.md)]\n\n[!INCLUDE [escape](../../../../etc/passwd)]\n\n[!INCLUDE [sample-code](../includes/snippets/csharp/get-user.md)]\n\n## HTTP request\n\n```http\nGET /users/{id}\n```\n',
    'v1.0/includes/permissions/user-get.md': '|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Application|User.Read.All|\n',
  });
  const abs = resolve(root, 'v1.0/api/user-get.md');
  const ir = processFile(abs, 'v1.0/api/user-get.md', new IncludeResolver(root));
  const p = ir.permissions!.entries[0]!.permissions[0]!;
  assert.equal(p.name, 'User.Read.All');
  assert.ok(p.src.file.endsWith('v1.0/includes/permissions/user-get.md'), p.src.file);
  assert.equal(at(p.src), '3:14');
  assert.deepEqual(ir.includes.map((i) => i.kind), ['content', 'unresolved', 'unresolved', 'snippet']);
  assert.deepEqual(ir.diagnostics.map((d) => `${d.rule}@${d.src.line}`).sort(), ['include-missing@7', 'include-outside-root@9']);
  assert.equal(ir.operations[0]!.src.line, 16);
});

test('an include cycle is reported once and does not hang', () => {
  const root = tempTree({
    'a.md': '# A\n\n[!INCLUDE [b](b.md)]\n',
    'b.md': 'text b\n\n[!INCLUDE [a](a.md)]\n',
  });
  const ir = processFile(resolve(root, 'a.md'), 'a.md', new IncludeResolver(root));
  assert.deepEqual(ir.diagnostics.map((d) => d.rule), ['include-cycle']);
});
