import { resourcePage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { sideOf } from '../types.js';
import { isWorkloadResourcePage, typeGroups } from '../type-groups.js';
import { documentedProperties, isTableRow } from '../type-relations.js';
import { singular, versionSplit } from '../../model/identity.js';
import { partialTree } from '../tree-links.js';

export const rule: ModelRule = {
  id: 'type-property-missing-in-beta',
  input: 'model',
  // info: on a sample drawn after its last false-positive fixes, 5 of 10 findings were real — beta redesigns
  // (a renamed or replaced property) read as rows left behind; worth a look, not a warning.
  severity: 'info',
  confidence: 'low',
  contexts: ['cross-version'],
  summary: 'A v1.0 resource property is missing from the beta resource page',
  description:
    'Beta is a superset of v1.0: a property that the v1.0 resource page documents but the beta resource page of the same type (or of a base type it inherits from) does not is usually a page that fell behind. (Beta-only properties are expected and not reported; nor is a beta type of another kind (complex vs entity) that shares no property with the v1.0 type — another design under the same name — or a type each version of which has at least three rows the other lacks — beta redesigned it (contact: phones, postalAddresses, websites for homePhones, homeAddress, businessHomePage); or a v1.0 row whose description a beta-only row repeats word for word: a rename; or one a beta-only row names as what it replaces — by name, or by its words in a row of the same kind of thing: `postalAddresses` "for example, home address and business address" for `homeAddress` —, or restates: 85% of its words of substance (six at least) are the v1.0 row\'s, `displayLocationInformationRequiredState` "Determines whether the location of the sign-in should be shown to the user in the body of the notification" for `shownContext`. A row whose type v1.0 documents but beta has under no name — no type or enum of that name, no page of the type page\'s file name — is a version difference: beta dropped or replaced the type; on part of a tree, where what beta lacks is not known, it is reported. A row beta has only in its JSON representation is reported as missing from its tables.)',
  example: { before: 'v1.0 user.md: employeeHireDate\nbeta user.md: (missing)', after: 'beta user.md also lists employeeHireDate' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||', '|legacy|String||']), 'beta/resources/widget.md': resourcePage('widget', ['|id|String||']) },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||', '|legacy|String||']), 'beta/resources/widget.md': resourcePage('widget', ['|id|String||', '|legacy|String||']) },
  },
  check(input) {
    const { model } = input;
    const out: FindingDraft[] = [];
    // On part of a tree, a type beta lacks may be on a page not given.
    const whole = !partialTree(input);
    const documented = documentedProperties(model);
    // v1.0's types and enums that beta has under no name: neither one of that name nor a page of the same file name
    // (v1.0 projectrome-activity.md documents userActivity, beta's the same page documents it as activity).
    const files = new Set(model.documents.map((d) => d.file.toLowerCase()));
    const betaNamed = new Set([...model.types, ...model.enums].filter((t) => t.version === 'beta').map((t) => t.name.toLowerCase()));
    const onlyInV1 = new Set([...model.types, ...model.enums].filter((t) => t.version === 'v1.0' && t.sources.length > 0
      && !betaNamed.has(t.name.toLowerCase())
      && t.sources.every((x) => { const f = versionSplit(x.doc.file); return f?.version === 'v1.0' && !files.has(f.other.toLowerCase()); }))
      .map((t) => t.name.toLowerCase()));
    const typeOnlyInV1 = (name: string) => onlyInV1.has(name.toLowerCase());
    for (const { key, types } of typeGroups(model)) {
      const v1 = types.find((t) => t.version === 'v1.0' && t.sources.some((s) => s.origin === 'resource'));
      const beta = types.find((t) => t.version === 'beta' && t.sources.some((s) => s.origin === 'resource'));
      if (!v1 || !beta) continue;
      // What beta documents on the type's page or on a base type's ("Inherits from"): a v1.0 page that copies an
      // inherited row where beta leaves it to the base type's page has lost nothing.
      const betaNames = documented(beta.name, 'beta');
      // A beta type of another kind that shares no property with v1.0's is another design under the same name (beta
      // approvalStage is an access-package setting, a complex type; v1.0's an approval step, an entity): its rows are
      // not v1.0's left behind. (Same kind, nothing shared: beta searchResponse whose page fell behind its examples.)
      const v1Names = new Set(v1.properties.map((p) => p.name.toLowerCase()));
      if (beta.kind !== v1.kind && ![...v1Names].some((n) => betaNames.has(n))) continue;
      // The beta page of the same file name as the v1.0 row's (user.md, not the workload's intune-shared-user.md), else
      // the type's own page (not a workload's), else the first.
      const fileName = (f: string) => f.slice(f.lastIndexOf('/') + 1).toLowerCase();
      const betaPages = beta.sources.filter((s) => s.origin === 'resource');
      const betaPage = (v1File: string) => betaPages.find((s) => fileName(s.doc.file) === fileName(v1File)) ?? betaPages.find((s) => !isWorkloadResourcePage(s.doc.file, beta.name)) ?? betaPages[0]!;
      // A beta-only row with the v1.0 row's own description is its new name (v1.0 oauth2PermissionScopes, beta
      // publishedPermissionScopes): a rename between versions, not a row left behind.
      const said = (x: { description: string }) => x.description.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
      const renamed = new Set<string>();
      for (const q of beta.properties) {
        if (v1Names.has(q.name.toLowerCase())) continue;
        for (const x of q.sources) if (isTableRow(x) && said(x).length >= 24) renamed.add(said(x));
      }
      // A beta-only row that names the v1.0 row as its predecessor replaces it: by name ("uid … will replace the current
      // iCalUid property"), or by its words in a row of the same kind of thing (postalAddresses, "for example, home
      // address and business address", for homeAddress; phones, "home phone, mobile phone", for homePhones).
      const betaOnly = beta.properties.filter((q) => !v1Names.has(q.name.toLowerCase()))
        .flatMap((q) => q.sources.filter(isTableRow).map((x) => ({ name: q.name.toLowerCase(), said: x.description.toLowerCase() })));
      const replaced = (name: string) => {
        const words = splitCamel(name);
        const last = singular(words[words.length - 1]!).toLowerCase();
        const phrase = [...words.slice(0, -1), last].join(' ');
        // One-word names ("plans", "user", "list") are words of any description: only a compound name counts.
        if (words.length < 2) return false;
        return betaOnly.some((q) => hasWord(q.said, name.toLowerCase()) || (q.name.includes(last) && q.said.includes(phrase)));
      };
      // A beta-only row that says what the v1.0 row says — nearly every word it has of substance stands in the v1.0 row's
      // description — took its place: v1.0 shownContext "Determines what types of context about the sign-in should be shown
      // to the user in the body of the notification. Possible values are: location, app", beta
      // displayLocationInformationRequiredState "Determines whether the location of the sign-in should be shown to the
      // user in the body of the notification." (createdDateTime's "…was created" is not said by lastModifiedDateTime's
      // "…was last modified": two words of five are not in it.)
      // The beta row's list of values ("Possible values are: `enabled`, `disabled`, `default`.") is its type's, not what it means.
      const betaOnlyWords = betaOnly.map((q) => contentWords(withoutValueList(q.said))).filter((w) => w.size >= RESTATED_MIN_WORDS);
      const restated = (description: string) => {
        const v1Words = contentWords(description.toLowerCase());
        return betaOnlyWords.some((w) => [...w].filter((x) => v1Words.has(x)).length >= RESTATED_SHARE * w.size);
      };
      // Each version with at least three rows of its own that the other lacks: beta redesigned the type (contact's phones,
      // postalAddresses and websites for v1.0's homePhones, homeAddress, businessHomePage…; person's title, emailAddresses for
      // jobTitle, scoredEmailAddresses): its missing rows are the redesign's, not a page that fell behind.
      const v1Own = v1.properties.filter((p) => p.sources.some(isTableRow) && !betaNames.has(p.name.toLowerCase())).length;
      const betaOwn = beta.properties.filter((q) => q.sources.some(isTableRow) && !v1Names.has(q.name.toLowerCase())).length;
      if (v1Own >= REDESIGN && betaOwn >= REDESIGN) continue;
      // Rows beta's JSON representation has but no table of its page lists: the tables fell behind, not the page.
      const inJson = new Set(betaPages.flatMap((x) => x.doc.resource?.jsonRepresentation?.propertyNames ?? []).map((n) => n.toLowerCase()));
      for (const p of v1.properties) {
        const s = p.sources.find(isTableRow);
        if (!s || betaNames.has(p.name.toLowerCase()) || renamed.has(said(s)) || replaced(p.name) || restated(s.description)) continue;
        // A row whose type v1.0 documents and beta has under no name (see onlyInV1): the type is v1.0's alone, so the row is
        // a version difference, not one beta forgot (beta's Intune tree has no importedWindowsAutopilotDeviceIdentityUpload).
        if (whole && !s.type.primitive && typeOnlyInV1(s.type.name)) continue;
        const what = s.origin === 'relationship' ? 'relationships' : 'properties';
        const json = inJson.has(p.name.toLowerCase());
        const b = betaPage(s.doc.file);
        out.push({
          rule: this.id, severity: this.severity, context: 'cross-version', subject: key, field: `${what}.${p.name}`,
          message: json
            ? `${key}.${p.name} is documented in v1.0; the beta resource page has it in its JSON representation but in none of its tables`
            : `${key}.${p.name}${what === 'relationships' ? ' (a relationship)' : ''} is documented in v1.0 but not on the beta resource page`,
          sides: [sideOf(s.doc, s.src, 'documented'), sideOf(b.doc, b.src, json ? 'JSON representation only' : 'not documented')], args: [p.name],
        });
      }
    }
    return out;
  },
};

