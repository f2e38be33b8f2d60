import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seed, page, at } from '../helpers.js';
import { parsePermissionCell } from '../../src/sources/graph-markdown/extract/permissions.js';

const flat = (ir: ReturnType<typeof seed>) => ir.permissions!.entries.map((e) => ({
  type: e.type, state: e.state, permissions: e.permissions.map((p) => `${p.name}@${at(p.src)}`),
  workloads: e.workloads.map((w) => `${w.workload}=${w.permissions.map((p) => p.name).join(',') || w.state}@${w.src.line}`),
}));

test('seed 000: least→most table, positions of each permission', () => {
  const p = seed(0).permissions!;
  assert.equal(p.state, 'table');
  assert.equal(p.order, 'least-to-most');
  assert.deepEqual(flat(seed(0)), [
    { type: 'delegatedWork', state: 'listed', permissions: ['DeviceManagementConfiguration.ReadWrite.All@28:37', 'DeviceManagementManagedDevices.ReadWrite.All@28:82'], workloads: [] },
    { type: 'delegatedPersonal', state: 'not-supported', permissions: [], workloads: [] },
    { type: 'application', state: 'listed', permissions: ['DeviceManagementConfiguration.ReadWrite.All@30:14', 'DeviceManagementManagedDevices.ReadWrite.All@30:59'], workloads: [] },
  ]);
});

test('seed 001 (rendered text): workload sub-rows under empty type cells, most→least', () => {
  assert.equal(seed(1).permissions!.order, 'most-to-least');
  const wl = ['Device management=DeviceManagementManagedDevices.ReadWrite.All', 'MAM=DeviceManagementApps.ReadWrite.All', 'Onboarding=DeviceManagementServiceConfig.ReadWrite.All', 'Troubleshooting=DeviceManagementManagedDevices.ReadWrite.All'];
  assert.deepEqual(flat(seed(1)), [
    { type: 'delegatedWork', state: 'varies', permissions: [], workloads: wl.map((w, i) => `${w}@${11 + i}`) },
    { type: 'delegatedPersonal', state: 'not-supported', permissions: [], workloads: [] },
    { type: 'application', state: 'varies', permissions: [], workloads: wl.map((w, i) => `${w}@${17 + i}`) },
  ]);
});

test('seed 002: &nbsp;-indented workload rows, "varies by context", application not supported', () => {
  const wl = ['Devices=DeviceManagementManagedDevices.ReadWrite.All', 'MAM=DeviceManagementApps.ReadWrite.All', 'Onboarding=DeviceManagementServiceConfig.ReadWrite.All', 'Troubleshooting=DeviceManagementManagedDevices.ReadWrite.All'];
  assert.deepEqual(flat(seed(2)), [
    { type: 'delegatedWork', state: 'varies', permissions: [], workloads: wl.map((w, i) => `${w}@${12 + i}`) },
    { type: 'delegatedPersonal', state: 'not-supported', permissions: [], workloads: [] },
    { type: 'application', state: 'not-supported', permissions: [], workloads: [] },
  ]);
});

test('seed 003: an empty table is recorded as empty, not as missing', () => {
  const p = seed(3).permissions!;
  assert.equal(p.state, 'empty');
  assert.equal(p.order, 'most-to-least');
  assert.deepEqual(p.entries.map((e) => `${e.type}:${e.state}`), ['delegatedWork:empty', 'delegatedPersonal:empty', 'application:empty']);
});

test('seed 004: old-style scope list and a permission tied to one property', () => {
  const p = seed(4).permissions!;
  assert.equal(p.state, 'scopes');
  assert.equal(p.order, null);
  assert.deepEqual(flat(seed(4)), [
    { type: 'unspecified', state: 'listed', permissions: ['User.ReadWrite@7:2', 'User.ReadWrite.All@7:18', 'Directory.ReadWrite.All@7:38'], workloads: [] },
  ]);
  assert.deepEqual(p.propertyScopes.map((s) => ({ property: s.property, permissions: s.permissions.map((x) => `${x.name}@${at(x.src)}`) })), [
    { property: 'passwordProfile', permissions: ['Directory.AccessAsUser.All@10:2'] },
  ]);
});

test('"Not supported" spellings, TODO cells, joined cells', () => {
  for (const s of ['Not supported.', 'Not supported', 'Not Supported', 'not supported ', 'Not applicable', 'N/A', 'Unsupported']) {
    assert.equal(parsePermissionCell(s).state, 'not-supported', s);
  }
  // "None." says no permission of the type is needed (the table decides: beside listed rows it is read as not supported).
  for (const s of ['None', 'None.', 'No permissions are required.', 'no permission needed']) assert.equal(parsePermissionCell(s).state, 'not-required', s);
  const table = (personal: string, app: string) => page(`# T\n\n## Permissions\n\n|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Delegated (work or school account)|Not supported.|\n|Delegated (personal Microsoft account)|${personal}|\n|Application|${app}|\n`)
    .permissions!.entries.map((x) => `${x.type}:${x.state}`);
  assert.deepEqual(table('Not supported.', 'None.'), ['delegatedWork:not-supported', 'delegatedPersonal:not-supported', 'application:not-required']);
  assert.deepEqual(table('None.', 'Application.ReadWrite.All'), ['delegatedWork:not-supported', 'delegatedPersonal:not-supported', 'application:listed']);
  assert.equal(parsePermissionCell('**TODO: Determine scopes**').state, 'todo');
  assert.deepEqual(parsePermissionCell('Mail.Read and Mail.ReadWrite').names, ['Mail.Read', 'Mail.ReadWrite']);
  assert.deepEqual(parsePermissionCell('Mail.Read Mail.ReadWrite; Mail.Send,').names, ['Mail.Read', 'Mail.ReadWrite', 'Mail.Send']);
});

test('TODO cell is a diagnostic, not a permission; personal row missing its paren', () => {
  const ir = page('# T\n\n## Permissions\n\n|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Delegated (work or school account)|**TODO: Determine scopes**|\n|Delegated (personal Microsoft account|Mail.Read|\n');
  const e = ir.permissions!.entries;
  assert.deepEqual(e.map((x) => `${x.type}:${x.state}:${x.permissions.map((p) => p.name).join(',')}`), ['delegatedWork:todo:', 'delegatedPersonal:listed:Mail.Read']);
  assert.equal(ir.diagnostics.filter((d) => d.rule === 'permission-cell-todo').length, 1);
});

test('transposed table: one row per resource', () => {
  const ir = page('# T\n\n## Permissions\n\n|Supported resource|Delegated (work or school account)|Delegated (personal Microsoft account)|Application|\n|:--|:--|:--|:--|\n|[user](user.md)|User.Read|User.Read|User.Read.All|\n|[group](group.md)|Group.Read.All|Not supported.|Group.Read.All|\n');
  assert.deepEqual(ir.permissions!.entries.map((x) => `${x.resource}/${x.type}:${x.state}:${x.permissions.map((p) => p.name).join(',')}`), [
    'user/delegatedWork:listed:User.Read', 'user/delegatedPersonal:listed:User.Read', 'user/application:listed:User.Read.All',
    'group/delegatedWork:listed:Group.Read.All', 'group/delegatedPersonal:not-supported:', 'group/application:listed:Group.Read.All',
  ]);
});
