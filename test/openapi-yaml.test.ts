/**
 * The YAML writer of the OpenAPI export (src/emit/openapi/yaml.ts) against the `yaml` library's
 * parser: whatever the data, parsing the output gives the input back — on the committed seed
 * documents, on strings chosen to break a plain scalar, and on random strings and shapes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { jsonToYaml } from '../src/emit/openapi/yaml.js';
import { rng } from '../src/util/rng.js';
import { ROOT } from './helpers.js';

const back = (v: unknown) => parse(jsonToYaml(v), { maxAliasCount: -1 }) as unknown;

test('the committed OpenAPI documents read back as their JSON twins, and the YAML is block style', () => {
  for (const v of ['v1.0', 'beta']) {
    const json = JSON.parse(readFileSync(join(ROOT, 'generated/openapi', `${v}.json`), 'utf8')) as unknown;
    const yaml = readFileSync(join(ROOT, 'generated/openapi', `${v}.yaml`), 'utf8');
    assert.deepEqual(parse(yaml), json, v);
    assert.equal(yaml, jsonToYaml(json), v);
  }
  assert.equal(jsonToYaml({ openapi: '3.1.0', paths: { '/users/{id}': { get: { responses: { 200: { description: 'OK' } }, tags: ['user', 'me'] } } }, empty: {}, none: [], nothing: null, x: 1.5, b: true, n: 'n' }),
    'openapi: "3.1.0"\npaths:\n  /users/{id}:\n    get:\n      responses:\n        "200":\n          description: OK\n      tags:\n        - user\n        - me\nempty: {}\nnone: []\nnothing: null\nx: 1.5\nb: true\n"n": "n"\n');
});

test('strings that are not plain scalars are quoted and read back unchanged', () => {
  const hostile = ['', ' ', 'a ', ' a', 'a  b', 'yes', 'No', 'ON', 'y', 'null', 'Null', '~', 'true', '1', '1e3', '0x1F', '.inf', '-', '- a', '? a', ': a', 'a: b', 'a #b', '#a',
    '@a', '`a', '!a', '&a', '*a', '%a', '|', '>', '[a]', '{a}', '"a"', "'a'", 'a\nb', 'a\r\nb', 'a\tb', '\u0000', '\u0085', '\u2028', '\u2029', '\ufeff', '\u007f', '\ud800',
    'é', '日本', '😀', 'a\\b', '<script>', '---', '...', 'a,b', '/users/{id}', '$ref', 'x'.repeat(300)];
  for (const s of hostile) {
    assert.deepEqual(back({ [s]: s, list: [s, [s]] }), { [s]: s, list: [s, [s]] }, JSON.stringify(s));
  }
});

test('keys over 1,024 characters (a property name, a request path) are written as explicit keys and read back, in a mapping, a sequence item and nested; a key of 1,000 stays implicit', () => {
  const [k, p] = ['n'.repeat(1100), `/a/${'x'.repeat(1200)}`];
  const v = { paths: { [p]: { get: { summary: 's' } }, '/b': {} }, list: [{ [k]: 1, b: { [k]: [1, { [k]: null }] } }], [k]: 'top', ['m'.repeat(1000)]: 1 };
  assert.deepEqual(back(v), v);
  const yaml = jsonToYaml(v);
  assert.ok(yaml.startsWith(`paths:\n  ? ${p}\n  :\n    get:\n      summary: s\n  /b: {}\nlist:\n  - ? ${k}\n    : 1\n`), yaml.slice(0, 200));
  assert.ok(yaml.endsWith(`? ${k}\n: top\n${'m'.repeat(1000)}: 1\n`));
});

test('random strings, keys and shapes read back unchanged (seeded)', () => {
  const r = rng(20261201);
  const alphabet = ['a', 'Z', '0', '9', ' ', ':', '#', '-', '?', ',', '[', ']', '{', '}', '"', "'", '\\', '\n', '\t', '\u0001', '\u0085', '\u2028', 'é', '😀', '/', '$', '.', '!', '&', '*', '|', '>', '%', '@', '`', '='];
  const str = () => Array.from({ length: Math.floor(r() * 8) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
  const value = (depth: number): unknown => {
    const k = r();
    if (depth > 4 || k < 0.4) return [str(), Math.floor(r() * 1000) - 500, r() < 0.5, null, r() * 10][Math.floor(r() * 5)];
    if (k < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(r() * 4) }, () => [str(), value(depth + 1)]));
  };
  for (let i = 0; i < 2000; i++) {
    const v = { v: value(0) };
    assert.deepEqual(back(v), v, jsonToYaml(v));
  }
});
