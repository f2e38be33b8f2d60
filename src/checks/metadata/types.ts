/** Metadata rules, their findings and the indexes they read. */
import { endsWithName, misspellingDistance, nameMiss, pairClosest } from '../../util/words.js';
import { singular } from '../../model/identity.js';
import type { Severity } from '../../model/schema.js';
import type { Csdl, CsdlEnum, CsdlNavigation, CsdlOperation, CsdlProperty, CsdlStructuredType, CsdlTypeRef } from './service-side.js';
import type { ScopeCatalogue } from './service-side.js';
import type { DocsProperty, DocsSide, DocsType, DocsTypeRef, DSrc } from './docs-side.js';

export interface MetadataSide {
  /** The metadata file (as given), the element (`EntityType user/Property accountEnabled`), its line and value. */
  file: string;
  element: string;
  line: number;
  value: string;
}

export interface MetadataFinding {
  rule: string;
  severity: Severity;
  /** Type, operation key or permission name. */
  subject: string;
  field: string;
  message: string;
  docs?: DSrc & { value: string };
  metadata?: MetadataSide;
  /** A documented policy that classifies this finding (e.g. `edm-stream`), see README. */
  policy?: string;
  fingerprint: string;
}

/**
 * Policies under which a rule's drafts are counted, not reported: what the comparison cannot tell from the metadata at
 * hand, each class judged false on the labelled sample of the 2020-05 comparison before it went
 * (test/precision/labels/metadata-*.jsonl, session 28: not-in-catalogue 12 of 12, catalogue-lacks-family 28 of 28,
 * workbook-functions 10 of 14, unreferenced-type 3 of 4; the other two classes from the pages the false findings rested on;
 * session 29: instance-annotation 1 of 1, documented-derived-type 1 of 1, workbook-functions' container and navigation 2 of 2).
 * The summary counts them under `notReported`, with this reason; `about` is the
 * metadata file the class is about (where `check` puts its `metadata-not-reported` diagnostic).
 */
export const UNREPORTED_POLICIES: Record<string, { about: 'csdl' | 'scopes'; reason: string }> = {
  'not-in-catalogue': { about: 'scopes', reason: 'well-formed permission names that are no near miss of a catalogue name: the catalogue lacks them (Schedule.ReadWrite.All, GroupMember.Read.All, …), it cannot tell whether the name exists' },
  'catalogue-lacks-family': { about: 'scopes', reason: 'a permission documented under a type (application or delegated) for which the catalogue lists no permission of its family (DeviceManagementApps.* as Application): the catalogue cannot tell whether the service grants it that way' },
  'namespace-not-in-csdl': { about: 'csdl', reason: 'types of a namespace the CSDL file refers to but does not contain (microsoft.graph.callRecords in the 2020-05 beta file): not compared, neither as missing nor by a type of the same name in microsoft.graph' },
  'catalogue-lacks-delegated': { about: 'scopes', reason: 'a permission documented as delegated that the catalogue lists only as Application (AccessReview.ReadWrite.Membership on the access-review pages): the catalogue\'s delegated lists lag the service — of 9 such findings labelled, none was a docs error' },
  'catalogue-contradicts-itself': { about: 'scopes', reason: 'a permission type the catalogue gives a scope whose own description in the catalogue says the other kind (a record under Application reading "the signed-in user\'s mailbox")' },
  'unreferenced-type': { about: 'csdl', reason: 'types no API reaches (not an entity set or singleton, nor a parameter or return type — a binding alone reaches nothing —, nor the type of a property, navigation or base type of a type reached, nor derived from one reached, entity aside): no page could document them' },
  'empty-base-type': { about: 'csdl', reason: 'types reached only as the base type of reached types that declare no property or navigation property of their own (beta educationSynchronizationCustomizationsBase): no payload holds anything of theirs, the derived types\' pages document all there is' },
  'workbook-functions': { about: 'csdl', reason: 'Excel worksheet functions bound to workbookFunctions, their container type workbookFunctions and the navigation property workbook.functions that reaches them: the docs document them all at once, by one syntax (POST /workbook/functions/{function-name}) in a section of the workbook resource page of its own' },
  'instance-annotation': { about: 'csdl', reason: 'rows of a property table named as an OData instance annotation (@odata.etag, @odata.type): control information of the payload, never a property of a CSDL type' },
  'documented-misspelled': { about: 'csdl', reason: 'a member the service declares that the type\'s table documents under a misspelled name (hostSecurityState.isAzureAdJoined as isAzureAadJoined, signIn.appliedConditionalAccessPolicies as appliedConditionalAccessPolicy): reported once, by metadata-property-missing on the misspelled row, which names the service\'s member' },
  'property-values': { about: 'csdl', reason: 'an enum the docs name after a String property of a type documented on the same page ("autoAdmittedUsers values" under onlineMeeting.autoAdmittedUsers | String): the list of that property\'s values, not a type the service should declare; so is one named after a String parameter the page describes ("## Size values" under the path parameter `size | string`)' },
  'documented-misnamed': { about: 'csdl', reason: 'a type the docs document under another name — its plural (the Dynamics pages name theirs after the navigation property: countriesRegions for countryRegion) or without the prefix the service\'s name has (formatProtection for workbookFormatProtection): reported once, by metadata-type-missing on the page, which names the service\'s type' },
  'open-type-dynamic': { about: 'csdl', reason: 'a property documented on a type the service declares open (OpenType="true") and the page says in a sentence is open ("This is an OData open type …", "additional properties may be present …"): a dynamic property the metadata allows, not one it lacks' },
  'open-type-bag': { about: 'csdl', reason: 'a property the docs type as a free-form object (Object) where the service declares an open type with no member of its own or of a base type (externalItem.properties: graph.properties): the same property bag, named, not another type' },
  'documented-derived-type': { about: 'csdl', reason: 'a property documented with a type derived from the type the service declares (call.mediaConfig as appHostedMediaConfig or serviceHostedMediaConfig, the derived types of the abstract mediaConfig): a value of the derived type is a value of the declared one, so the docs are narrower, not contradicting it' },
};