/** Rows each version has that the other lacks, from which a type counts as redesigned between the versions. */
const REDESIGN = 3;

/** A beta-only row restates a v1.0 row when at least this share of its words of substance (and at least that many) are the v1.0 row's. */
const RESTATED_SHARE = 0.85;
const RESTATED_MIN_WORDS = 6;

/** What a description says, as a set of words: lower-case, without the words every row has (articles, "Read-only", "Nullable", OData support notes). */
const FILLER = new Set(('a an the of to in on for and or is are be by this that these with as at it its from whether what which who when if '
  + 'value values possible property properties read only nullable not supports supported filter orderby eq ne select expand '
  + 'default null true false required optional returned deprecated use used see').split(' '));
function contentWords(text: string): Set<string> {
  return new Set(text.split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !FILLER.has(w)));
}

/** The description up to "Possible values are" / "Possible values include" (lower-case text; one indexOf, linear). */
function withoutValueList(said: string): string {
  const at = said.search(/possible values (?:are|include)\b/);
  return at < 0 ? said : said.slice(0, at);
}

/** `homeAddress` → ['home', 'address'] (lower-case; string operations, linear). */
function splitCamel(name: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of name) {
    if (ch >= 'A' && ch <= 'Z' && cur) { out.push(cur); cur = ''; }
    cur += ch.toLowerCase();
  }
  if (cur) out.push(cur);
  return out;
}

/** Does `text` hold `word` with no letter or digit on either side? */
function hasWord(text: string, word: string): boolean {
  const isWordChar = (c: string | undefined) => !!c && /[a-z0-9]/.test(c);
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + word.length])) return true;
  }
  return false;
}
