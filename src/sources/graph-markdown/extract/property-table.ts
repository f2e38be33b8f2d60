/**
 * Rows of a `Property | Type | Description` table (or `Parameter | Type | Description`,
 * `Name | Type | Description`, with or without a Required column) → properties. Group rows
 * (`|**Onboarding**|`) set the group of the rows below; rows that cannot land as properties are
 * reported by name.
 */
import type { Property, Src } from '../ir/schema.js';
import type { PageContext, TableModel } from './context.js';
import { checkRowShape, col } from './context.js';
import { parseTypeCell } from './type-ref.js';
import { requiredCell } from './headers.js';

/**
 * "Read-only", "Read only", "Read Only", "readonly", and the Dynamics pages' "Non-editable." — not a value in backticks
 * (`ReadOnly`) nor the verb ("read only the id"), nor read-only only in some cases ("Read-only when **isBuiltIn** is true",
 * "read only after creation", "Read-only for users synced from on-premises directory"): such a property is written in the
 * other cases (a custom role's description), so a model must not mark it read-only. "Read-only for now" is read-only.
 */
const READ_ONLY_RE = /(?<![`\w])(?:read[- ]?only|non-editable)(?![`\w])(?!\s+the\b)(?!\s+(?:when|if|unless|after|once|except|while|until|for(?!\s+now\b))\b)/gi;
/** Words a description says "is read-only" of when it means the property itself ("This property is read-only", "it is read-only"). */
const SELF = /^(?:property|it|this|value|field|parameter|relationship|collection|attribute|and|also|which|that)$/i;

/**
 * Read-only as READ_ONLY_RE says, unless the sentence says it of something else — a subject before "is"/"are" other
 * than the property itself ("Proprietary scripts are read-only": isGlobalScript) — or in a condition ("`false` if this
 * rule is read-only", "Indicates if the rule is read-only": isReadOnly; "Once set, this property is read-only": written until
 * then). "This propert is read-only" (a typo) and
 * "This setting is read-only" speak of the property.
 */
export function saysReadOnly(description: string): boolean {
  // Any mention that speaks of the property: "These are read-only on the documents. This property is read-only." is read-only.
  for (const m of description.matchAll(READ_ONLY_RE)) {
    const before = description.slice(0, m.index);
    if (/\b(?:if|whether|when|unless)\s+(?:\S+\s+){0,3}(?:is|are)\s+$/i.test(before)) continue;
    // A condition of time leading the sentence ("… can be supplied on creation. … Once set, this property is read-only":
    // schemaExtension's owner): written until then, as "read-only after creation" is.
    if (/^\s*(?:once|after)\b[^,.]*,/i.test(before.slice(before.lastIndexOf('. ') + 1))) continue;
    const subject = /(?:\b(\w+)\s+)?\b(\w+)\s+(?:is|are)\s+$/i.exec(before);
    if (!subject || SELF.test(subject[2]!) || /^this$/i.test(subject[1] ?? '')) return true;
  }
  return false;
}

/**
 * "Required" as a description's own first word ("Required. The name…"), a sentence of its own anywhere (REQUIRED_ALONE),
 * a last sentence "This property is required." or a sentence "It is a required property …". Not a requirement qualified to another situation
 * or about something else: "Required if FileVault is enabled", "This property is required when a user
 * is created. … By default, a strong password is required.", "At least one property (displayName or
 * mailNickname) is required.", "Minutes of inactivity before a password is required."
 */
const REQUIRED_FIRST = /^\s*(?:\*\*)?required(?:\*\*)?(?=\s*(?:[.,;:)\-\u2013\u2014]|$))/i;
const REQUIRED_LAST = /(?:^|[.!?:]\s+)(?:\*\*)?this (?:property|parameter|field|value) is required(?:\*\*)?\.\s*$/i;
/** "Required" as a sentence of its own anywhere: "The unique identifier. Required. Read-only.", "… Alternate key. Required. Not nullable. Supports `$filter`", "A custom ID. (Required)". */
const REQUIRED_ALONE = /(?:^|[.!?:)]\s+)(?:\*\*)?\(?required\)?(?:\*\*)?(?:\.(?:\*\*)?(?=\s|$)|\s*$)/i;
/** "This is a required property." / "It is a required property and is read only after creation." (openIdConnectProvider) / "This is a required value." */
const REQUIRED_SENTENCE = /(?:^|[.!?:]\s*)(?:this|it) is a required (?:property|parameter|field|value)\b/i;
/** "The identity provider type is a required field.", "The **name** property is a required property.": a sentence whose subject ends with the row's own name (namesItselfRequired). */
const NAMED_REQUIRED = /(?:^|[.!?:]\s+)the\s+((?:[\w*`-]+\s+){1,5})is\s+a\s+required\s+(?:property|parameter|field|value)\b/gi;

function namesItselfRequired(name: string, description: string): boolean {
  for (const m of description.matchAll(NAMED_REQUIRED)) {
    const words = m[1]!.trim().split(/\s+/).map((w) => w.replace(/[*`]/g, '').toLowerCase()).filter((w) => w !== 'property');
    if (words.at(-1) === name.toLowerCase()) return true;
  }
  return false;
}

