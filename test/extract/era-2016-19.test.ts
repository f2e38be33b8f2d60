/**
 * Pages of 2016–2019 (test/fixtures/era-2016-19, the extraction hand-check's round 10): what that era writes that the
 * trees of 2020 and later do not, with exact expected results on the pages themselves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processFile } from '../../src/pipeline/page.js';
import { IncludeResolver } from '../../src/sources/graph-markdown/parse/includes.js';
import { saysReadOnly } from '../../src/sources/graph-markdown/extract/property-table.js';
import { ROOT } from '../helpers.js';

const DIR = join(ROOT, 'test/fixtures/era-2016-19');
const old = (rel: string) => processFile(join(DIR, rel), rel, new IncludeResolver(DIR));

test('2016-19: front matter whose lines end in lone carriage returns is read, and lines count them', () => {
  const rel = 'v1.0/api/message_send.md';
  const text = readFileSync(join(DIR, rel), 'utf8');
  assert.equal(text.slice(0, 4), '---\r');
  assert.ok(!text.slice(0, 200).includes('\r\n'));
  const ir = old(rel);
  assert.equal(ir.title.frontMatter?.value, 'message: send');
  assert.equal(ir.title.frontMatter?.src.line, 2);
  assert.equal(ir.title.h1?.value, 'message: send');
  assert.equal(ir.title.h1?.src.line, 6);
  assert.deepEqual(ir.operations.map((o) => `${o.method} ${o.path}`), ['POST /me/messages/{id}/send', 'POST /users/{id | userPrincipalName}/messages/{id}/send']);
  // A page with CRLF line ends throughout.
  const crlf = old('beta/api/invitation_post.md');
  assert.equal(crlf.title.h1?.value, 'Create invitation');
  assert.equal(crlf.title.h1?.src.line, 1);
  assert.deepEqual(crlf.operations.map((o) => `${o.method} ${o.path}`), ['POST /invitations']);
});

test('2016-19: a "Request parameters" section that says "In the request URL, provide …" holds function parameters, not a body (x482)', () => {
  const ir = old('v1.0/api/reportroot_getoffice365activeuserdetail.md');
  assert.equal(ir.requestBody, undefined);
  assert.deepEqual(ir.functionParameters!.map((p) => `${p.name}:${p.type?.raw}:${p.location}@${p.src.line}`), ['period:string:path@32', 'date:Date:path@33']);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'section-not-extracted'), []);
});

test('2016-19: a page without a Response section states its response in the example\'s ("## Example" then "## Response": x469)', () => {
  const ir = old('v1.0/api/item_delete.md');
  // "If successful, this call returns a `204 No Content` response to indicate that resource was deleted …" (:44).
  assert.deepEqual(ir.response!.statuses.map((s) => `${s.code} ${s.text}@${s.src.line}`), ['204 No Content@44']);
  assert.equal(ir.response!.noBody, true);
  // The section's block stays the example's response.
  assert.deepEqual(ir.examples.responses.map((e) => `${e.statusLine?.code}@${e.src.line}`), ['204@48']);
});

test('2016-19: names marked "*" under "(\\* Indicates a mandatory field.)" are required — the key a row of the table or a paragraph (x450, x496)', () => {
  // The key line follows the table with no blank line: GFM reads it as a row of its own.
  const res = old('v1.0/resources/alert.md');
  assert.deepEqual(res.resource!.properties.filter((p) => p.required).map((p) => p.name), ['azureTenantId', 'createdDateTime', 'eventDateTime', 'id', 'severity', 'status', 'title', 'vendorInformation']);
  assert.equal(res.resource!.properties.find((p) => p.name === 'vendorInformation')!.src.line, 52);
  const upd = old('v1.0/api/alert_update.md');
  assert.deepEqual(upd.requestBody!.properties.filter((p) => p.required).map((p) => p.name), ['vendorInformation']);
});

test('2016-19: a body "of a [directoryObject](…), [user](…) or [group](…) object" keeps every type the list names (x468); on a POST to /$ref it is a reference to one of them', () => {
  const ir = old('v1.0/api/group_post_members.md');
  assert.equal(ir.requestBody!.typeName, undefined);
  assert.deepEqual([ir.requestBody!.reference!.typeName, ir.requestBody!.reference!.typeAlternatives], ['directoryObject', ['user', 'group']]);
  // One linked type: no alternatives.
  assert.equal(old('beta/api/invitation_post.md').requestBody!.typeAlternatives, undefined);
});

test('2016-19: front matter in two `---` blocks back to back (apiDocType, then author, date, title) is read as one, and said so (round 16: x646, x656, x663)', () => {
  const ir = old('beta/api/driveitem_delta.md');
  assert.deepEqual({ ...ir.frontMatter }, { apiDocType: 'apiPageType', author: 'rgregg', 'ms.author': 'rgregg', 'ms.date': '09/10/2017', title: 'Sync the contents of a drive' });
  assert.deepEqual(ir.title.frontMatter, { value: 'Sync the contents of a drive', src: { file: 'beta/api/driveitem_delta.md', line: 8, column: 1 } });
  assert.equal(ir.title.h1?.src.line, 10);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule.startsWith('front-matter')).map((d) => `${d.rule}@${d.src.line}: ${d.message}`), [
    "front-matter-two-blocks@4: The front matter is written as two `---` blocks, the second at lines 4–9; read as one (a key both give keeps the first block's value)",
  ]);
  // One block, as every page of the 2020 and 2021 trees: no diagnostic.
  assert.deepEqual(old('v1.0/api/message_send.md').diagnostics.filter((d) => d.rule === 'front-matter-two-blocks'), []);
});

test('2016-19: "In the request URL, provide the following required query parameters with values." above the table makes its rows required (x647)', () => {
  assert.deepEqual(old('beta/api/event_delta.md').queryParameters.map((q) => `${q.name}:${q.required}@${q.src.line}`), ['startDateTime:true@30', 'endDateTime:true@31']);
});

test('2016-19: rows an HTML comment cuts from their table are read as its rows, the comment named (round 20, x788; session 49)', () => {
  const ir = old('beta/api/educationclass_update.md');
  // `<!-- Please verify the revised description here. -->` at :38 ends the table for renderers; it is left out of the parsed
  // text, so the four rows after it are rows of the table (named by table-rows-not-read, unread, before session 49).
  assert.deepEqual(ir.requestBody!.properties.map((p) => `${p.name}:${p.src.line}`), ['description:35', 'displayName:36', 'mailNickname:37', 'classCode:39', 'externalId:40', 'externalName:41', 'externalSource:42']);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'table-rows-not-read' || d.rule === 'table-cut-by-comment').map((d) => `${d.rule} ${d.src.line}`), ['table-cut-by-comment 38']);
});

test('2016-19: "Once set, this property is read-only" — a condition of time leading the sentence — is read-only after creation, not read-only (round 20, x802)', () => {
  const owner = (rel: string, of: (ir: ReturnType<typeof old>) => { name: string; readOnly?: boolean }[]) => of(old(rel)).find((p) => p.name === 'owner')!;
  assert.equal(owner('v1.0/api/schemaextension_post_schemaextensions.md', (ir) => ir.requestBody!.properties).readOnly, false);
  assert.equal(owner('v1.0/resources/schemaextension.md', (ir) => ir.resource!.properties).readOnly, false);
  // Still read-only: "Read-only." as a sentence of its own, and a condition of time after it in another sentence.
  assert.equal(saysReadOnly('The unique identifier. Read-only.'), true);
  assert.equal(saysReadOnly('The identifier. Read-only. Once set, it cannot change.'), true);
  assert.equal(saysReadOnly('After the directory role has been activated, the property is read only.'), false);
});

test('2016-19: a row under the group row "_URL parameters_" of a "## Parameters" table is no body property; the body sits at its Request body heading (round 22, x855)', () => {
  const ir = old('v1.0/api/opentypeextension_post_opentypeextension.md');
  assert.deepEqual(ir.requestBody!.properties, []);
  assert.deepEqual([ir.requestBody!.src.line, ir.requestBody!.typeName], [75, 'openTypeExtension']);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'property-row-not-a-property').map((d) => `${d.src.line} ${d.message}`), [
    '66 Request body row "id" stands under the group row "URL parameters": a parameter of the request URL, not a property; not taken',
  ]);
});

test('2016-19: "All other POST syntax that allows you to create these resource instances supports creating open extensions in them in a similar way." (in a note) says the request lines are some of the paths (round 22, e117)', () => {
  assert.deepEqual(old('v1.0/api/opentypeextension_post_opentypeextension.md').requestPathsOpen, {
    text: 'All other POST syntax that allows you to create these resource instances supports creating open extensions in them in a similar way',
    src: { file: 'v1.0/api/opentypeextension_post_opentypeextension.md', line: 35, column: 2 },
  });
  // A page without such a sentence has none.
  assert.equal(old('v1.0/api/chart_update.md').requestPathsOpen, undefined);
});
