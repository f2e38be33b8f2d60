import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seed, page, at } from '../helpers.js';
import { normalizePath, parseRequestLine, pathFitsTemplate } from '../../src/sources/graph-markdown/extract/http-path.js';

const ops = (ir: ReturnType<typeof seed>) => ir.operations.map((o) => `${o.method} ${o.path} | ${o.key} | ${o.pathParameters.map((p) => p.alternatives.join('/')).join(',')} | ${o.fromExample} @${at(o.src)}`);

test('seed operations: method + path template as written, key, parameters, position', () => {
  assert.deepEqual(ops(seed(0)), ['PATCH /deviceManagement/deviceManagementScripts/{deviceManagementScriptId}/deviceRunStates/{deviceManagementScriptDeviceStateId}/managedDevice/users/{userId} | PATCH /devicemanagement/devicemanagementscripts/{}/devicerunstates/{}/manageddevice/users/{} | deviceManagementScriptId,deviceManagementScriptDeviceStateId,userId | false @38:1']);
  assert.deepEqual(ops(seed(1)), ['PATCH /users/{usersId} | PATCH /users/{} | usersId | false @26:1']);
  assert.deepEqual(ops(seed(2)), ['PATCH /users/{usersId} | PATCH /users/{} | usersId | false @25:1']);
  assert.deepEqual(ops(seed(4)), ['PATCH /users/{id | userPrincipalName} | PATCH /users/{} | id/userPrincipalName | false @15:1']);
});

test('seed 003: empty HTTP block falls back on the example request URL (/me → /users/{})', () => {
  assert.deepEqual(ops(seed(3)), ['PATCH /me | PATCH /users/{} |  | true @135:1']);
  assert.deepEqual(seed(3).diagnostics.filter((d) => d.rule.startsWith('http') || d.rule.startsWith('operation')).map((d) => `${d.rule}@${d.src.line}`), ['http-block-empty@35', 'operation-from-example@135']);
});

test('paths kept intact: function calls, casts, colon paths, query strings', () => {
  const ir = page([
    '# T', '', '## HTTP request', '', '```http',
    "GET /reports/getOffice365ActiveUserDetail(period='{period_value}')",
    'GET /me/drive/root:/{item-path}:/content',
    'GET /users/{id}/memberOf/microsoft.graph.group?$count=true',
    'POST /me/calendar/events/{id}/microsoft.graph.accept',
    'GET me/messages',
    '** Entity URI for microsoft.graph.user not found',
    '/users/{id}/photo/$value',
    '```',
  ].join('\n'));
  assert.deepEqual(ir.operations.map((o) => [o.method, o.path, o.query ?? '', o.key]), [
    ['GET', "/reports/getOffice365ActiveUserDetail(period='{period_value}')", '', 'GET /reports/getoffice365activeuserdetail(period={})'],
    ['GET', '/me/drive/root:/{item-path}:/content', '', 'GET /users/{}/drive/root:/{}:/content'],
    ['GET', '/users/{id}/memberOf/microsoft.graph.group', '$count=true', 'GET /users/{}/memberof/microsoft.graph.group'],
    ['POST', '/me/calendar/events/{id}/microsoft.graph.accept', '', 'POST /users/{}/calendar/events/{}/microsoft.graph.accept'],
    ['GET', 'me/messages', '', 'GET /users/{}/messages'],
    ['GET', '/users/{id}/photo/$value', '', 'GET /users/{}/photo/$value'],
  ]);
  assert.deepEqual(ir.diagnostics.map((d) => `${d.rule}@${d.src.line}`), ['http-path-no-leading-slash@10', 'http-line-not-a-request@11', 'http-line-no-method@12']);
});

test('request line parsing and template fitting', () => {
  assert.deepEqual(parseRequestLine('GET https://graph.microsoft.com/beta/users/{user id}?$select=id HTTP/1.1'), { method: 'GET', path: '/users/{user id}', query: '$select=id', version: 'beta', host: 'https://graph.microsoft.com', noLeadingSlash: false });
  assert.equal(normalizePath('/Me/Events/{Event-ID}/'), '/users/{}/events/{}');
  assert.equal(pathFitsTemplate('/me', '/users/{id | userPrincipalName}'), true);
  assert.equal(pathFitsTemplate('/users/87d349ed/drive/root:/a/b.txt:/content', '/users/{id}/drive/root:/{item-path}:/content'), true);
  assert.equal(pathFitsTemplate('/groups/1', '/users/{id}'), false);
});

test('an HTTP request block fenced as another language is still read, with a diagnostic', () => {
  const ir = page('# Get x\n\n## HTTP request\n\n```json\nGET /users/<id>/photo/$value\n```\n');
  assert.deepEqual(ir.operations.map((o) => `${o.key}@${o.src.line}`), ['GET /users/{}/photo/$value@6']);
  assert.deepEqual(ir.diagnostics.map((d) => `${d.rule}@${d.src.line}`), ['http-block-language@5']);
});

test('a "..." segment in a request path is named by http-path-ellipsis (contact-update.md: the key kept it with no diagnostic)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT, page } = await import('../helpers.js');
  const rel = 'v1.0/api/contact-update.md';
  const p = page(readFileSync(join(ROOT, 'test/fixtures/corpus/precision/2020-05-s20', rel), 'utf8'), rel);
  const d = p.diagnostics.filter((x) => x.rule === 'http-path-ellipsis');
  assert.deepEqual(d.map((x) => [x.severity, x.src.line]), [['info', 39]]);
  assert.equal(d[0]!.message, 'Path /me/contactFolder/{id}/childFolders/{id}/.../contacts/{id} has a "..." segment (the page\'s shorthand for a repeated part): kept as written, so the operation\'s key has it');
});
