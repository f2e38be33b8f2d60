import { csdlTypeText, WORKBOOK_FUNCTIONS, type MetadataRule } from '../types.js';
import { op } from '../fixtures.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType><Action Name="sendMail" IsBound="true"><Parameter Name="bindingParameter" Type="graph.user" /></Action><EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /></EntityContainer>';

export const rule: MetadataRule = {
  id: 'metadata-operation-undocumented',
  severity: 'info',
  summary: 'A bound action or function of the service appears in no documented path',
  description: 'Each bound action and function of the CSDL (overloads — same name and binding — counted once) is looked up by name among the segments of the documented paths; a segment ending in a colon (`/sites/{hostname}:/{relative-path}`, path-based addressing) documents the service\'s getByPath. One that only an example request calls (a page whose request block lists another path, as nameditem-addformulalocal.md lists POST /workbook/names/add) is reported with that example as its docs side. Policy `workbook-functions`: the Excel `workbookFunctions` actions (about 360, one per Excel worksheet function, many overloaded in beta) mirror Excel\'s own function list and are documented all at once: the workbook resource page gives the syntax `POST /workbook/functions/{function-name}` and links Excel\'s function list (10 of the 14 such findings of a labelled sample were judged false for that reason before this policy); they are counted under that policy tag, not reported (the summary says how many).',
  example: {
    before: { docs: { operations: [op('GET /users/{}')] }, csdl: CSDL },
    after: { docs: { operations: [op('GET /users/{}'), op('POST /users/{}/sendMail')] }, csdl: CSDL },
  },
  check(ctx) {
    const names = new Set<string>();
    for (const o of ctx.docs.operations) for (const seg of o.path.split('/')) {
      names.add(segmentName(seg));
      // Path-based addressing, `/sites/{hostname}:/{relative-path}`: the colon syntax the service serves by its getByPath function.
      if (seg.endsWith(':')) names.add('getbypath');
    }
    // Example requests by the names of their segments: an operation no request block documents may still be called by an
    // example (nameditem-addformulalocal.md: its block says POST /workbook/names/add, its example …/names/addFormulaLocal).
    const called = new Map<string, NonNullable<typeof ctx.docs.exampleCalls>[number]>();
    for (const e of ctx.docs.exampleCalls ?? []) for (const seg of e.path.split('/')) {
      const k = segmentName(seg);
      if (k && !names.has(k) && !called.has(k)) called.set(k, e);
    }
    const out = [];
    const seen = new Set<string>();
    for (const c of ctx.csdl.operations) {
      if (!c.boundTo || names.has(c.name.toLowerCase())) continue;
      const k = `${c.name}|${csdlTypeText(c.boundTo)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const workbook = c.boundTo.name === WORKBOOK_FUNCTIONS;
      const ex = workbook ? undefined : called.get(c.name.toLowerCase());
      const shown = ex ? `; an example request calls it (${ex.src.file}:${ex.src.line}: ${ex.method} ${ex.path}) but no HTTP request block lists it` : '';
      out.push({ rule: this.id, subject: c.name, field: 'operation', args: [csdlTypeText(c.boundTo)], message: `${c.kind === 'action' ? 'Action' : 'Function'} ${c.name} bound to ${csdlTypeText(c.boundTo)} is in the service metadata but in no documented path${workbook ? ' (an Excel worksheet function: not documented one page each, policy workbook-functions)' : shown}`, ...(ex ? { docs: { ...ex.src, value: `${ex.method} ${ex.path}` } } : {}), metadata: { file: ctx.csdl.file, element: `${c.kind === 'action' ? 'Action' : 'Function'} ${c.namespace}.${c.name}`, line: c.line, value: csdlTypeText(c.boundTo) }, ...(workbook ? { policy: 'workbook-functions' } : {}) });
    }
    return out;
  },
};

/** The operation name a path segment calls: without its arguments and namespace, lower case (`microsoft.graph.delta()` → `delta`). */
function segmentName(seg: string): string {
  const n = seg.includes('(') ? seg.slice(0, seg.indexOf('(')) : seg;
  return n.slice(n.lastIndexOf('.') + 1).toLowerCase();
}