/** A key that says what an asterisk after a name means: "(\* Indicates a mandatory field.)", "* denotes a required property". */
const MANDATORY_KEY = /(?:^|\()\s*\\?\*\s*(?:indicates|denotes|marks|means)\s+(?:an?\s+)?(?:mandatory|required)\b/i;

export function isPropertyTable(t: TableModel): boolean {
  return /^(property|properties|name|parameter|parameters|property name|parameter name|field|member|relationship|relationships|relationship name|navigation property)$/.test(t.columns[0] ?? '') && typeColumn(t) >= 0;
}

/**
 * The column that types a property table's rows: `Type` (or `Data type`, `Value type`); else, beside a description, a
 * `Value` column ("Name | Value | Description" on the OneDrive pages: `parentReference | [ItemReference](…) | Optional. …`,
 * as in Path parameters tables); -1 when there is none.
 */
export function typeColumn(t: TableModel): number {
  const typed = col(t, /^(type|data type|value type)$/);
  if (typed >= 0) return typed;
  return col(t, /^(description|notes?|details)$/) >= 0 ? col(t, /^value$/) : -1;
}

/** What a property row's name cell must read as (after its markup): an identifier, with the characters of annotation and dotted names. */
export const NAME_OK = /^[@$A-Za-z_][\w.@$:#-]*$/;

/** Sentences that make every row of the table below required (each tested on its own: no sentence spans two of them). */
const TABLE_REQUIRED = [
  /\bprovide the following required (?:query )?(?:properties|parameters)\b/i,
  /\b(?:properties|parameters) that are required (?:with|when you call|for) this (?:action|function|method)\b/i,
  /\bthe following (?:properties|parameters) are required\b/i,
];
/** A row that says it is optional or required only under a condition keeps no flag from the sentence above the table. */
const CONDITIONAL = /\b(?:optional|not required|required only|only (?:required|for|when|if)|if not (?:supplied|specified|provided|set)|otherwise)\b/i;

/**
 * Is a row of this table required by the sentence right above it ("In the request body, provide the following required
 * properties.", "In the request URL, provide the following required query parameters with values.") — the row naming no
 * requirement of its own (`own`: requiredFrom of its description) and not tying itself to a condition?
 */
export function requiredByTable(ctx: PageContext, t: TableModel): (own: boolean | null, description: string) => boolean | null {
  const all = proseAbove(ctx, t).some((x) => TABLE_REQUIRED.some((re) => re.test(x)));
  return (own, description) => (own === null && all && !CONDITIONAL.test(description) ? true : own);
}

/** The paragraphs right above the table, up to the heading or the previous table or code block. */
function proseAbove(ctx: PageContext, t: TableModel): string[] {
  const out: string[] = [];
  const kids = ctx.root.children;
  for (let i = t.index - 1; i >= 0; i--) {
    const n = kids[i]!;
    if (n.type === 'paragraph') out.push(ctx.text(n));
    else if (n.type !== 'html') break;
  }
  return out;
}

export function readPropertyTable(ctx: PageContext, t: TableModel, what: string, opts: { keepAnnotations?: boolean; onRemoved?: (name: string, src: Src) => void } = {}): Property[] {
  const out: Property[] = [];
  const nameCol = 0;
  const typeCol = typeColumn(t);
  const descCol = col(t, /^(description|notes?|details)$/);
  const reqCol = col(t, /^(required|optional|is required)\b/);
  checkRowShape(ctx, t, what);
  // "(\* Indicates a mandatory field.)" under the table — a row of its own when no blank line parts them, else a
  // paragraph of the section: a name marked "*" is required (the 2016–19 security alert pages).
  const starKey = t.rows.some((r) => MANDATORY_KEY.test(r.cells[0]?.text ?? ''))
    || ctx.ownContent(t.section).some((n) => n.type === 'paragraph' && MANDATORY_KEY.test(ctx.text(n)));
  // "In the request body, provide the following required properties." / "The following table shows the parameters that
  // are required with this action." in the prose right above the table (no other table between): each row is required
  // unless it says otherwise or ties itself to a condition ("Optional.", "required only for keys of type …", "If not
  // supplied, …"). Not "required when you create" (the Intune pages' template sentence above every property of the type).
  const tableRequired = requiredByTable(ctx, t);
  let group: string | undefined;
  let groupRows = 0;
  let skipped = 0;
  for (const r of t.rows) {
    const nameCell = r.cells[nameCol];
    const filled = r.cells.filter((c) => c.text !== '');
    if (!nameCell || filled.length === 0) { skipped++; ctx.diag('table-row-empty', 'info', `${what} table has an empty row`, r.src); ctx.explain(...r.cells); continue; }
    const typeCell = typeCol >= 0 ? r.cells[typeCol] : undefined;
    if (filled.length === 1 && filled[0] === nameCell && !typeCell?.text) {
      group = nameCell.text.replace(/[*_]/g, '').trim();
      groupRows++;
      ctx.land(nameCell);
      continue;
    }
    // Rows under a group row "_URL parameters_" (2016–19's "## Parameters" tables of open extensions) are parts of the
    // request URL, not of a body or a type.
    if (group !== undefined && /^(?:url|path|query)\s+parameters?$/i.test(group)) {
      skipped++;
      ctx.diag('property-row-not-a-property', 'warning', `${what} row ${JSON.stringify(nameCell.text.slice(0, 60))} stands under the group row "${group}": a parameter of the request URL, not a property; not taken`, r.src);
      ctx.explain(...r.cells);
      continue;
    }
    // `(deprecated)` after the name: the property is kept and flagged.
    const deprecatedInName = /\(\s*deprecated\s*\)/i.test(nameCell.text);
    const name = nameCell.text.replace(/[`*\\]/g, '').replace(/(?<!\s)\s*\(\s*deprecated\s*\)/i, '').replace(/(?<!\s)\s*\((optional|required)\)\s*$/i, '').replace(/(?<!\s)\s*\(\s*deprecated\s*\)/i, '').trim();
    if (!opts.keepAnnotations && /^@?odata\.type$/i.test(name)) {
      // `@odata.type` / `odata.type` rows say which type to send; they are not properties of the type.
      skipped++;
      ctx.diag('property-row-odata-type', 'info', `${what} row ${JSON.stringify(name)} names the OData type annotation, not a property; not taken as a property`, r.src);
      ctx.explain(...r.cells);
      continue;
    }
    if (!NAME_OK.test(name)) {
      skipped++;
      ctx.diag('property-row-not-a-property', 'warning', `${what} row ${JSON.stringify(nameCell.text.slice(0, 60))} does not name a property; not taken`, r.src);
      ctx.explain(...r.cells);
      continue;
    }
    if (!typeCell || typeCell.text === '') {
      ctx.diag('property-type-missing', 'warning', `${what} row ${name} has no type`, r.src);
    }
    const tp = parseTypeCell(typeCell ?? { text: '', raw: '', links: [] });
    if (tp.ambiguous && typeCell?.text) ctx.diag('type-ambiguous', 'info', `${what} row ${name}: ${tp.ambiguous}`, typeCell.src);
    if (tp.described && typeCell?.text) ctx.diag('type-cell-description', 'warning', `${what} row ${name}: the Type cell holds a description before its type (${JSON.stringify(tp.described.slice(0, 80))}); read as ${tp.type.name}, the description kept as a note`, typeCell.src);
    const description = descCol >= 0 ? r.cells[descCol]?.text ?? '' : r.cells.slice(Math.max(typeCol, 0) + 1).map((c) => c.text).join(' ');
    if (/\(deprecated\)/i.test(nameCell.text) && /\b(has been|was|is) removed\b|\bno longer (supported|available|returned)\b/i.test(description)) {
      // A deprecated row that says the property is gone documents its removal, not a property.
      skipped++;
      ctx.diag('property-row-removed', 'info', `${what} row ${name} is marked deprecated and says the property was removed; not taken as a property`, r.src);
      opts.onRemoved?.(name, r.src);
      ctx.explain(...r.cells);
      continue;
    }
    let required: boolean | null = null;
    if (reqCol >= 0) {
      const v = r.cells[reqCol]?.text ?? '';
      required = requiredCell(v);
    } else if (REQUIRED_FIRST.test(description) || REQUIRED_LAST.test(description) || REQUIRED_SENTENCE.test(description) || REQUIRED_ALONE.test(description) || namesItselfRequired(name, description)) required = true;
    else if (/^\s*(\*\*)?optional\b/i.test(description) || /\boptional\.\s*$/i.test(description)) required = false;
    if (/\(optional\)/i.test(nameCell.text) || tp.type.notes?.some((n) => /optional/i.test(n))) required = false;
    required = tableRequired(required, description);
    if (/\(required\)/i.test(nameCell.text) || tp.type.notes?.some((n) => /^\(?required/i.test(n)) || (starKey && /\*\s*$/.test(nameCell.text))) required = true;
    const nullable = /\bnot nullable\b|\bnon-nullable\b/i.test(description) ? false : /\bnullable\b/i.test(description) ? true : null;
    const p: Property = {
      name, type: tp.type, description, required,
      readOnly: saysReadOnly(description),
      nullable, src: nameCell.src,
    };
    if (deprecatedInName || /^\W*deprecated\b/i.test(description) || /\bthis property is deprecated\b/i.test(description)) p.deprecated = true;
    if (group) p.group = group;
    out.push(p);
    ctx.land(nameCell, typeCell, reqCol >= 0 ? r.cells[reqCol] : undefined);
    if (descCol >= 0) ctx.land(r.cells[descCol]);
    else ctx.land(...r.cells.slice(Math.max(typeCol, 0) + 1));
  }
  ctx.ignoreColumns(t, descCol >= 0 ? [nameCol, typeCol, descCol, reqCol].filter((i) => i >= 0) : t.header.map((_, i) => i).filter((i) => i === nameCol || i >= Math.max(typeCol, 0)), what);
  ctx.useTable(t, what, out.length, groupRows, skipped);
  return out;
}
