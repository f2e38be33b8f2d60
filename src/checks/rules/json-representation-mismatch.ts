import { resourcePage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';
import type { Document } from '../../model/schema.js';
import { ask } from '../lookups/lookup.js';
import { INHERITED_BY_PAGE } from '../lookups/inherited-by-page.js';
import { ENTITY_TYPE } from '../lookups/entity-type.js';
import { nameMiss, pairClosest } from '../../util/words.js';


export const rule: ModelRule = {
  id: 'json-representation-mismatch',
  input: 'model',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'The JSON representation and the Properties / Relationships tables of a resource page disagree',
  description: 'A property appears in the JSON representation block but in neither table, or in the Properties table but not in the JSON representation (navigation properties are not expected in the JSON). OData annotations are ignored; a key with a space around a name the tables list (`"rank "`) is reported as that typo, not as a missing row; properties the type inherits (its base types\' properties, from their own pages) count as documented, and so do property tables under other headings of the page; a key whose Properties row says the property was removed ("_sortField (deprecated) … This property has been removed.") is reported as the removal not carried into the JSON, with the row as a second side; a row marked deprecated, or an annotation row (`@odata.etag`), need not be in the JSON; a Properties row the JSON lacks that the Relationships table has too, or whose type is an entity type (as its page says: a navigation property, which the JSON need not show), is reported as the misfiled row it is (`domainJoinConnectors`, a deviceManagementDomainJoinConnector collection, on intune-shared-devicemanagement.md); a row the JSON lacks and a key no table lists that name one property two ways — one camel-cased word apart at the end (`pageLayout` and `pageLayoutType`) or in front (`viewpoint` and `chatViewpoint`), a plural -s aside (`publishingType` and `supportedPublishingTypes`), or one misspelling away (an edit, or two in a name of 8 letters or more: `isAssignableToRole` and `isAssignableRole`; singular and plural) — are one finding naming both; a page whose type derives from a type no page of the tree defines (a sample, a pull request\'s pages) is not told a key is missing from its tables, since it may be inherited; a JSON that shows one entry of a dictionary under a placeholder for its key (its only key in no table, holding an object of the tables\' rows that lacks at most one, the key row: resulttemplate.md\'s `"resultTemplateId": { "displayName": …, "body": … }`) agrees with the tables.',
  example: { before: '| displayName | String |\n{ "displayName": "String", "nickname": "String" }', after: '| displayName | String |\n| nickname | String |' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||'], '\n## JSON representation\n\n```json\n{ "id": "String", "extra": 1 }\n```\n') },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||'], '\n## JSON representation\n\n```json\n{ "id": "String" }\n```\n') },
  },
  unit: 'page',
  lookups: [INHERITED_BY_PAGE, ENTITY_TYPE],
  check(input) {
    const { pages } = input;
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const r = p.resource;
      const jr = r?.jsonRepresentation;
      if (!r || !jr || !r.properties.length || !jr.propertyNames.length) continue;
      const table = new Set([...r.properties, ...r.relationships].map((x) => x.name.toLowerCase()));
      const json = new Set(jr.propertyNames.filter((n) => !n.includes('@')).map((n) => n.trim().toLowerCase()));
      const from = ask(input, INHERITED_BY_PAGE, p.file);
      // One entry of a dictionary shown under a placeholder for its key (resulttemplate.md, "A dictionary of resultTemplateIds
      // and associated values": `{ "resultTemplateId": { "displayName": …, "body": … } }`; labels r1206, r2148, false before).
      if (from !== null && dictionaryEntry(jr, table, from)) continue;
      // Rows that say the property was removed ("_sortField (deprecated) | … | This property has been removed."): a key
      // the JSON still shows is that removal not carried into the block, not a key no table lists.
      const removed = new Map((r.removedProperties ?? []).map((x) => [x.name.toLowerCase(), x.src] as const));
      // A row the JSON lacks and a key no table lists that name one property two ways — one camel-cased word apart
      // (sitepage.md's row `pageLayout`, its JSON's `pageLayoutType`; label r2040) or a misspelling: one finding, naming both.
      const pairs = namedTwoWays(r.properties.filter((x) => !json.has(x.name.toLowerCase()) && !x.deprecated && !x.name.startsWith('@')),
        jr.propertyNames.map((n, i) => ({ n: n.trim(), i })).filter(({ n }) => !n.includes('@') && from !== null && !table.has(n.toLowerCase()) && !from?.has(n.toLowerCase()) && !removed.has(n.toLowerCase())));
      for (const [row, key] of pairs) out.push(pageFinding(this, p, row.src, `properties.${row.name}`, `${row.name} is in the Properties table and ${key.n} in the JSON representation: one property named two ways (${key.how})`, row.name, ['named-two-ways', row.name], [{ src: jr.propertySrcs?.[key.i] ?? jr.src, value: key.n }]));
      const paired = new Set([...pairs].flatMap(([row, key]) => [`row:${row.name.toLowerCase()}`, `key:${key.n.toLowerCase()}`]));
      jr.propertyNames.forEach((n, i) => {
        if (n.includes('@')) return;
        // The key's own line when the extractor found it, else the block's.
        const at = jr.propertySrcs?.[i] ?? jr.src;
        const t = n.trim();
        const documented = table.has(t.toLowerCase()) || !!from?.has(t.toLowerCase());
        // A key with spaces around a name the tables list ("rank " for rank): the key is mistyped, the row is there.
        if (documented && t !== n) out.push(pageFinding(this, p, at, `jsonRepresentation.${t}`, `JSON key ${JSON.stringify(n)} has a space around the name ${t} the tables list`, n, ['json-space', t]));
        // A base type no page of the tree defines (from === null): a key the tables lack may be inherited; not claimed.
        const gone = documented ? undefined : removed.get(t.toLowerCase());
        if (gone) out.push(pageFinding(this, p, at, `jsonRepresentation.${t}`, `${t} is in the JSON representation, but its Properties row says the property was removed`, n, ['json-removed', t], [{ src: gone, value: `${t} (deprecated): removed` }]));
        else if (!documented && from !== null && !paired.has(`key:${t.toLowerCase()}`)) out.push(pageFinding(this, p, at, `jsonRepresentation.${n}`, `${n} is in the JSON representation but in no property table`, n, ['json-only', n]));
      });
      for (const x of r.properties) {
        // A deprecated row the JSON leaves out is on its way out, not forgotten (meetingParticipants' "producers (deprecated)").
        // An OData annotation row (`@odata.etag`, "for Outlook resources") is no property the JSON must show.
        if (json.has(x.name.toLowerCase()) || x.deprecated || x.name.startsWith('@') || paired.has(`row:${x.name.toLowerCase()}`)) continue;
        // A row the Relationships table has too (accessreviewscheduledefinition.md's `instances`), or one typed with an entity type
        // (intune-shared-devicemanagement.md's `domainJoinConnectors`, deviceManagementDomainJoinConnector): a navigation property,
        // which the JSON need not show — the Properties row is what is misfiled (labels r917, r893, o052, o1052, r1560).
        const rel = r.relationships.find((y) => y.name.toLowerCase() === x.name.toLowerCase());
        const entity = rel || x.type.primitive || !p.apiVersion.value ? undefined : ask(input, ENTITY_TYPE, `${p.apiVersion.value} ${x.type.name.toLowerCase()}`) ?? undefined;
        const where = entity?.page;
        if (rel) out.push(pageFinding(this, p, x.src, `properties.${x.name}`, `${x.name} is in both the Properties and the Relationships table: a navigation property, which the JSON representation need not show — documented twice, it belongs in the Relationships table only`, x.name, ['table-only', x.name], [{ src: rel.src, value: `relationship ${rel.name}` }]));
        else if (entity && where) out.push(pageFinding(this, p, x.src, `properties.${x.name}`, `${x.name} is in the Properties table but its type, ${entity.name}, is an entity type: a navigation property, which the JSON representation need not show — the row belongs in the Relationships table`, x.name, ['table-only', x.name], [{ src: where, value: `${entity.name} (entity type)` }]));
        else out.push(pageFinding(this, p, x.src, `properties.${x.name}`, `${x.name} is in the Properties table but not in the JSON representation`, x.name, ['table-only', x.name], [{ src: jr.src, value: 'JSON representation' }]));
      }
    }
    return out;
  },
};

