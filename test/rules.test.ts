/**
 * One fixture per rule that the seeds do not exercise: a small docs tree that must produce the
 * finding (rule, severity, context, field, sides). Seed-based cases are in reconcile.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline/in-thread.js';
import { drift } from '../src/checks/engine.js';
import type { Finding } from '../src/checks/types.js';
import { tempTree } from './helpers.js';

const op = (title: string, method: string, path: string, more = '') => `# ${title}\n\n## HTTP request\n\n\`\`\`http\n${method} ${path}\n\`\`\`\n${more}`;
const perms = (order: string, rows: [string, string][]) => `\n## Permissions\n\n|Permission type|Permissions (from ${order} privileged)|\n|:--|:--|\n${rows.map(([a, b]) => `|${a}|${b}|`).join('\n')}\n`;
const body = (rows: string[]) => `\n## Request body\n\nIn the request body, supply a JSON representation of the [widget](../resources/widget.md) object.\n\n|Property|Type|Description|\n|:--|:--|:--|\n${rows.join('\n')}\n`;
const resource = (name: string, props: string[], extra = '') => `# ${name} resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n${props.join('\n')}\n${extra}`;

function findings(files: Record<string, string>): Finding[] {
  return analyze([tempTree(files)]).findings;
}
function only(fs: Finding[], rule: string): Finding[] {
  return fs.filter((f) => f.rule === rule);
}
const sides = (f: Finding) => f.sides.map((s) => `${s.file.split('/').slice(-3).join('/')}:${s.line}=${s.value}`);

test('least-privileged-differs and permission-order-differs', () => {
  const fs = findings({
    'v1.0/api/a.md': op('Get widget', 'GET', '/widgets/{id}', perms('least to most', [['Application', 'Widget.Read.All, Widget.ReadWrite.All']])),
    'v1.0/api/b.md': op('Get a widget', 'GET', '/widgets/{widget-id}', perms('most to least', [['Application', 'Widget.Read.All, Widget.ReadWrite.All']])),
  });
  const lp = only(fs, 'least-privileged-differs');
  assert.equal(lp.length, 1);
  assert.deepEqual([lp[0]!.severity, lp[0]!.context, lp[0]!.field], ['warning', 'variant', 'permissions.application.leastPrivileged']);
  assert.deepEqual(sides(lp[0]!), ['v1.0/api/a.md:13=Widget.Read.All', 'v1.0/api/b.md:13=Widget.ReadWrite.All']);
  assert.deepEqual(only(fs, 'permission-order-differs').map((f) => f.sides.map((s) => s.value)), [['least-to-most', 'most-to-least']]);
});

test('request-header-required-differs, query-options-differ', () => {
  const h = (req: string) => `\n## Request headers\n\n|Name|Description|\n|:--|:--|\n|Authorization|Bearer {token}. Required.|\n|Prefer|${req}|\n`;
  const q = (t: string) => `\n## Optional query parameters\n\nThis method supports the ${t} OData query parameters.\n`;
  const fs = findings({
    'v1.0/api/a.md': op('List widgets', 'GET', '/widgets', h('Required.') + q('`$select`')),
    'v1.0/api/b.md': op('List widgets', 'GET', '/widgets', h('Optional.') + q('`$select` and `$top`')),
  });
  assert.deepEqual(only(fs, 'request-header-required-differs').map((f) => [f.field, f.sides.map((s) => s.value)]), [['requestHeaders.prefer.required', ['required', 'optional']]]);
  assert.deepEqual(only(fs, 'query-options-differ').map((f) => f.sides.map((s) => s.value)), [['$select', '$select, $top']]);
});

test('body-property-type / collection / required differ (same body type, same version)', () => {
  const fs = findings({
    'v1.0/api/a.md': op('Update widget', 'PATCH', '/widgets/{id}', body(['|size|Int32|Required.|', '|tags|String collection||'])),
    'v1.0/api/b.md': op('Update widget', 'PATCH', '/widgets/{id}', body(['|size|String|Optional.|', '|tags|String||'])),
  });
  assert.deepEqual(only(fs, 'body-property-type-differs').map((f) => [f.severity, f.field, f.sides.map((s) => s.value)]), [['error', 'requestBody(widget).size.type', ['Int32', 'String']]]);
  assert.deepEqual(only(fs, 'body-property-collection-differs').map((f) => [f.field, f.sides.map((s) => s.value)]), [['requestBody(widget).tags.collection', ['collection', 'single']]]);
  assert.deepEqual(only(fs, 'body-property-required-differs').map((f) => f.sides.map((s) => s.value)), [['required', 'optional']]);
});

test('example rules: value type mismatch, status contradicts response, path fits no template, version mismatch', () => {
  const page = op('Update widget', 'PATCH', '/widgets/{id}', body(['|enabled|Boolean||', '|count|Int32||']) +
    '\n## Response\n\nIf successful, this method returns a `204 No Content` response code.\n\n## Example\n\n### Request\n\n```http\nPATCH https://graph.microsoft.com/beta/gadgets/1\nContent-Type: application/json\n\n{ "enabled": "yes", "count": 2 }\n```\n\n### Response\n\n```http\nHTTP/1.1 200 OK\n```\n');
  // The status of an example that calls a path none of the page's templates fits is not checked (another operation's
  // call, or a wrong path that example-path-fits-no-template reports); the same page calling its own path is.
  const own = page.replace('beta/gadgets/1', 'beta/widgets/1');
  assert.deepEqual(only(findings({ 'v1.0/api/a.md': page }), 'example-status-contradicts-response'), []);
  assert.deepEqual(only(findings({ 'v1.0/api/a.md': own }), 'example-status-contradicts-response').map((f) => [f.severity, f.sides.map((s) => s.value)]), [['error', ['200', '204']]]);
  const fs = findings({ 'v1.0/api/a.md': page });
  assert.deepEqual(only(fs, 'example-value-type-mismatch').map((f) => [f.field, f.sides.map((s) => s.value)]), [['example.0.enabled', ['"yes"', 'Boolean']]]);
  assert.deepEqual(only(fs, 'example-path-fits-no-template').map((f) => f.sides.map((s) => s.value)), [['PATCH /gadgets/1', 'PATCH /widgets/{id}']]);
  assert.deepEqual(only(fs, 'example-version-mismatch').map((f) => f.sides.map((s) => s.value)), [['beta']]);
});

test('title-mismatch and table-duplicate-rows', () => {
  const fs = findings({ 'v1.0/api/a.md': '---\ntitle: "Get gadgetPart"\n---\n' + op('Get widgetPart', 'GET', '/widgets/{id}', body(['|size|Int32||', '|size|Int32||'])) });
  assert.deepEqual(only(fs, 'title-mismatch').map((f) => [f.message, f.sides.map((s) => `${s.line}=${s.value}`)]), [['Front matter title "Get gadgetPart" and H1 "Get widgetPart" name different things (gadgetPart vs widgetPart)', ['4=Get widgetPart', '2=Get gadgetPart']]]);
  // The same thing in other words: an article, a plural, "(deprecated)"
  for (const [fm, h1] of [['Get a widgetPart', 'Get widgetPart (deprecated)'], ['List widgetParts', 'List widgetPart'], ['Get widgetPart', 'Get the widgetPart resource']]) {
    assert.deepEqual(only(findings({ 'v1.0/api/a.md': `---\ntitle: "${fm}"\n---\n` + op(h1!, 'GET', '/widgets/{id}') }), 'title-mismatch'), [], `${fm} / ${h1}`);
  }
  // Verbs of different kinds
  assert.deepEqual(only(findings({ 'v1.0/api/a.md': '---\ntitle: "Get widgets"\n---\n' + op('List widgets', 'GET', '/widgets') }), 'title-mismatch').map((f) => f.message),
    ['Front matter title "Get widgets" and H1 "List widgets" name different things (Get vs List)']);
  assert.deepEqual(only(fs, 'table-duplicate-rows').map((f) => f.sides.map((s) => s.line)), [[19, 18]]);
});

test('type-level rules across versions: type, format, collection, nullable, read-only, missing in beta, enum members, JSON representation', () => {
  const enumTable = (members: string[]) => `\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n${members.map((m) => `|${m}|x|`).join('\n')}\n`;
  const fs = findings({
    'v1.0/resources/widget.md': resource('widget', ['|id|String|Read-only. Not nullable.|', '|size|Int32||', '|owner|String||', '|tags|String collection||', '|legacy|String||', '|kind|widgetKind||'], enumTable(['small', 'large']) + '\n## JSON representation\n\n```json\n{ "id": "String", "size": 1, "owner": "x", "tags": [], "legacy": "x", "kind": "small", "extra": 1 }\n```\n'),
    'beta/resources/widget.md': resource('widget', ['|id|String|Nullable.|', '|size|Int64||', '|owner|Boolean||', '|tags|String||', '|kind|widgetKind||'], enumTable(['small', 'large', 'huge'])),
  });
  const got = (rule: string) => only(fs, rule).map((f) => `${f.severity}/${f.context} ${f.field}: ${f.sides.map((s) => s.value).join(' | ')}`);
  assert.deepEqual(got('type-property-type-differs'), ['info/cross-version properties.owner.type: Boolean | String']);
  assert.deepEqual(got('type-property-format-differs'), ['info/cross-version properties.size.format: Int64 | Int32']);
  assert.deepEqual(got('type-property-collection-differs'), ['info/cross-version properties.tags.collection: single | collection']);
  assert.deepEqual(got('type-property-nullable-differs'), ['info/cross-version properties.id.nullable: nullable | not nullable']);
  assert.deepEqual(got('type-property-readonly-differs'), ['info/cross-version properties.id.readOnly: writable | read-only']);
  assert.deepEqual(got('type-property-missing-in-beta'), ['info/cross-version properties.legacy: documented | not documented']);
  assert.deepEqual(got('enum-members-differ'), ['info/cross-version members: huge, large, small | large, small']);
  assert.deepEqual(got('json-representation-mismatch'), ['warning/page jsonRepresentation.extra: extra']);
});

test('tree rules: methods link with no page, operation resource missing, type undefined, permissions include missing', () => {
  const fs = findings({
    'v1.0/resources/widget.md': resource('widget', ['|id|String||', '|part|[gizmo](gizmo.md)||']) + '\n## Methods\n\n|Method|Return type|Description|\n|:--|:--|:--|\n|[Get widget](../api/widget-get.md)|widget|x|\n|[Delete widget](../api/widget-delete.md)|None|x|\n',
    'v1.0/api/widget-get.md': op('Get widget', 'GET', '/widgets/{id}', '\n## Permissions\n\n[!INCLUDE [permissions-table](../includes/permissions/widget-get.md)]\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and a [sprocket](../resources/sprocket.md) object in the response body.\n'),
  });
  assert.deepEqual(only(fs, 'methods-link-missing-page').map((f) => f.sides.map((s) => s.value)), [['../api/widget-delete.md']]);
  assert.deepEqual(only(fs, 'operation-resource-missing').map((f) => `${f.field}=${f.sides[0]!.value}`), ['response.type=sprocket']);
  assert.deepEqual(only(fs, 'type-undefined').map((f) => f.subject), ['v1.0:gizmo']);
  assert.deepEqual(only(fs, 'permissions-include-missing').map((f) => [f.severity, f.sides[0]!.value]), [['error', '../includes/permissions/widget-get.md']]);
});

test('version rules: counterpart pages differ, operation missing in beta', () => {
  const fs = findings({
    'v1.0/api/widget-update.md': op('Update widget', 'PATCH', '/widgets/{id}'),
    'beta/api/widget-update.md': op('Update widget', 'PUT', '/widgets/{id}'),
    'v1.0/api/widget-get.md': op('Get widget', 'GET', '/widgets/{id}'),
  });
  assert.deepEqual(only(fs, 'version-counterpart-differs').map((f) => f.sides.map((s) => s.value)), [['PATCH', 'PUT']]);
  assert.deepEqual(only(fs, 'operation-missing-in-beta').map((f) => f.subject).sort(), ['GET /widgets/{widget-id}', 'PATCH /widgets/{widget-id}']);
});

test('drift rules: operations, request properties, status, permissions, type properties, types, enum members; breaking by version', () => {
  const widget = (props: string[], members: string[]) => resource('widget', props, `\n### widgetKind values\n\n|Member|Description|\n|:--|:--|\n${members.map((m) => `|${m}|x|`).join('\n')}\n`);
  const oldTree = tempTree({
    'v1.0/api/widget-update.md': op('Update widget', 'PATCH', '/widgets/{id}', perms('least to most', [['Application', 'Widget.ReadWrite.All, Widget.Manage.All']]) + body(['|name|String||', '|color|String||']) + '\n## Response\n\nIf successful, this method returns a `200 OK` response code.\n'),
    'v1.0/api/widget-delete.md': op('Delete widget', 'DELETE', '/widgets/{id}'),
    'beta/resources/widget.md': widget(['|id|String||', '|size|Int32||', '|color|String||'], ['small', 'large']),
    'beta/resources/gadget.md': resource('gadget', ['|id|String||']),
  });
  const newTree = tempTree({
    'v1.0/api/widget-update.md': op('Update widget', 'PATCH', '/widgets/{id}', perms('least to most', [['Application', 'Widget.ReadWrite.All, Widget.Admin.All']]) + body(['|name|String||', '|shape|String|Required.|']) + '\n## Response\n\nIf successful, this method returns a `204 No Content` response code.\n'),
    'v1.0/api/widget-list.md': op('List widgets', 'GET', '/widgets'),
    'beta/resources/widget.md': widget(['|id|String||', '|size|Boolean||', '|weight|Double||'], ['small', 'large', 'huge']),
  });
  const fs = drift({ old: analyze([oldTree]).model, new: analyze([newTree]).model });
  const got = fs.map((f) => `${f.rule} ${f.severity} ${f.breaking} ${f.field}`).sort();
  assert.deepEqual(got, [
    'drift-enum-members-changed warning true members.added',
    'drift-operation-added info false operation',
    'drift-operation-removed error true operation',
    'drift-permission-changed error true permissions.removed',
    'drift-permission-changed info false permissions.added',
    'drift-request-property-added error true requestBody.shape',
    'drift-request-property-removed error true requestBody.color',
    'drift-status-changed error true response.status',
    'drift-type-property-changed info false properties.weight',
    'drift-type-property-changed warning true properties.color',
    'drift-type-property-changed warning true properties.size.type',
    'drift-type-removed warning true type',
  ].sort());
  const status = fs.find((f) => f.rule === 'drift-status-changed')!;
  assert.equal(status.sides.length, 2);
  // Each side's path is relative to its own tree's root: never the temp folder it lives in.
  assert.deepEqual(status.sides.map((s) => s.file), ['v1.0/api/widget-update.md', 'v1.0/api/widget-update.md']);
});

test('drift: a path re-documented in its longer form is not a removal', () => {
  const oldTree = tempTree({ 'v1.0/api/range-clear.md': op('Clear range', 'POST', '/workbook/names/{name}/range/clear') });
  const newTree = tempTree({ 'v1.0/api/range-clear.md': op('Clear range', 'POST', '/me/drive/items/{id}/workbook/names/{name}/range/clear') });
  const fs = drift({ old: analyze([oldTree]).model, new: analyze([newTree]).model });
  assert.deepEqual(fs.map((f) => `${f.rule} ${f.severity} ${f.breaking} ${f.field}`), ['drift-operation-removed info false operation.path']);
});

test('permission prose in list items does not run together ("Mail.ReadWrite.If")', () => {
  const fs = analyze([tempTree({ 'a.md': '# Delete attachment\n\n## Permissions\n\n* If accessing messages: Mail.ReadWrite.\n* If accessing events: Calendars.ReadWrite.\n\n## HTTP request\n\n```http\nDELETE /me/messages/{id}/attachments/{id}\n```\n' })]);
  assert.deepEqual(fs.pages[0]!.permissions!.entries[0]!.permissions.map((p) => p.name), ['Mail.ReadWrite', 'Calendars.ReadWrite']);
});

test('content-length-mismatch: each measure named; a block that shows no body is not checked', () => {
  const ex = (req: string, res: string) => `\n## Example\n\n### Request\n\n<!-- { "blockType": "request" } -->\n\`\`\`http\n${req}\n\`\`\`\n\n### Response\n\n<!-- { "blockType": "response" } -->\n\`\`\`http\n${res}\n\`\`\`\n`;
  const fs = findings({
    // a request body of 23 bytes as shown, declared 99; a zip upload left out, declared 244; a response without its body, declared 28
    'v1.0/api/a.md': op('Update widget', 'PATCH', '/widgets/{id}', ex('PATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-type: application/json\nContent-length: 99\n\n{\n  "name": "Contoso"\n}', 'HTTP/1.1 204 No Content')),
    'v1.0/api/b.md': op('Publish widget', 'POST', '/widgets', ex('POST https://graph.microsoft.com/v1.0/widgets\nContent-type: application/zip\nContent-length: 244', 'HTTP/1.1 200 OK\nContent-type: application/json\nContent-length: 28')),
  });
  assert.deepEqual(only(fs, 'content-length-mismatch').map((f) => [f.message, sides(f)]), [[
    'Example request declares Content-Length 99, but its body is 23 bytes as shown (25 with CRLF line ends, 18 minified, 23 pretty-printed)',
    ['v1.0/api/a.md:17=99', 'v1.0/api/a.md:19=23 bytes as shown'],
  ]]);
});
