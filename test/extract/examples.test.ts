import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seed, page, at } from '../helpers.js';

test('seed example requests: method, URL, version, headers, body format, annotation, position', () => {
  const r = (n: number) => seed(n).examples.requests.map((x) => ({
    at: at(x.src), method: x.method, path: x.path, version: x.version, headers: x.headers.map((h) => `${h.name}: ${h.value}@${h.src.line}`),
    body: x.body?.format, blank: x.blankLineBeforeHeaders, annotation: x.annotation?.fields ?? null,
  }));
  assert.deepEqual(r(0), [{ at: '66:1', method: 'PATCH', path: '/deviceManagement/deviceManagementScripts/{deviceManagementScriptId}/deviceRunStates/{deviceManagementScriptDeviceStateId}/managedDevice/users/{userId}', version: 'beta', headers: ['Content-type: application/json@67', 'Content-length: 46@68'], body: 'json', blank: false, annotation: null }]);
  assert.deepEqual(r(1), [{ at: '46:1', method: 'PATCH', path: '/users/{usersId}', version: 'beta', headers: ['Content-type: application/json@47', 'Content-length: 2@48'], body: 'json', blank: false, annotation: null }]);
  assert.deepEqual(r(3), [{ at: '135:1', method: 'PATCH', path: '/me', version: 'beta', headers: ['Content-Type: application/json@137', 'Content-Length: 4420@138'], body: 'json', blank: true, annotation: { blockType: 'request', name: 'update_user' } }]);
  assert.deepEqual(r(4), [{ at: '71:1', method: 'PATCH', path: '/me', version: 'v1.0', headers: ['Content-type: application/json@72', 'Content-length: 491@73'], body: 'json', blank: false, annotation: { blockType: 'request', name: 'update_user' } }]);
  assert.deepEqual(seed(1).examples.requests[0]!.body!.json, {});
});

test('seed example responses: status line (well-formed or not), headers, body, which request it answers', () => {
  const r = (n: number) => seed(n).examples.responses.map((x) => `${at(x.src)} ${x.statusLine.raw} code=${x.statusLine.code} ok=${x.statusLine.wellFormed} answers=${x.answers} headers=${x.headers.map((h) => h.name).join(',')} body=${x.body?.format ?? 'none'}`);
  assert.deepEqual(r(0), ['78:1 HTTP/1.1 200 OK code=200 ok=true answers=0 headers=Content-Type,Content-Length body=json']);
  assert.deepEqual(r(1), ['52:1 HTTP/1.1 200 OK code=200 ok=true answers=0 headers=Content-Type,Content-Length body=json']);
  assert.deepEqual(r(3), ['311:1 HTTP 1.1 200 OK code=200 ok=false answers=0 headers=Content-Type body=json']);
  assert.deepEqual(r(4), ['106:1 HTTP/1.1 204 No Content code=204 ok=true answers=null headers= body=none'.replace('answers=null', 'answers=0')]);
  assert.deepEqual(seed(1).examples.responses[0]!.body!.json, { '@odata.type': '#microsoft.graph.user', id: 'd36894ae-94ae-d368-ae94-68d3ae9468d3' });
  assert.deepEqual(seed(4).examples.responses[0]!.annotation!.fields, { blockType: 'response', truncated: true, '@odata.type': 'microsoft.graph.user' });
});

test('bodies: lenient JSON with repairs, invalid JSON kept raw with a diagnostic, non-JSON raw with content type', () => {
  const ir = page([
    '# T', '', '## Examples', '', '### Request', '', '```http', 'POST https://graph.microsoft.com/v1.0/me/events', 'Content-Type: application/json', '',
    '{', '  \u201csubject\u201d: "x",', '  // note', '  "attendees": [],', '}', '```', '', '```http', 'POST https://graph.microsoft.com/v1.0/me/x', 'Content-Type: application/json', '', '{ "a": [ }', '```', '',
    '```http', 'PUT https://graph.microsoft.com/v1.0/me/photo/$value', 'Content-Type: text/csv', '', 'a,b', '1,2', '```', '',
  ].join('\n'));
  const bodies = ir.examples.requests.map((r) => [r.body?.format, r.body?.contentType, r.body?.repairs ?? []]);
  assert.deepEqual(bodies, [
    ['lenient-json', 'application/json', ['comments removed', 'smart quotes replaced', 'trailing commas removed']],
    ['raw', 'application/json', []],
    ['raw', 'text/csv', []],
  ]);
  assert.deepEqual(ir.diagnostics.map((d) => `${d.rule}@${d.src.line}`), ['example-body-lenient-json@11', 'example-body-not-json@22']);
});
