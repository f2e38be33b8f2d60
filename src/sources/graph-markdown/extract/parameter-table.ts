/**
 * What the parameter tables (function, path and query parameters) share: which column describes a row, and the walk over
 * the rows — the shape check, a row without a name named and skipped, each taken row's cells landed, the columns no
 * reader used named, the table's use recorded. Each extractor says only what a row becomes.
 */
import type { Cell, PageContext, TableModel, TableRow } from './context.js';
import { checkRowShape, col } from './context.js';

/**
 * The column that describes a row: Description (Notes, Details); without one, a Value column is the description (beside
 * a description, a Value column is the type: `typeColumn` in property-table.ts); -1 when there is neither.
 */
export function descriptionColumn(t: TableModel): number {
  const described = col(t, /^(description|notes?|details)$/);
  return described >= 0 ? described : col(t, /^values?$/);
}

/**
 * Walks a parameter table's rows. `row` gets each row with a name (backticks, asterisks, backslashes and braces taken
 * off) and its name cell, and says whether it became a fact (a row it refuses — a duplicate — it names itself). `what`:
 * "Query parameters", used in the diagnostics and, in lower case, as the table's reader. `used`: the columns read besides
 * the name (-1 for none).
 */
export function readParameterRows(ctx: PageContext, t: TableModel, what: string, nameCol: number, used: number[], row: (r: TableRow, name: string, nameCell: Cell) => boolean): void {
  const cols = used.filter((i) => i >= 0);
  checkRowShape(ctx, t, what);
  let taken = 0;
  let skipped = 0;
  for (const r of t.rows) {
    const nameCell = r.cells[nameCol];
    const name = (nameCell?.text ?? '').replace(/[`*\\{}]/g, '').trim();
    if (!nameCell || !name) { skipped++; ctx.diag('table-row-empty', 'info', `${what} table has a row without a name`, r.src); ctx.explain(...r.cells); continue; }
    if (!row(r, name, nameCell)) { skipped++; continue; }
    taken++;
    ctx.land(nameCell, ...cols.map((i) => r.cells[i]));
  }
  ctx.ignoreColumns(t, [nameCol, ...cols], what);
  ctx.useTable(t, what.toLowerCase(), taken, 0, skipped);
}
