/**
 * Enumerations: `### x values` tables on resource pages (`Member | Value | Description`, or a
 * single `Member` column), and enum pages ("x enum type") with a member table.
 */
import type { EnumDef } from '../ir/schema.js';
import type { Extractor, TableModel } from './context.js';

/**
 * A member table: its first column is `Member`, `Value`, `Name` …, or the enum's own name with one of those words (`DisplayAs
 * value` under "DisplayAs values", beta personOrGroupColumn.md of 2020-05; label d622).
 */
function isEnumTable(t: TableModel, enumName?: string): boolean {
  const c0 = t.columns[0] ?? '';
  const words = c0.split(/\s+/);
  const named = enumName !== undefined && enumName !== '' && words.length > 1 && /^(?:values?|members?)$/.test(words.at(-1)!) && words.slice(0, -1).join('') === enumName.toLowerCase();
  return (/^(member|members|value|values|name|enum member)$/.test(c0) || named) && !t.columns.some((c) => /^type$/.test(c));
}

/** A member table row's member name, as written without code or bold marks ('' for a row without one). */
const memberName = (r: TableModel['rows'][number]) => (r.cells[0]?.text ?? '').replace(/[`*]/g, '').trim();

/** An enum's name: one word, as a type is named (dots for a namespace). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export const enums: Extractor = {
  name: 'enums',
  extract(ctx, ir) {
    const title = ir.title.h1?.value ?? ir.title.frontMatter?.value ?? '';
    const enumPage = /\benum(eration)?\b/i.test(title);
    for (const s of ctx.sections) {
      const fromHeading = s.kind === 'enum-values';
      if (!fromHeading && !(enumPage && (s.kind === 'title' || s.kind === 'other' || s.kind === 'properties'))) continue;
      const headingName = fromHeading ? s.heading.replace(/(?<!\s)\s+values?$/i, '').replace(/[`*]/g, '').trim() : undefined;
      for (const t of ctx.tables(s)) {
        if (!isEnumTable(t, headingName)) continue;
        // A table under a nested "### y values" heading is that section's enum (printercapabilities.md nests every enum
        // under the first one's H2), read when its own section comes: not a second table of this one.
        const inner = ctx.sectionAt(t.index);
        if (inner !== s && inner?.kind === 'enum-values') continue;
        let name = headingName ?? title.replace(/(?<!\s)\s+enum(eration)?( type)?$/i, '').trim();
        // A page of several enums titled in words ("Enum values"): a table under a heading that is a name
        // ("### conditionalAccessPolicyState", no "values") is that enum's.
        const heading = s.heading.replace(/[`*]/g, '').trim();
        if (!fromHeading && !IDENTIFIER.test(name) && s.kind !== 'title' && IDENTIFIER.test(heading)) name = heading;
        if (!IDENTIFIER.test(name)) {
          // "### State enumeration values" (quota.md: the values of its String property state): words, not a type's name.
          ctx.diag('enum-name-not-a-type', 'info', `The member table under ${JSON.stringify(s.heading)} names no type (${JSON.stringify(name)} is not a name); its ${t.rows.length} row(s) are not an enum of the model`, t.src);
          for (const r of t.rows) ctx.explain(...r.cells);
          ctx.useTable(t, 'enum members', 0, 0, t.rows.length);
          continue;
        }
        const first = ir.enums.find((e) => e.name === name);
        if (first) {
          // The same enum's table again (beta enums.md documents riskLevel twice): the first is the enum; this one's member
          // names are kept beside it (enum-members-differ compares them) and named with how they differ from the first's.
          const names = t.rows.map(memberName).filter((m) => m !== '');
          const had = new Set(first.members.map((m) => m.name));
          const added = names.filter((m) => !had.has(m));
          const lacks = first.members.map((m) => m.name).filter((m) => !names.includes(m));
          const diff = added.length || lacks.length
            ? `its members differ: ${[added.length ? `it adds ${added.join(', ')}` : '', lacks.length ? `it lacks ${lacks.join(', ')}` : ''].filter(Boolean).join('; ')}`
            : `the same ${names.length} member(s)`;
          ctx.diag('enum-defined-again', 'info', `Enum ${name} is documented again (first at line ${first.src.line}); its member names are kept beside the first table's, not merged — ${diff}`, t.src);
          (first.again ??= []).push({ members: names, src: t.src });
          for (const r of t.rows) { ctx.land(r.cells[0]); ctx.explain(...r.cells.slice(1)); }
          ctx.useTable(t, 'enum members', names.length, 0, t.rows.length - names.length);
          continue;
        }
        const valueCol = t.columns.findIndex((c, i) => i > 0 && /^value$/.test(c));
        const descCol = t.columns.findIndex((c) => /description/.test(c));
        const def: EnumDef = { name, members: [], src: t.src };
        let skipped = 0;
        for (const r of t.rows) {
          const m = memberName(r);
          if (!m) { skipped++; ctx.diag('table-row-empty', 'info', `Enum ${name} table has a row without a member`, r.src); ctx.explain(...r.cells); continue; }
          const member: EnumDef['members'][number] = { name: m, description: descCol >= 0 ? r.cells[descCol]?.text ?? '' : '', src: r.cells[0]!.src };
          if (valueCol >= 0 && r.cells[valueCol]?.text) member.value = r.cells[valueCol]!.text;
          def.members.push(member);
          ctx.land(r.cells[0], valueCol >= 0 ? r.cells[valueCol] : undefined, descCol >= 0 ? r.cells[descCol] : undefined);
        }
        ctx.ignoreColumns(t, [0, valueCol, descCol].filter((i) => i >= 0), `Enum ${name}`);
        ir.enums.push(def);
        ctx.useTable(t, 'enum members', def.members.length, 0, skipped);
      }
    }
  },
};