/** The Excel worksheet functions' container type (see policy workbook-functions). */
export const WORKBOOK_FUNCTIONS = 'microsoft.graph.workbookFunctions';

/** A property-table row named as an OData instance annotation (`@odata.etag`): no CSDL type has it (policy instance-annotation). */
export function isInstanceAnnotation(name: string): boolean {
  return name.startsWith('@');
}

export type MetadataFindingDraft = Omit<MetadataFinding, 'fingerprint' | 'severity'> & { severity?: Severity; args?: string[] };

export interface MetadataExample {
  /** The docs side (only the parts the rule reads). */
  docs: Partial<DocsSide>;
  /** CSDL `<Schema>` content (and `<EntityContainer>`), namespace microsoft.graph, alias graph. */
  csdl: string;
  /** Scope catalogue entries as `Type:Name` (DelegatedWork:User.Read). */
  scopes?: string[];
}

export interface MetadataRule {
  id: string;
  severity: Severity;
  summary: string;
  description: string;
  example: { before: MetadataExample; after: MetadataExample };
  check(ctx: MetadataContext): MetadataFindingDraft[];
}

/** Docs and metadata, indexed for the rules. Names compare case-insensitively (OData URLs and the docs do). */
export interface MetadataContext {
  docs: DocsSide;
  csdl: Csdl;
  scopes?: ScopeCatalogue;
  /** CSDL structured type a docs type is (qualified name first, then local name). */
  csdlType(namespace: string, name: string): CsdlStructuredType | undefined;
  csdlEnum(namespace: string, name: string): CsdlEnum | undefined;
  /** A namespace below one the CSDL file declares that the file does not contain (its types cannot be compared). */
  namespaceAbsent(namespace: string): boolean;
  /** By qualified name. */
  typeByQName(q: string): CsdlStructuredType | undefined;
  /** The type and its ancestors, nearest first. */
  ancestors(t: CsdlStructuredType): CsdlStructuredType[];
  /** A structural or navigation property of the type or an ancestor. */
  member(t: CsdlStructuredType, name: string): { property?: CsdlProperty; navigation?: CsdlNavigation; declaredOn: CsdlStructuredType } | undefined;
  operationsNamed(name: string): CsdlOperation[];
  /** The docs type with that name (same version), and its documented ancestors. */
  docsType(name: string): DocsType | undefined;
  docsAncestors(t: DocsType): DocsType[];
  /** Every property name a docs type documents itself or through its documented ancestors. */
  docsMemberNames(t: DocsType): Set<string>;
}

