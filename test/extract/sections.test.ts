import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyHeading } from '../../src/sources/graph-markdown/parse/sections.js';
import { seed } from '../helpers.js';

test('headings are classified by meaning, not exact text', () => {
  const cases: [string, boolean, string][] = [
    ['Permissions', false, 'permissions'], ['Prerequisites', false, 'permissions'], ['HTTP request', false, 'http-request'], ['HTTP Request', false, 'http-request'],
    ['Request headers', false, 'request-headers'], ['Optional query parameters', false, 'query-parameters'], ['Request body', false, 'request-body'], ['Request Body', false, 'request-body'],
    ['Response', false, 'response'], ['Example', false, 'examples'], ['Examples', false, 'examples'], ['Example 1: Get a user', false, 'examples'],
    ['Request', true, 'example-request'], ['Response', true, 'example-response'], ['Properties', false, 'properties'], ['Relationships', false, 'relationships'],
    ['JSON representation', false, 'json-representation'], ['ageGroup values', false, 'enum-values'], ['Methods', false, 'methods'], ['See also', false, 'other'],
  ];
  for (const [text, inEx, kind] of cases) assert.equal(classifyHeading(text, inEx), kind, text);
});

test('seed 004: Request/Response at H5 belong to the example; Prerequisites is the permissions section', () => {
  assert.deepEqual(seed(4).sections.map((s) => `${s.kind}:${s.heading}@${s.src.line}`), [
    'title:Update user@2', 'permissions:Prerequisites@5', 'http-request:HTTP request@12', 'request-headers:Request headers@17', 'request-body:Request body@23',
    'response:Response@61', 'examples:Example@63', 'example-request:Request@64', 'example-response:Response@98',
  ]);
});

test('seed 003: the HTTP request section is empty (comment and empty fence only)', () => {
  assert.deepEqual(seed(3).sections.filter((s) => s.empty).map((s) => s.kind), ['http-request']);
});
