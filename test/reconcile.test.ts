import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/checks/registry.js';
import { reconcile } from '../src/checks/engine.js';
import { modelFromPages as buildModel } from '../src/sources/graph-markdown/to-model.js';
import type { Finding, TreeInfo } from '../src/checks/types.js';
import { ROOT, seed } from './helpers.js';

const NO_TREE: TreeInfo = { exists: () => undefined, absOf: () => undefined };

function seedFindings(): Finding[] {
  const pages = [0, 1, 2, 3, 4].map(seed);
  const model = buildModel(pages);
  return reconcile({ model, pages: model.documents, tree: NO_TREE });
}

const short = (f: Finding) => `${f.severity} ${f.rule} ${f.context} ${f.field} :: ${f.sides.map((s) => `${s.file.slice(0, 3)}:${s.line}=${s.value}`).join(' | ')}`;

test('registry: unique kebab-case ids matching their module file, ≥ 35 rules, each documented', () => {
  const files = readdirSync(join(ROOT, 'src/checks/rules')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
  const ids = RULES.map((r) => r.id).sort();
  assert.deepEqual(ids, files);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.length >= 35, `${ids.length} rules`);
  for (const r of RULES) {
    assert.match(r.id, /^[a-z]+(-[a-z0-9]+)*$/);
    assert.ok(r.summary.length > 10 && r.description.length > 40 && r.example.before && r.example.after, r.id);
    assert.ok(r.contexts.length > 0, r.id);
  }
});

test('seed reconciliation: the cross-page disagreements, with context and both sides', () => {
  const fs = seedFindings().filter((f) => f.subject === 'PATCH /users/{user-id}' && f.rule !== 'body-property-missing');
  assert.deepEqual(fs.map(short), [
    'error response-shape-differs variant response.body :: 001:40=user object | 002:45=user object | 003:120=user object | 004:61=no body',
    'error response-status-differs variant response.status :: 001:41=200 OK | 002:46=200 OK | 003:122=200 OK | 004:62=204 No Content',
    'warning path-parameter-names-differ variant path.parameters :: 001:26={usersId} | 002:25={usersId} | 004:15={id | userPrincipalName}',
    'warning permission-set-differs variant permissions.names :: 001:6=DeviceManagementApps.ReadWrite.All, DeviceManagementManagedDevices.ReadWrite.All, DeviceManagementServiceConfig.ReadWrite.All | 002:6=DeviceManagementApps.ReadWrite.All, DeviceManagementManagedDevices.ReadWrite.All, DeviceManagementServiceConfig.ReadWrite.All | 004:5=Directory.ReadWrite.All, User.ReadWrite, User.ReadWrite.All',
    'warning request-header-differs variant requestHeaders.Accept :: 001:31=documented: application/json | 002:32=documented: application/json | 003:43=not documented | 004:20=not documented',
    'warning request-header-differs variant requestHeaders.Content-Type :: 001:30=not documented | 002:31=not documented | 003:44=documented: application/json. Required. | 004:21=documented: application/json',
    'warning type-name-casing-differs cross-version requestBody(user).passwordprofile.typeCasing :: 003:104=passwordProfile | 004:46=PasswordProfile',
    'info path-alias-differs variant path.alias :: 001:26=/users/{id} | 002:25=/users/{id} | 003:135=/me | 004:15=/users/{id}',
    'info permission-support-differs cross-version permissions.application.support :: 001:16=supported | 002:17=not supported',
    'info permission-workloads-differ cross-version permissions.delegatedWork.workloads :: 001:11=Device management: DeviceManagementManagedDevices.ReadWrite.All; MAM: DeviceManagementApps.ReadWrite.All; Onboarding: DeviceManagementServiceConfig.ReadWrite.All; Troubleshooting: DeviceManagementManagedDevices.ReadWrite.All | 002:12=Devices: DeviceManagementManagedDevices.ReadWrite.All; MAM: DeviceManagementApps.ReadWrite.All; Onboarding: DeviceManagementServiceConfig.ReadWrite.All; Troubleshooting: DeviceManagementManagedDevices.ReadWrite.All',
  ]);
});

test('seed reconciliation: body properties documented on some pages only, one finding each', () => {
  const fs = seedFindings().filter((f) => f.rule === 'body-property-missing');
  // 001/002: id, deviceEnrollmentLimit; 003: 61; 004: 32, 22 of them shared with 003 → 73, none on all four pages.
  assert.equal(fs.length, 73);
  const id = fs.find((f) => f.field === 'requestBody(user).id')!;
  assert.deepEqual(id.sides.map((s) => `${s.file.slice(0, 3)}:${s.line}=${s.value}`), ['001:37=documented (String)', '002:41=documented (String)', '003:46=not documented', '004:23=not documented']);
  assert.equal(id.severity, 'warning');
  assert.equal(id.context, 'variant');
});

test('seed reconciliation: within-page problems and the same-title collision', () => {
  const fs = seedFindings().filter((f) => f.context === 'page' || f.context === 'tree');
  assert.deepEqual(fs.map((f) => `${f.severity} ${f.rule} ${f.sides.map((s) => `${s.file.slice(0, 3)}:${s.line}`).join(',')}`).sort(), [
    'info body-table-create-wording 000:47',
    'info body-table-create-wording 001:32',
    'info body-table-create-wording 002:34',
    'info body-table-create-wording 003:46',
    'info description-empty 003:3',
    'info response-type-without-body 004:100,004:106',
    'warning content-length-mismatch 004:73,004:75',
    'warning example-blank-line-before-headers 003:135',
    'warning example-property-undocumented 003:140,003:46',
    'warning example-property-undocumented 004:75,004:23',
    'warning example-property-undocumented 004:75,004:23',
    'warning example-property-undocumented 004:75,004:23',
    'warning example-value-placeholder 003:140',
    'warning example-value-placeholder 003:314',
    'warning link-broken 003:48',
    'warning odata-type-mismatch 003:303,003:12',
    'warning response-single-entity-wrapped 003:314,003:120',
    'warning same-title-different-operation 000:38,001:26,002:25,003:135,004:15',
    'warning section-empty 003:28',
    'warning section-empty 003:58',
    'warning section-empty 003:18',
    'warning status-line-malformed 003:311',
    'warning template-text-unresolved 003:5',
  ].sort());
  const undocumented = fs.filter((f) => f.rule === 'example-property-undocumented').map((f) => f.field.split('.').pop()).sort();
  assert.deepEqual(undocumented, ['assignedPlans', 'businessPhones', 'companyName', 'deletedDateTime']);
});

test('fingerprints are stable and independent of message wording', () => {
  const a = seedFindings();
  const b = seedFindings();
  assert.deepEqual(a.map((f) => f.fingerprint), b.map((f) => f.fingerprint));
  assert.equal(new Set(a.map((f) => f.fingerprint)).size, a.length);
});