export function localName(q: string): string {
  return q.slice(q.lastIndexOf('.') + 1);
}

/** Comparable form of a type: local name, lower case (`Edm.String` and `String` → `string`). */
export function typeKey(name: string): string {
  return localName(name).toLowerCase();
}

export function csdlTypeText(t: CsdlTypeRef): string {
  return t.collection ? `Collection(${t.name})` : t.name;
}

export function docsTypeText(t: DocsTypeRef): string {
  return `${t.name}${t.collection ? ' collection' : ''}`;
}

export function docsValue(p: DocsProperty): string {
  return `${p.name}: ${docsTypeText(p.type)}${p.nullable === false ? ' (not nullable)' : ''}${p.navigation ? ' (relationship)' : ''}`;
}

export function element(t: CsdlStructuredType, member?: string, tag = 'Property'): string {
  return `${t.kind === 'entity' ? 'EntityType' : 'ComplexType'} ${t.namespace}.${t.name}${member ? `/${tag} ${member}` : ''}`;
}

/** A CSDL member found for a documented property (MetadataContext.member). */
export type CsdlMember = NonNullable<ReturnType<MetadataContext['member']>>;

/**
 * Every documented property of every documented type the service declares, with the CSDL member of that name on the
 * type or an ancestor (undefined when it has none): the loop the property rules share.
 */
export function* documentedProperties(ctx: MetadataContext): Generator<{ t: DocsType; ct: CsdlStructuredType; p: DocsProperty; m: CsdlMember | undefined }> {
  for (const t of ctx.docs.types) {
    const ct = ctx.csdlType(t.namespace, t.name);
    if (!ct) continue;
    for (const p of t.properties) yield { t, ct, p, m: ctx.member(ct, p.name) };
  }
}

/** The metadata side of a finding about a member: the element that declares it (on the type or the ancestor that does), its line, and `value`. */
export function memberSide(ctx: MetadataContext, m: CsdlMember, value: string): MetadataSide {
  const x = m.property ?? m.navigation!;
  return { file: ctx.csdl.file, element: element(m.declaredOn, x.name, m.property ? 'Property' : 'NavigationProperty'), line: x.line, value };
}

/** Every documented type the service declares, with the CSDL type and the member names the docs give it (its documented ancestors' included). */
export function* declaredTypes(ctx: MetadataContext): Generator<{ t: DocsType; ct: CsdlStructuredType; documented: Set<string> }> {
  for (const t of ctx.docs.types) {
    const ct = ctx.csdlType(t.namespace, t.name);
    if (ct) yield { t, ct, documented: ctx.docsMemberNames(t) };
  }
}

/** A documented type the service declares under another name, and how the names differ (see misnamedTypes). */
export interface MisnamedType {
  csdl: CsdlStructuredType;
  /**
   * `plural`: every camel-cased word of the docs name in the plural; `prefix`: the service's name has a prefix the docs name
   * lacks; `docs-prefix`: the docs name has a prefix the service's lacks.
   */
  how: 'plural' | 'prefix' | 'docs-prefix';
  /** `docs-prefix` for a type that declares no member: the property (`owner.name`) the service types with it and the docs with the docs type. */
  via?: string;
}

/** Computed once per comparison (see misnamedTypes). */
const misnamedMemo = new WeakMap<MetadataContext, { byDocs: Map<DocsType, MisnamedType>; byCsdl: Map<CsdlStructuredType, DocsType> }>();

