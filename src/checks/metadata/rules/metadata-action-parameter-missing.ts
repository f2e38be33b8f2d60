import { csdlTypeText, type MetadataRule } from '../types.js';
import { ASSIGN_LICENSE_CSDL as CSDL, assignLicenseCall as call } from '../fixtures.js';
import { actionCalls } from '../calls.js';

export const rule: MetadataRule = {
  id: 'metadata-action-parameter-missing',
  severity: 'warning',
  summary: 'A request-body parameter of an action is not a parameter of the action the service declares',
  description: 'For each documented POST whose path resolves, segment by segment, to an action of the metadata (bound to the type the path reaches), each parameter the page\'s request-body table lists is looked up among the action\'s parameters (the binding parameter aside), ignoring letter case. A name that is a property of a parameter\'s type is that parameter documented by its members (a table of passwordCredential\'s properties for addPassword), not an unknown parameter; a page that documents several paths of one action is reported once. A parameter the action lacks is a misspelled name, a parameter of another version or operation, or one the service has dropped. `@odata.type` rows and the action\'s own name are not parameters.',
  example: {
    before: { docs: { operations: [call(['addLicenses', 'removeLicences'])] }, csdl: CSDL },
    after: { docs: { operations: [call(['addLicenses', 'removeLicenses'])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const { o, action: a, flattened } of actionCalls(ctx)) {
      const declared = new Set(a.parameters.map((p) => p.name.toLowerCase()));
      const members = new Set([...flattened.values()].flatMap((s) => [...s]));
      for (const p of o.bodyParameters) {
        if (declared.has(p.name.toLowerCase()) || members.has(p.name.toLowerCase()) || p.name.startsWith('@')) continue;
        out.push({
          rule: this.id, subject: o.key, field: `requestBody.${p.name}`, args: [p.name.toLowerCase()],
          message: `${o.key}: request-body parameter ${p.name} is not a parameter of ${a.namespace}.${a.name} (the service declares ${a.parameters.length ? a.parameters.map((x) => `${x.name} ${csdlTypeText(x.type)}`).join(', ') : 'none'})`,
          docs: { ...p.src, value: p.name }, metadata: { file: ctx.csdl.file, element: `Action ${a.namespace}.${a.name}`, line: a.line, value: a.parameters.map((x) => x.name).join(', ') },
        });
      }
    }
    return out;
  },
};
