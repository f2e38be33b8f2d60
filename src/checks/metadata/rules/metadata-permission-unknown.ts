import { editDistance } from '../../../util/suggest.js';
import type { MetadataRule } from '../types.js';
import { perm } from '../fixtures.js';

/** The catalogue name an unknown name is most likely a misspelling of, if any. */
export function nearMiss(name: string, known: Iterable<string>): string | undefined {
  let best: { n: string; d: number } | undefined;
  for (const k of known) {
    if (k.toLowerCase() === name.toLowerCase() || k.endsWith('.' + name)) return k;
    const d = editDistance(k, name);
    if (d <= 2 && (!best || d < best.d || (d === best.d && k < best.n))) best = { n: k, d };
  }
  return best?.n;
}

export const rule: MetadataRule = {
  id: 'metadata-permission-unknown',
  severity: 'warning',
  summary: 'A documented permission name is not in the service\'s permission-scope catalogue',
  description: 'Every permission name of every permissions table is looked up (case-sensitive, as a token is) in the scope catalogue given with --scopes, across all permission types. Runs only when a catalogue is given. Policy `not-in-catalogue`: the catalogue is known to be incomplete (the 2020-05 one lacks Schedule.ReadWrite.All, EduRoster.*, ...), so a well-formed name that is no near miss of a catalogue name (edit distance over 2, not a suffix or a case variant of one) is counted under that policy tag, not reported (the summary says how many: every one of a labelled sample of 12 was a genuine permission the catalogue lacks); a near miss ("Calls.JoinGroupCalls.All" for Calls.JoinGroupCall.All) is a warning that names the likely intended scope.',
  example: {
    before: { docs: { permissions: [perm('Calls.JoinGroupCalls.All')] }, csdl: '', scopes: ['DelegatedWork:Calls.JoinGroupCall.All'] },
    after: { docs: { permissions: [perm('Calls.JoinGroupCall.All')] }, csdl: '', scopes: ['DelegatedWork:Calls.JoinGroupCall.All'] },
  },
  check(ctx) {
    if (!ctx.scopes) return [];
    const out = [];
    const seen = new Set<string>();
    const known = [...ctx.scopes.scopes.keys()].sort();
    const near = new Map<string, string | undefined>();
    for (const p of ctx.docs.permissions) {
      if (ctx.scopes.scopes.has(p.name)) continue;
      const k = `${p.name}|${p.type}|${p.src.file}|${p.src.line}`;
      if (seen.has(k)) continue;
      seen.add(k);
      if (!near.has(p.name)) near.set(p.name, nearMiss(p.name, known));
      const likely = near.get(p.name);
      const wellFormed = /^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/.test(p.name);
      const policy = !likely && wellFormed;
      out.push({
        rule: this.id, subject: p.name, field: `permissions.${p.type}`, args: [p.src.file, String(p.src.line)],
        message: `Permission ${p.name} (${p.type}) is not in the scope catalogue${likely ? `; did the page mean ${likely}?` : policy ? ' (well-formed and no near miss: the catalogue may lack it)' : ''}`,
        docs: { ...p.src, value: p.name }, metadata: { file: ctx.scopes.file, element: likely ? `Scope ${likely}` : 'Authorizations', line: likely ? ctx.scopes.scopes.get(likely)![0]!.line : 1, value: likely ?? '(absent)' },
        ...(policy ? { policy: 'not-in-catalogue', severity: 'info' as const } : {}),
      });
    }
    return out;
  },
};
