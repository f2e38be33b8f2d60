import { bodySection, opPage } from '../fixture-pages.js';
import type { FindingDraft, ModelRule } from '../types.js';
import { ask } from '../lookups/lookup.js';
import { DOCUMENTED_PROPERTIES, documentedKey } from '../lookups/documented-properties.js';
import { INTUNE_WORKLOAD_PAGES } from '../lookups/intune-workload-pages.js';
import type { OperationGroup } from '../../model/schema.js';
import { compareField, intuneWorkload, versionsNote } from '../compare.js';
import { objectBody } from '../page-finding.js';
import { bodyField, bodyPartitions, bodyProperty } from './body-property-type-differs.js';

/** Properties the service assigns to an entity it creates (Graph's entity conventions), lower case. */
const SERVER_ASSIGNED = new Set(['id', 'createddatetime', 'lastmodifieddatetime']);

export const rule: ModelRule = {
  id: 'body-property-missing',
  input: 'model',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'A request-body property is documented on some pages of an operation only',
  description:
    'Every property named in any page\'s request-body table is checked against the tables of the other pages of the same operation whose body is the same type (pages of polymorphic operations, one per derived type, are compared within their type). Pages without a request-body table are not compared. Across versions, a property that the body type of the version lacking it does not have either (on its resource page or a base type\'s) is a version difference, not reported; so is, where the body names no resource type (an action\'s parameters), a property only beta documents, unless the v1.0 page\'s own example request sends it. A page that is one of several Intune workload slices of the operation in its version (`intune-tem-devicemanagement-update.md` beside `intune-apps-…`, `intune-onboarding-…`) is not reported for a property only pages of other workloads, or the shared page, document: it lists its workload\'s properties. A property the body\'s resource type documents as read-only in the version of every page lacking it (educationUser.assignedPlans: "Read-only.") is not reported: a client does not send it, and the page listing it is the odd one. Nor is a property the service assigns (id, createdDateTime, lastModifiedDateTime) on pages whose own examples never send it and return it in the response. One finding per set of pages lacking the same properties (usually one page pair), listing the properties; each property stays an instance with its own fingerprint, so it can be suppressed on its own. A page whose live example requests all call paths none of its templates fits (a template copied from another page: the addFormulaLocal pages give `POST /workbook/names/add`) is not compared: its table documents what its examples call.',
  example: { before: 'page A body: displayName, city\npage B body: displayName', after: 'both list displayName and city' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||', '|city|String||'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||'])) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||', '|city|String||'])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||', '|city|String||'])) },
  },
  unit: 'operation',
  lookups: [DOCUMENTED_PROPERTIES, INTUNE_WORKLOAD_PAGES],
  check(input) {
    const { model } = input;
    // A property only one version's type has is a version difference, not a page that forgot it (beta-only properties on
    // a v1.0 page): the properties the resource pages of a type and its bases document, where that version has the type.
    const ofType = (name: string, version: string) => ask(input, DOCUMENTED_PROPERTIES, documentedKey(name, version));
    const documented = (name: string, version: string) => ofType(name, version).documented;
    const writable = (name: string, version: string) => ofType(name, version).writable;
    // Intune workloads per version and page name without the workload (`v1.0|deviceappmanagement-update.md` → apps, books, …).
    const workloads = (key: string) => ask(input, INTUNE_WORKLOAD_PAGES, key);
    return model.operations.flatMap(bodyPartitions).flatMap((g) => {
      const bodyType = (g as OperationGroup & { bodyType?: string }).bodyType ?? '';
      /**
       * Across versions, every version lacking the property has a resource type for the body without it — or, where the
       * body names no resource type (an action's parameters), the property is beta's alone: beta is a superset, so a parameter
       * only beta documents is a beta addition (copyNotebook's siteId, playPrompt's loop), not a v1.0 page that forgot it
       * — unless the v1.0 page's own example request sends it.
       */
      const versionOnly = (d: FindingDraft, lower: string): boolean => d.context === 'cross-version'
        && d.sides.filter((x) => x.value === 'not documented').every((x) => {
          if (!x.version) return false;
          if (bodyType) return ofType(bodyType, x.version).tableRows && !documented(bodyType, x.version).has(lower);
          const page = g.variants.find((v) => v.doc.file === x.file)?.doc;
          return x.version === 'v1.0' && !!page && !page.examples.requests.some((r) => Object.keys(objectBody(r.body?.json) ?? {}).some((k) => k.toLowerCase() === lower));
        });
      /**
       * A lacking page that is one of several Intune workload slices of the operation in its version (v1.0 has 16
       * `intune-<workload>-devicemanagement-update.md` pages, each listing its workload's properties, and no page of the whole):
       * its table is that workload's slice, and another workload's (or the shared page's) properties are not missing from it.
       */
      const isSlice = (d: FindingDraft, x: { file: string; version?: string | null }) => {
        const w = intuneWorkload(x.file);
        return !!w && w.workload !== 'shared' && workloads(`${x.version}|${w.page}`).size >= 2
          && d.sides.filter((y) => y.value !== 'not documented').every((y) => { const o = intuneWorkload(y.file); return !!o && o.workload !== w.workload; });
      };
      /**
       * Every page lacking the property leaves out what the body's resource type documents as read-only in that page's version
       * (educationUser.assignedPlans, "Read-only. Not nullable.", which only v1.0's update table lists): a client does not
       * send it, so the page that lists it is the odd one, not the one that leaves it out.
       */
      const readOnlyLeftOut = (d: FindingDraft, lower: string): boolean => !!bodyType
        && d.sides.filter((x) => x.value === 'not documented').every((x) => !!x.version && documented(bodyType, x.version).has(lower) && !writable(bodyType, x.version).has(lower));
      /**
       * Every page lacking the property is right to: it is one the service assigns (an entity's id, createdDateTime,
       * lastModifiedDateTime) and the page's own examples show so — its requests do not send it, its responses return it
       * (beta intune-deviceconfig-ioscompliancepolicy-create.md lists id, createdDateTime and lastModifiedDateTime in the
       * POST body; v1.0's leaves them out, its example returning them). The page listing it is the odd one.
       */
      const serverAssignedLeftOut = (d: FindingDraft, lower: string): boolean => SERVER_ASSIGNED.has(lower)
        && d.sides.filter((x) => x.value === 'not documented').every((x) => {
          const page = g.variants.find((v) => v.doc.file === x.file)?.doc;
          const holds = (bodies: { body?: { json?: unknown } }[]) => bodies.some((r) => Object.keys(objectBody(r.body?.json) ?? {}).some((k) => k.toLowerCase() === lower));
          return !!page && page.examples.requests.length > 0 && !holds(page.examples.requests) && holds(page.examples.responses);
        });
      const withTable = g.variants;
      const names = new Map<string, string>();
      for (const v of withTable) for (const p of v.doc.requestBody!.properties) if (!names.has(p.name.toLowerCase())) names.set(p.name.toLowerCase(), p.name);
      const perProperty = [...names.entries()].sort().flatMap(([lower, name]) =>
        compareField(this, g, bodyField(g, name), (v) => {
          const props = v.doc.requestBody?.properties ?? [];
          if (!props.length) return undefined;
          const p = bodyProperty(props, lower);
          return p ? { key: 'present', shown: `documented (${p.type.raw || p.type.name})`, src: p.src } : { key: 'absent', shown: 'not documented', src: v.doc.requestBody!.src };
        }, (c) => `Request-body property ${name} is documented on some pages only (${versionsNote(c)})`, [lower]).filter((d) => !versionOnly(d, lower) && !readOnlyLeftOut(d, lower) && !serverAssignedLeftOut(d, lower))
          .flatMap((d) => {
            const kept = d.sides.filter((x) => x.value !== 'not documented' || !isSlice(d, x));
            return kept.some((x) => x.value === 'not documented') ? [{ ...d, sides: kept }] : [];
          }).map((d) => ({ d, name })),
      );
      // One finding per set of pages that lack the same properties (one page pair, usually), listing them.
      const buckets = new Map<string, { d: FindingDraft; name: string }[]>();
      for (const x of perProperty) {
        const lacking = x.d.sides.filter((s) => s.value === 'not documented').map((s) => s.file).sort();
        const k = `${x.d.severity}|${x.d.context}|${lacking.join('|')}`;
        if (!buckets.has(k)) buckets.set(k, []);
        buckets.get(k)!.push(x);
      }
      return [...buckets.values()].map((b): FindingDraft => {
        if (b.length === 1) return b[0]!.d;
        const first = b[0]!.d;
        const lacking = [...new Set(first.sides.filter((s) => s.value === 'not documented').map((s) => s.file))].sort();
        const props = b.map((x) => x.name);
        const sides = first.sides.map((s) => ({ ...s, value: s.value === 'not documented' ? `lacks ${props.join(', ')}` : `documents ${props.join(', ')}` }));
        return {
          ...first, sides, field: bodyField(g, '*'),
          message: `${props.length} request-body properties (${props.join(', ')}) are documented on some pages only, missing on ${lacking.join(', ')} (${versionsNote(first.context as 'variant' | 'cross-version')})`,
          args: ['lacking', ...lacking], instances: b.map((x) => x.d),
        };
      });
    });
  },
};