/**
 * Documented types the service declares under another name, paired with that type: every camel-cased word of the docs
 * name in the plural, as the Dynamics pages name theirs after the navigation property (beta "countriesRegions resource
 * type", the CSDL's countryRegion; label b876), or the service's name with a prefix the docs name lacks — one type of that
 * ending only (beta formatprotection.md's formatProtection, the CSDL's workbookFormatProtection, b829; "policy" ends ten
 * names and pairs with none). Only a docs type whose own name the service lacks, a CSDL type no page documents under its
 * name, and at least half of the page's property rows (two or more) members of it.
 * Or the other way, the docs name with a prefix the service's lacks — the longest such CSDL name (beta's Intune pages name
 * the CSDL's runSchedule, dailySchedule and hourlySchedule deviceHealthScriptRunSchedule, …DailySchedule, …HourlySchedule;
 * label b1427) — when the page lists every member the service's type declares (one or more: the docs may be ahead), or,
 * for a type that declares none, a property the service types with it is typed with the docs type on its owner's page
 * (deviceHealthScriptAssignment.runSchedule); and no other docs type names it so.
 */
export function misnamedTypes(ctx: MetadataContext): { byDocs: Map<DocsType, MisnamedType>; byCsdl: Map<CsdlStructuredType, DocsType> } {
  let m = misnamedMemo.get(ctx);
  if (m) return m;
  m = { byDocs: new Map(), byCsdl: new Map() };
  misnamedMemo.set(ctx, m);
  const documented = new Set(ctx.docs.types.map((t) => t.name.toLowerCase()));
  const undocumented = ctx.csdl.types.filter((c) => !documented.has(c.name.toLowerCase()));
  const prefixedByDocs = new Map<DocsType, MisnamedType>();
  for (const t of ctx.docs.types) {
    if (ctx.csdlType(t.namespace, t.name) || ctx.csdlEnum(t.namespace, t.name) || ctx.namespaceAbsent(t.namespace)) continue;
    const singularName = t.name.split(/(?=[A-Z])/).map(singular).join('');
    const plural = singularName.toLowerCase() !== t.name.toLowerCase() && !documented.has(singularName.toLowerCase()) ? ctx.csdlType(t.namespace, singularName) : undefined;
    const prefixed = plural ? [] : undocumented.filter((c) => endsWithName(c.name, t.name));
    const found: MisnamedType | undefined = plural ? { csdl: plural, how: 'plural' } : prefixed.length === 1 ? { csdl: prefixed[0]!, how: 'prefix' } : undefined;
    if (!found) {
      const shorter = docsPrefixed(ctx, t, undocumented);
      if (shorter) prefixedByDocs.set(t, shorter);
      continue;
    }
    if (m.byCsdl.has(found.csdl)) continue;
    const rows = t.properties.filter((p) => !isInstanceAnnotation(p.name));
    const members = rows.filter((p) => ctx.member(found.csdl, p.name)).length;
    if (members < 2 || members * 2 < rows.length) continue;
    m.byDocs.set(t, found);
    m.byCsdl.set(found.csdl, t);
  }
  // A service type two docs types would both name with a prefix (…Entity for entity) pairs with neither.
  const claims = new Map<CsdlStructuredType, number>();
  for (const x of prefixedByDocs.values()) claims.set(x.csdl, (claims.get(x.csdl) ?? 0) + 1);
  for (const [t, x] of prefixedByDocs) {
    if (claims.get(x.csdl) !== 1 || m.byCsdl.has(x.csdl)) continue;
    m.byDocs.set(t, x);
    m.byCsdl.set(x.csdl, t);
  }
  return m;
}

/** The undocumented CSDL type the docs type names with a prefix, when the evidence misnamedTypes describes holds. */
function docsPrefixed(ctx: MetadataContext, t: DocsType, undocumented: CsdlStructuredType[]): MisnamedType | undefined {
  const name = t.name.toLowerCase();
  const c = undocumented
    .filter((x) => endsWithName(t.name, x.name))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!c) return undefined;
  const own = [...c.properties, ...c.navigation].map((x) => x.name.toLowerCase());
  if (own.length) {
    const rows = new Set(t.properties.map((p) => p.name.toLowerCase()));
    return own.every((x) => rows.has(x)) ? { csdl: c, how: 'docs-prefix' } : undefined;
  }
  const q = `${c.namespace}.${c.name}`.toLowerCase();
  for (const owner of ctx.csdl.types) {
    for (const x of [...owner.properties, ...owner.navigation]) {
      if (x.type.name.toLowerCase() !== q) continue;
      const row = ctx.docsType(owner.name)?.properties.find((p) => p.name.toLowerCase() === x.name.toLowerCase());
      if (row && row.type.name.toLowerCase() === name) return { csdl: c, how: 'docs-prefix', via: `${owner.name}.${x.name}` };
    }
  }
  return undefined;
}

