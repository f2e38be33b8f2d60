import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seed, at } from '../helpers.js';

test('request headers: name, value, required, position (Header|Value and Name|Description tables)', () => {
  const h = (n: number) => seed(n).requestHeaders.map((x) => `${x.name}|${x.value}|${x.required}@${at(x.src)}`);
  assert.deepEqual(h(0), ['Authorization|Bearer {token}. Required. Learn more about authentication and authorization.|true@44:2', 'Accept|application/json|null@45:2']);
  assert.deepEqual(h(1), ['Authorization|Bearer {token}. Required. Learn more about authentication and authorization.|true@30:1', 'Accept|application/json|null@31:1']);
  assert.deepEqual(h(2), ['Authorization|Bearer <token> Required.|true@31:2', 'Accept|application/json|null@32:2']);
  assert.deepEqual(h(3), ['Authorization|Bearer {token}. Required.|true@43:3', 'Content-Type|application/json. Required.|true@44:3']);
  assert.deepEqual(h(4), ['Authorization|Bearer {token}. Required.|true@20:3', 'Content-Type|application/json|null@21:3']);
});

test('request body: type named by the prose, "required when you create", rows with groups and positions', () => {
  const b = (n: number) => seed(n).requestBody!;
  assert.equal(b(0).typeName, 'user');
  assert.equal(b(0).requiredWhenCreating, true);
  assert.deepEqual(b(0).properties.map((p) => `${p.name}:${p.type.name}@${at(p.src)}`), ['id:String@54:2']);
  assert.equal(b(1).typeName, 'user');
  assert.deepEqual(b(1).properties.map((p) => `${p.name}:${p.type.name}:${p.group ?? ''}:${p.description}@${at(p.src)}`), [
    'id:String::Unique identifier of the user.@37:1',
    'deviceEnrollmentLimit:Int32:Onboarding:The limit on the maximum number of devices that the user is permitted to enroll. Allowed values are 5 or 1000.@39:1',
  ]);
  assert.equal(b(3).properties.length, 61);
  assert.deepEqual(b(3).properties.slice(0, 3).map((p) => [p.name, p.type.name, p.type.collection, p.type.link ?? '', p.description]), [
    ['accountEnabled', 'Boolean', false, '', ''], ['ageGroup', 'String', false, '', ''], ['assignedLicenses', 'assignedLicense', true, '../resources/assignedlicense.md', ''],
  ]);
  assert.equal(b(4).typeName, undefined);
  assert.equal(b(4).requiredWhenCreating, false);
  assert.equal(b(4).properties.length, 32);
  const pp = b(4).properties.find((p) => p.name === 'passwordProfile')!;
  assert.deepEqual([pp.type.name, pp.type.link, at(pp.src)], ['PasswordProfile', '../resources/passwordprofile.md', '46:2']);
  const ul = b(4).properties.find((p) => p.name === 'usageLocation')!;
  assert.equal(ul.nullable, false);
});

test('response: status codes and body type from the prose', () => {
  const r = (n: number) => { const x = seed(n).response!; return `${x.statuses.map((s) => `${s.code} ${s.text}@${s.src.line}`).join(',')}|${x.bodyType ? `${x.bodyType.name}${x.bodyType.collection ? '[]' : ''}` : '-'}|${x.noBody}`; };
  assert.equal(r(0), '200 OK@59|user|false');
  assert.equal(r(1), '200 OK@41|user|false');
  assert.equal(r(2), '200 OK@46|user|false');
  assert.equal(r(3), '200 OK@122|user|false');
  assert.equal(r(4), '204 No Content@62|-|true');
});

test('a status stated on a later line of its paragraph or list is located there (site-unfollow.md\'s `207` on line 45 was given line 44, the `204`\'s)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT, page } = await import('../helpers.js');
  const rel = 'v1.0/api/site-unfollow.md';
  const p = page(readFileSync(join(ROOT, 'test/fixtures/corpus/precision/2021-07-s44a', rel), 'utf8'), rel);
  assert.deepEqual(p.response!.statuses.map((s) => [s.code, s.text, at(s.src), s.src.column, s.src.file]), [[204, 'No Content', '44:1', 1, rel], [207, 'Multi-Status', '45:92', 92, rel]]);
});
