import { opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';
import { singular } from '../../model/identity.js';

export const rule: PageRule = {
  id: 'title-mismatch',
  input: 'page',
  severity: 'info',
  confidence: 'low',
  contexts: ['page'],
  summary: 'Front-matter title, H1 and JSON-representation @odata.type disagree',
  description:
    'The front matter `title` and the H1 name different things: both name API identifiers (camelCase words such as printTaskDefinition; not acronyms or product names) and share none — after ignoring case and a plural "s", and taking a name inside another (cloudPcDeviceImages / deviceImages) as the same —, or they begin with verbs of different kinds (Get, List, Create, Update, Delete: "Get printers" vs "List printers"). On an operation page, the path segment a request line addresses last and the type its Response section names are one thing ("Get userAttributeAssignments" and "Get identityUserFlowAttributeAssignment" on GET …/userAttributeAssignments/{id}). Other wording ("Get a SharePoint site" vs "Get a site resource", a shortened or "(deprecated)" H1) names the same thing and is not reported. Also: a resource page\'s @odata.type names another type than its title.',
  example: { before: 'title: "Get users"\n# List users', after: 'title: "List users"\n# List users' },
  fixture: {
    before: { 'v1.0/api/a.md': '---\ntitle: "List widgets"\n---\n' + opPage('Get widget', 'GET', '/widgets/{id}') },
    after: { 'v1.0/api/a.md': '---\ntitle: "Get widget"\n---\n' + opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const fm = p.title.frontMatter;
      const h1 = p.title.h1;
      const why = fm && h1 ? namesDiffer(fm.value, h1.value, pathAndType(p)) : undefined;
      if (why) {
        out.push(pageFinding(this, p, h1!.src, 'title', `Front matter title ${JSON.stringify(fm!.value)} and H1 ${JSON.stringify(h1!.value)} name different things (${why})`, h1!.value, ['fm-h1'], [{ src: fm!.src, value: fm!.value }]));
      }
      const jr = p.resource?.jsonRepresentation?.annotation;
      const t = jr?.fields['@odata.type'];
      if (p.resource && typeof t === 'string') {
        const name = t.replace(/^#?microsoft\.graph\./i, '').split('.').pop()!;
        if (name.toLowerCase() !== p.resource.name.toLowerCase()) {
          out.push(pageFinding(this, p, jr!.src, 'odataType', `JSON representation @odata.type ${t} does not name the page's type ${p.resource.name}`, t, ['odata-type'], h1 ? [{ src: h1.src, value: h1.value }] : []));
        }
      }
    }
    return out;
  },
};

/** Verbs a title begins with, by kind. */
const VERB_KIND: Record<string, string> = { get: 'get', list: 'list', enumerate: 'list', create: 'create', add: 'create', update: 'update', edit: 'update', delete: 'delete', remove: 'delete' };

/** A title without emphasis, the site-name suffix and a closing "(deprecated)" / "(preview)". */
function cleanTitle(s: string): string {
  // Spaces made single first: each pattern then has one way to match (linear on any title).
  return s.replace(/[`*"]/g, '').replace(/\s+/g, ' ').trim().replace(/ - microsoft graph(?: api)?(?: beta| v1\.0)?$/i, '').replace(/ ?\((?:deprecated|preview)\)$/i, '').trim();
}

/**
 * API identifiers a title names: camelCase words (printTaskDefinition, itemPhone) — not acronyms or product names
 * (API, AD, SharePoint) —, lower-case and singular.
 */
function identifiers(title: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of title.match(/\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\b/g) ?? []) {
    out.set(singular(w).toLowerCase(), w);
  }
  return out;
}

/**
 * Do two identifiers name the same thing? Equal, or one inside the other: the type and the path's name for it
 * (cloudPcDeviceImages / deviceImages, printTaskDefinition / taskDefinition), a tag's members (teamworkTagMembers /
 * "members in a teamworkTag").
 */
function sameThing(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

/**
 * On an operation page, the pairs that name one thing twice: the last named segment of a request line (the collection or
 * navigation property it addresses) and the type the Response section names — "Get userAttributeAssignments" and
 * "Get identityUserFlowAttributeAssignment" on GET /identity/b2cUserFlows/{id}/userAttributeAssignments/{id}, which returns
 * an identityUserFlowAttributeAssignment. (Any other segment names something else: "Get user" is not GET /users/{id}/manager.)
 */
function pathAndType(p: { operations: { path: string; fromExample: boolean }[]; response?: { bodyType?: { name: string } } }): [string, string][] {
  const type = p.response?.bodyType?.name;
  if (!type) return [];
  const t = singular(type.slice(type.lastIndexOf('.') + 1)).toLowerCase();
  const out: [string, string][] = [];
  for (const o of p.operations) {
    if (o.fromExample) continue;
    const named = o.path.split('/').map((x) => (x.includes('(') ? x.slice(0, x.indexOf('(')) : x)).filter((x) => /^[A-Za-z][A-Za-z0-9]*$/.test(x));
    const last = named[named.length - 1];
    if (last) out.push([singular(last).toLowerCase(), t]);
  }
  return out;
}

/**
 * Why two titles name different things ("includeGroup vs includedGroup", "Get vs List"), or undefined. `same`: pairs of
 * (lower-case, singular) identifiers the page shows to name one thing (see pathAndType).
 */
export function namesDiffer(a: string, b: string, same: [string, string][] = []): string | undefined {
  const ca = cleanTitle(a);
  const cb = cleanTitle(b);
  const ia = identifiers(ca);
  const ib = identifiers(cb);
  const alike = (k: string, l: string) => sameThing(k, l) || same.some(([x, y]) => (k === x && l === y) || (k === y && l === x));
  if (ia.size && ib.size && ![...ia.keys()].some((k) => [...ib.keys()].some((l) => alike(k, l)))) return `${[...ia.values()].join(', ')} vs ${[...ib.values()].join(', ')}`;
  const va = ca.split(/[\s:]+/)[0] ?? '';
  const vb = cb.split(/[\s:]+/)[0] ?? '';
  const ka = VERB_KIND[va.toLowerCase()];
  const kb = VERB_KIND[vb.toLowerCase()];
  return ka && kb && ka !== kb ? `${va} vs ${vb}` : undefined;
}