/** A type's misspelled rows and the members they stand for (see misspelledRows). */
export interface Misspelled {
  /** Row name (lower case) → the member it stands for. */
  byRow: Map<string, { name: string; navigation: boolean; line: number; type: CsdlTypeRef; how: Misspelling }>;
  /** Member name (lower case) → the row that documents it under another name. */
  byMember: Map<string, DocsProperty>;
}

/**
 * How a row's name misses its member's: a misspelling (edits, singular for plural), one camel-cased word short or over, or
 * the plural with a collection for a single member (`plural-collection`) or the singular, single, for a collection (`single`).
 */
export type Misspelling = 'misspelled' | 'word-short' | 'word-over' | 'plural-collection' | 'single';

/** Computed once per comparison and type, for the three rules that read it. */
const misspelledMemo = new WeakMap<MetadataContext, Map<DocsType, Misspelled>>();

/**
 * The rows of a documented type whose names the service does not have, paired with the members the type declares
 * itself that no row documents, when the names are one misspelling apart — an edit or two (one below 8 letters), or a
 * singular for a plural (-s, -y/-ies) — or one camel-cased word apart at the end (the row `pageLayout` for sitePage's
 * `pageLayoutType`, label b619), and the row gives the member's type (local name) and cardinality. Each row and member
 * in one pair at most, the closest first (misspellings before a word apart; ties by name).
 */
export function misspelledRows(ctx: MetadataContext, t: DocsType, ct: CsdlStructuredType): Misspelled {
  let byType = misspelledMemo.get(ctx);
  if (!byType) misspelledMemo.set(ctx, (byType = new Map()));
  let m = byType.get(t);
  if (!m) byType.set(t, (m = pairMisspelled(ctx, t, ct)));
  return m;
}

function pairMisspelled(ctx: MetadataContext, t: DocsType, ct: CsdlStructuredType): Misspelled {
  const byRow: Misspelled['byRow'] = new Map();
  const byMember: Misspelled['byMember'] = new Map();
  const documented = ctx.docsMemberNames(t);
  const members = [...ct.properties.map((x) => ({ ...x, navigation: false })), ...ct.navigation.map((x) => ({ ...x, navigation: true }))].filter((x) => !documented.has(x.name.toLowerCase()));
  const rows = t.properties.filter((p) => !isInstanceAnnotation(p.name) && !ctx.member(ct, p.name));
  if (!members.length || !rows.length) return { byRow, byMember };
  const pairs: { d: number; a: string; b: string; how: Misspelling; row: DocsProperty; m: (typeof members)[number] }[] = [];
  for (const row of rows) for (const m of members) {
    // The same type and cardinality (schedule.workforceintegrations, workforceIntegration entities, is not workforceIntegrationIds, strings).
    if (typeKey(row.type.name) !== typeKey(m.type.name)) continue;
    if (row.type.collection !== m.type.collection) {
      // Or the plural of the member's name with a collection of its type, the member single (printer's row `shares |
      // printerShare collection` for the service's `share`, one printerShare; label b828), or the other way round: the row
      // is the member named and counted as another.
      const [one, many] = row.type.collection ? [m.name, row.name] : [row.name, m.name];
      if (misspellingDistance(one.toLowerCase(), many.toLowerCase()) === 0 && many.length > one.length) pairs.push({ d: 1, a: row.name, b: m.name, how: row.type.collection ? 'plural-collection' : 'single', row, m });
      continue;
    }
    const miss = nameMiss(row.name, m.name);
    if (miss) pairs.push({ d: miss.d, a: row.name, b: m.name, how: miss.how === 'misspelled' ? 'misspelled' : miss.how === 'short' ? 'word-short' : 'word-over', row, m });
  }
  for (const { row, m, how } of pairClosest(pairs)) {
    byRow.set(row.name.toLowerCase(), { name: m.name, navigation: m.navigation, line: m.line, type: m.type, how });
    byMember.set(m.name.toLowerCase(), row);
  }
  return { byRow, byMember };
}

