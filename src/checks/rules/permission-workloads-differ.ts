import { opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';
import { PERMISSION_TYPES } from './permission-support-differs.js';

export const rule: ModelRule = {
  id: 'permission-workloads-differ',
  input: 'model',
  unit: 'operation',
  workloadPages: true,
  severity: 'warning',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'Workload sub-rows of a permission type differ between pages',
  description:
    'Intune-style tables split a permission type into workload sub-rows (Device management, MAM, Onboarding, …). Pages of one operation that name different workloads, or give a workload different permissions, disagree on what is needed.',
  example: { before: 'page A: Device management | DeviceManagementManagedDevices.ReadWrite.All\npage B: Devices | DeviceManagementManagedDevices.ReadWrite.All', after: 'both use the same workload names' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', '\n## Permissions\n\n|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n|Delegated (work or school account)| _varies by context_|\n| &nbsp; &nbsp; Devices | Widget.ReadWrite.All |\n|Application|Not supported.|\n'), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', '\n## Permissions\n\n|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n|Delegated (work or school account)| _varies by context_|\n| &nbsp; &nbsp; Device management | Widget.ReadWrite.All |\n|Application|Not supported.|\n') },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', '\n## Permissions\n\n|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n|Delegated (work or school account)| _varies by context_|\n| &nbsp; &nbsp; Devices | Widget.ReadWrite.All |\n|Application|Not supported.|\n'), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', '\n## Permissions\n\n|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n|Delegated (work or school account)| _varies by context_|\n| &nbsp; &nbsp; Devices | Widget.ReadWrite.All |\n|Application|Not supported.|\n') },
  },
  check({ model }) {
    return model.operations.flatMap((g) =>
      PERMISSION_TYPES.flatMap((type) =>
        compareField(this, g, `permissions.${type}.workloads`, (v) => {
          const e = v.permissions?.entries.find((x) => x.type === type);
          if (!e || !e.workloads.length) return undefined;
          const shown = e.workloads.map((w) => `${w.workload}: ${w.permissions.map((p) => p.name).join(', ') || w.state}`).join('; ');
          return { key: shown, shown, src: e.workloads[0]!.src };
        }, (c) => `Workload sub-rows of ${type} differ (${versionsNote(c)})`, [type]),
      ),
    );
  },
};
