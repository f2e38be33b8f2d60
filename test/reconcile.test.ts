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
  // 001 (beta) and 002 (v1.0) are Intune workload pages for PATCH /users (permissions per workload):
  // they document Intune's slice of the user, so only user-update in beta (003) and v1.0 (004) are compared.
  const fs = seedFindings().filter((f) => f.subject === 'PATCH /users/{user-id}' && f.rule !== 'body-property-missing');
  assert.deepEqual(fs.map(short), [
    'warning type-name-casing-differs cross-version requestBody(user).passwordprofile.typeCasing :: 003:104=passwordProfile | 004:46=PasswordProfile',
    'info path-alias-differs cross-version path.alias :: 003:135=/me | 004:15=/users/{id}',
    // the per-workload rows are compared between the workload pages themselves
    'info permission-workloads-differ cross-version permissions.delegatedWork.workloads :: 001:11=Device management: DeviceManagementManagedDevices.ReadWrite.All; MAM: DeviceManagementApps.ReadWrite.All; Onboarding: DeviceManagementServiceConfig.ReadWrite.All; Troubleshooting: DeviceManagementManagedDevices.ReadWrite.All | 002:12=Devices: DeviceManagementManagedDevices.ReadWrite.All; MAM: DeviceManagementApps.ReadWrite.All; Onboarding: DeviceManagementServiceConfig.ReadWrite.All; Troubleshooting: DeviceManagementManagedDevices.ReadWrite.All',
    'info response-shape-differs cross-version response.body :: 003:120=user object | 004:61=no body',
    'info response-status-differs cross-version response.status :: 003:122=200 OK | 004:62=204 No Content',
  ]);
});

test('seed reconciliation: body properties documented on some pages only, one finding per set of pages lacking them', () => {
  const fs = seedFindings().filter((f) => f.rule === 'body-property-missing');
  // 003 (beta) lists 61, 004 (v1.0) 32, 22 of them shared: 39 only on 003, 10 only on 004 → two findings, 49 instances.
  assert.deepEqual(fs.map((f) => [f.field, f.severity, f.context, f.instances?.length, f.sides.map((s) => `${s.file.slice(0, 3)}:${s.line}`).join(',')]), [
    ['requestBody(user).*', 'info', 'cross-version', 10, '003:46,004:28'],
    ['requestBody(user).*', 'info', 'cross-version', 39, '003:59,004:23'],
  ]);
  const lacking003 = fs.find((f) => f.instances!.length === 10)!;
  assert.match(lacking003.message, /^10 request-body properties \(aboutMe, birthday, hireDate, interests, mySite, pastProjects, preferredName, responsibilities, schools, skills\) are documented on some pages only, missing on 003_0fc59fc350b59631\.txt/);
  // each property keeps its own finding (and fingerprint) as an instance
  const id = fs.flatMap((f) => f.instances!).find((f) => f.field === 'requestBody(user).mail')!;
  assert.deepEqual(id.sides.map((s) => `${s.file.slice(0, 3)}=${s.value}`), ['003=documented (String)', '004=not documented']);
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
    'warning example-value-placeholder 004:75',
    'warning link-malformed 003:48',
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