/**
 * Does the JSON show one entry of a dictionary under a placeholder for its key? Its only key is in no table (nor inherited)
 * and holds an object whose keys are all rows of the tables, lacking at most one row: the dictionary's key (`key`), which
 * the placeholder stands for. The tables and the JSON then agree.
 */
function dictionaryEntry(jr: NonNullable<NonNullable<Document['resource']>['jsonRepresentation']>, table: Set<string>, inherited: Set<string> | undefined): boolean {
  const own = jr.propertyNames.filter((n) => !n.includes('@')).map((n) => n.trim().toLowerCase());
  const json = jr.json as Record<string, unknown> | undefined;
  if (own.length !== 1 || table.has(own[0]!) || inherited?.has(own[0]!) || !json || typeof json !== 'object' || Array.isArray(json)) return false;
  const value = json[jr.propertyNames.find((n) => !n.includes('@'))!];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const inner = new Set(Object.keys(value).filter((n) => !n.includes('@')).map((n) => n.trim().toLowerCase()));
  return inner.size > 0 && [...inner].every((n) => table.has(n)) && [...table].filter((n) => !inner.has(n)).length <= 1;
}

/**
 * Rows the JSON lacks paired with keys no table lists that name the same property otherwise: one camel-cased word apart
 * (at the end or in front, the plural aside), or one misspelling away (an edit or two, singular for plural). Each row and key in one pair at most, the closest first.
 */
function namedTwoWays<R extends { name: string }>(rows: R[], keys: { n: string; i: number }[]): Map<R, { n: string; i: number; how: string }> {
  const cands = rows.flatMap((row) => keys.flatMap((key) => {
    // A word in front counts too (`viewpoint` for `chatViewpoint`), and with it a plural (`publishingType` for
    // `supportedPublishingTypes`; label o1364, misdescribed as two findings before).
    const miss = nameMiss(row.name, key.n, { leading: true, plural: true });
    const plural = miss?.plural ? (/s$/.test(key.n) ? ', and plural' : ', and singular') : '';
    return miss ? [{ d: miss.d, a: row.name, b: key.n, row, key, how: miss.how === 'misspelled' ? 'a misspelling' : `${miss.how === 'short' ? 'the JSON\'s name is one word longer' : 'the JSON\'s name is one word shorter'}${plural}` }] : [];
  }));
  return new Map(pairClosest(cands).map((c) => [c.row, { ...c.key, how: c.how }] as const));
}

