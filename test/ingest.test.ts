import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSource } from '../src/sources/graph-markdown/ingest/read.js';
import { splitFrontMatter } from '../src/sources/graph-markdown/ingest/front-matter.js';
import { page } from './helpers.js';

test('BOM is removed and CRLF / CR become LF', () => {
  const r = decodeSource(Buffer.from('\ufeff# T\r\nline\rlast', 'utf8'));
  assert.equal(r.text, '# T\nline\nlast');
  assert.deepEqual(r.problems, []);
});

test('invalid UTF-8 is decoded with U+FFFD and reported', () => {
  const r = decodeSource(Buffer.from([0x23, 0x20, 0x41, 0xff, 0xfe, 0x42]));
  assert.equal(r.text, '# A\ufffd\ufffdB');
  assert.equal(r.problems[0]!.rule, 'file-invalid-utf8');
  assert.equal(r.problems[0]!.fatal, false);
});

test('a binary file is not parsed', () => {
  const r = decodeSource(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  assert.equal(r.problems[0]!.rule, 'file-binary');
  assert.equal(r.problems[0]!.fatal, true);
});

test('front matter: parsed, key lines kept, body line numbers preserved', () => {
  const fm = splitFrontMatter('---\ntitle: "Update user"\ndoc_type: apiPageType\n---\n# Update user\n');
  assert.deepEqual({ ...fm.data }, { title: 'Update user', doc_type: 'apiPageType' });
  assert.equal(Object.getPrototypeOf(fm.data), null, 'front matter objects have no prototype');
  assert.deepEqual(fm.keyLines, { title: 2, doc_type: 3 });
  assert.equal(fm.body.split('\n')[4], '# Update user');
});

test('invalid YAML front matter gives a diagnostic and the page is still processed', () => {
  const ir = page('---\ntitle: "Update user\nauthor: [x\n---\n# Update user\n\n## HTTP request\n```http\nPATCH /users/{id}\n```\n');
  assert.equal(ir.frontMatter, null);
  const d = ir.diagnostics.find((x) => x.rule === 'front-matter-invalid');
  assert.ok(d, 'front-matter-invalid diagnostic');
  assert.equal(d.src.file, 'test.md');
  assert.equal(ir.title.h1?.value, 'Update user');
  assert.equal(ir.title.h1?.src.line, 5);
  assert.deepEqual(ir.operations.map((o) => o.key), ['PATCH /users/{}']);
});

test('front matter whose closing --- is missing ends at the page\'s first heading, with front-matter-unclosed; the page is read whole (the block ran on to a tab separator and swallowed the title, permissions and request)', () => {
  const body = '# Get thing\n\n## HTTP request\n\n```http\nGET /things/{id}\n```\n\n#### Request\n\n---\n\n#### Response\n';
  const ir = page(`---\ntitle: "Get thing"\nauthor: x\n\n${body}`);
  assert.deepEqual({ ...ir.frontMatter }, { title: 'Get thing', author: 'x' });
  assert.equal(ir.title.h1?.src.line, 5);
  assert.deepEqual(ir.operations.map((o) => o.key), ['GET /things/{}']);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule.startsWith('front-matter')).map((d) => [d.rule, d.src.line, d.message]),
    [['front-matter-unclosed', 1, 'The front matter opened at line 1 is not closed by a `---` line before the page\'s content at line 5: read up to line 4; the `---` at line 15 (which would have closed it) is read as the page\'s']]);
  // No fence at all: up to the first heading, else the first blank line, else the end; a diagnostic either way.
  const eof = splitFrontMatter('---\ntitle: x\n');
  assert.deepEqual([{ ...eof.data }, eof.unclosed], [{ title: 'x' }, { open: 1, body: 3 }]);
  const blank = splitFrontMatter('---\ntitle: x\n\nSome text.\n');
  assert.deepEqual([{ ...blank.data }, blank.unclosed, blank.body], [{ title: 'x' }, { open: 1, body: 3 }, '\n\n\nSome text.\n']);
  // A thematic break opening the page (no `key:` after it) is no front matter; nor in an include; a `#` comment in YAML that parses is kept.
  assert.deepEqual([splitFrontMatter('---\nSome text.\n').data, splitFrontMatter('---\nSome text.\n').unclosed], [null, undefined]);
  assert.equal(splitFrontMatter('---\ntitle: x\n\n# Heading\n', { unclosed: false }).data, null);
  const comment = splitFrontMatter('---\ntitle: x\n\n# a comment\nauthor: y\n---\n# T\n');
  assert.deepEqual([{ ...comment.data }, comment.unclosed], [{ title: 'x', author: 'y' }, undefined]);
});

test('CRLF page keeps true line numbers', () => {
  const ir = page('# Get user\r\n\r\n## HTTP request\r\n\r\n```http\r\nGET /users/{id}\r\n```\r\n');
  assert.equal(ir.operations[0]!.src.line, 6);
});

test('front matter in two blocks: a key both blocks give keeps the first block\'s value; a second block after a blank line is the body, not front matter', () => {
  const fm = splitFrontMatter('---\ntitle: A\n---\n---\ntitle: B\nauthor: x\n---\n# A\n');
  assert.deepEqual([{ ...fm.data }, fm.lines, fm.second, fm.keyLines], [{ title: 'A', author: 'x' }, 7, { from: 4, to: 7 }, { title: 2, author: 6 }]);
  assert.equal(fm.body, '\n\n\n\n\n\n\n# A\n');
  // A thematic break right after the front matter, then prose and a setext underline: not a second block.
  const prose = splitFrontMatter('---\ntitle: A\n---\n---\nSome text\n---\n');
  assert.deepEqual([{ ...prose.data }, prose.lines, prose.second], [{ title: 'A' }, 3, undefined]);
  const apart = splitFrontMatter('---\ntitle: A\n---\n\n---\ntitle: B\n---\n');
  assert.deepEqual([{ ...apart.data }, apart.lines, apart.second], [{ title: 'A' }, 3, undefined]);
  // Invalid YAML in the second block: no front matter, a message naming its line.
  const bad = splitFrontMatter('---\ntitle: A\n---\n---\ntitle: [\n---\n');
  assert.equal(bad.data, null);
  assert.match(bad.error!.message, /not valid YAML/);
  // The keys' lines are kept all the same (the page's front-matter lines, for provenance), as for a single invalid block.
  assert.deepEqual(bad.keyLines, { title: 2 });
  assert.deepEqual(splitFrontMatter('---\ntitle: a: b\nauthor: x\n---\n').keyLines, { title: 2, author: 3 });
});
