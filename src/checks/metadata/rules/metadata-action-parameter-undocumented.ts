import { csdlTypeText, type MetadataRule } from '../types.js';
import { ASSIGN_LICENSE_CSDL as CSDL, assignLicenseCall as call } from '../fixtures.js';
import { actionCalls } from '../calls.js';

export const rule: MetadataRule = {
  id: 'metadata-action-parameter-undocumented',
  severity: 'info',
  summary: 'A parameter the service declares for an action is not in the page\'s request-body table',
  description: 'For each documented POST whose path resolves to an action of the metadata and whose page lists the request body\'s parameters in a table, each parameter the action declares (the binding parameter aside) is looked up in that table, ignoring letter case. A page with no table of parameters is not compared (its body may be described otherwise). A parameter documented by its members (a table of its type\'s properties) is documented. Optional parameters count too: the docs are meant to list every parameter the call takes. A page that documents several paths of one action is reported once.',
  example: {
    before: { docs: { operations: [call(['addLicenses'])] }, csdl: CSDL },
    after: { docs: { operations: [call(['addLicenses', 'removeLicenses'])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const { o, action: a, flattened } of actionCalls(ctx)) {
      const documented = new Set(o.bodyParameters.map((p) => p.name.toLowerCase()));
      for (const p of a.parameters) {
        if (documented.has(p.name.toLowerCase()) || flattened.has(p.name.toLowerCase())) continue;
        out.push({
          rule: this.id, subject: o.key, field: `requestBody.${p.name}`, args: [p.name.toLowerCase()],
          message: `${o.key}: ${a.namespace}.${a.name} takes ${p.name} (${csdlTypeText(p.type)}), which the request-body table does not list`,
          docs: { ...o.bodyParameters[0]!.src, value: o.bodyParameters.map((x) => x.name).join(', ') }, metadata: { file: ctx.csdl.file, element: `Action ${a.namespace}.${a.name}/Parameter ${p.name}`, line: p.line, value: csdlTypeText(p.type) },
        });
      }
    }
    return out;
  },
};
