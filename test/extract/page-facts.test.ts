import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seed, at } from '../helpers.js';
import { parseTypeCell } from '../../src/sources/graph-markdown/extract/type-ref.js';
import { cloudAvailable } from '../../src/sources/graph-markdown/extract/national-clouds.js';

test('title (front matter and H1), description, namespace, kind', () => {
  const f = (n: number) => { const p = seed(n); return [p.title.frontMatter ? `${p.title.frontMatter.value}@${p.title.frontMatter.src.line}` : '-', p.title.h1 ? `${p.title.h1.value}@${at(p.title.h1.src)}` : '-', p.namespace?.value ?? '-', p.kind, p.description?.value ?? '-']; };
  assert.deepEqual(f(0), ['Update user@2', 'Update user@11:1', 'microsoft.graph', 'operation', 'Update the properties of a user object.']);
  assert.deepEqual(f(1), ['-', 'Update user@1:1', 'microsoft.graph', 'operation', 'Update the properties of a user object.']);
  assert.deepEqual(f(2), ['-', 'Update user@1:1', '-', 'operation', 'Update the properties of a user object.']);
  assert.deepEqual(f(3), ['Update user@2', 'Update user@10:1', 'microsoft.graph', 'operation', '']);
  assert.deepEqual(f(4), ['-', 'Update user@2:1', '-', 'operation', 'Update the properties of a user object.']);
});

test('API version with its evidence', () => {
  const v = (n: number) => `${seed(n).apiVersion.value} ${seed(n).apiVersion.evidence.map((e) => `${e.kind}:${e.value}@${e.src.line}`).join(',')}`;
  assert.equal(v(0), 'beta disclaimer:beta@15,example-url:beta@66');
  assert.equal(v(1), 'beta disclaimer:beta@3,example-url:beta@46');
  assert.equal(v(2), 'v1.0 example-url:v1.0@52');
  assert.equal(v(3), 'beta disclaimer:beta@14,example-url:beta@135');
  assert.equal(v(4), 'v1.0 example-url:v1.0@71');
});

test('national clouds (seed 001 table)', () => {
  assert.deepEqual(seed(1).nationalClouds.map((c) => `${c.cloud}=${c.available}@${c.src.line}`), ['Global service=true@22', 'US Government L4=true@22', 'US Government L5 (DOD)=true@22', 'China operated by 21Vianet=true@22']);
  assert.deepEqual(seed(0).nationalClouds, []);
  assert.deepEqual(['✅', 'Yes', 'Not supported', '❌', 'No', ''].map(cloudAvailable), [true, true, false, false, false, null]);
  assert.deepEqual(seed(0).includes.map((i) => `${i.kind}:${i.target}`), ['unresolved:../../includes/all-clouds.md']);
  assert.deepEqual(seed(0).diagnostics.map((d) => d.rule), ['include-outside-root']);
});

test('type column normalization', () => {
  const t = (text: string, raw = text, url?: string) => parseTypeCell({ text, raw, links: url ? [{ type: 'link', url, children: [] }] : [] });
  assert.deepEqual(t('String').type, { raw: 'String', name: 'String', primitive: true, collection: false });
  assert.deepEqual(t('string').type.name, 'String');
  assert.deepEqual(t('GUID').type.name, 'Guid');
  assert.deepEqual(t('Edm.Int64').type.name, 'Int64');
  assert.deepEqual(t('String collection').type.collection, true);
  assert.deepEqual(t('Collection(microsoft.graph.callRecords.session)').type, { raw: 'Collection(microsoft.graph.callRecords.session)', name: 'session', primitive: false, collection: true, namespace: 'microsoft.graph.callRecords' });
  assert.deepEqual(t('identitySet', '[identitySet][]').type, { raw: '[identitySet][]', name: 'identitySet', primitive: false, collection: false, link: '[identitySet]' });
  assert.deepEqual(t('ageGroup', '[ageGroup](#agegroup-values)', '#agegroup-values').type.link, '#agegroup-values');
  assert.deepEqual(t('(Optional) String').type.notes, ['(Optional)']);
  assert.deepEqual(t('string, maximum size 20').type, { raw: 'string, maximum size 20', name: 'String', primitive: true, collection: false, notes: ['maximum size 20'] });
  assert.ok(t('String or Int32').ambiguous);
  // corpus: projectrome-activity.md, projectrome-visualinfo.md — a free-form JSON value, not a type "Untyped"
  assert.deepEqual(t('Untyped JSON object').type, { raw: 'Untyped JSON object', name: 'Json', primitive: true, collection: false, notes: ['written as Untyped JSON object'] });
  // corpus: invitation.md (link missing its paren), educationsubmission.md (prose after the type)
  assert.deepEqual([t('[invitedUserMessageInfo](invitedusermessageinfo.md').type.name, t('[invitedUserMessageInfo](invitedusermessageinfo.md').type.notes], ['invitedUserMessageInfo', ['link not closed']]);
  const o = t('educationOutcome collection. Holds grades, feedback and/or rubrics information.', '[educationOutcome](educationOutcome.md) collection. Holds grades', 'educationOutcome.md').type;
  assert.deepEqual([o.name, o.collection], ['educationOutcome', true]);
});
