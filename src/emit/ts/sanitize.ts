/**
 * Structural collisions in the generated TypeScript, resolved by fixed rules so that the output
 * always compiles (`tsc --strict`), each resolution named by a diagnostic:
 *
 * - **File names**: a namespace's file is its name with every character outside `[A-Za-z0-9._-]`
 *   written `~HH` (so `a b` and `a_b` stay apart); a namespace whose file would be one the
 *   emitter writes itself (`operations.ts`, `index.ts`, any case; or no name at all) gets `~ns`
 *   appended (`ts-namespace-file-renamed`); namespaces that differ only in case share one
 *   spelling (the first met), so no two files differ only in case.
 * - **Inheritance cycles** (A extends B extends A): every type on the cycle is emitted without
 *   `extends` and with all its own properties (`type-inheritance-cycle`).
 * - **Bases that are not interfaces** (a resource that names an enum as its base): no `extends`
 *   (`type-base-not-interface`).
 * - **Import aliases** never take the name of an enum's values constant (`colorValues`): the
 *   alias gets a number, as two namespaces with the same last segment already do.
 * - **Duplicate member names** (`{id}` twice, or `id`, `id` and a real `id_2`): the later ones
 *   get the first free `_N` suffix (`member-name-renamed` for path parameters).
 */
import type { ApiVersion, Diagnostic, Src } from '../../model/schema.js';
import type { EnumModel, TypeModel } from '../../model/types.js';
import { fitFileName } from '../../util/file-name.js';

const EMITTER_FILES = new Set(['operations', 'index']);

/** The file (under models/<version>/) of a namespace. */
export function namespaceFile(ns: string): string {
  const safe = ns.replace(/[^A-Za-z0-9._-]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `~${code.toString(16).padStart(2, '0')}` : `~u${code.toString(16).padStart(4, '0')}`;
  });
  // `~ns` cannot come out of the encoding above (`~` is always followed by hex digits or `u`).
  const base = safe === '' || safe === '.' || safe === '..' ? `${safe}~ns` : safe;
  // A long namespace (or one of many encoded characters) is cut and marked `~~<digest>` (fitFileName).
  return fitFileName(EMITTER_FILES.has(base.toLowerCase()) ? `${base}~ns` : base, '.ts');
}

/** Diagnostics for namespaces whose file had to be renamed (one per namespace, at its first source). */
export function namespaceFileDiagnostics(version: ApiVersion, types: TypeModel[], enums: EnumModel[]): Diagnostic[] {
  const firstSrc = new Map<string, Src>();
  for (const t of types) if (!firstSrc.has(t.namespace) && t.sources[0]) firstSrc.set(t.namespace, t.sources[0].src);
  for (const e of enums) if (!firstSrc.has(e.namespace) && e.sources[0]) firstSrc.set(e.namespace, e.sources[0].src);
  const out: Diagnostic[] = [];
  for (const [ns, src] of [...firstSrc.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const file = namespaceFile(ns);
    if (file.endsWith('~ns.ts') || file.includes('~~')) out.push({ rule: 'ts-namespace-file-renamed', severity: 'info', message: `Namespace ${JSON.stringify(ns)} (${version}) would be written to a file name the emitter uses itself or cannot use${file.includes('~~') ? ' (too long)' : ''}; it is written to ${file}`, src });
  }
  return out;
}

/**
 * Types whose `extends` is dropped: those on an inheritance cycle and those whose base is not
 * an interface. `baseOf` resolves a type's base the way the emitter does (undefined: no base,
 * or a base the emitter makes a placeholder interface for).
 */
export function brokenBases<T extends TypeModel>(
  types: T[], baseOf: (t: T) => { type?: T; isInterface: boolean } | undefined, version: ApiVersion,
): { dropped: Set<T>; diagnostics: Diagnostic[] } {
  const dropped = new Set<T>();
  const diagnostics: Diagnostic[] = [];
  const state = new Map<T, 'open' | 'done'>();
  for (const start of types) {
    if (state.has(start)) continue;
    const path: T[] = [];
    let cur: T | undefined = start;
    while (cur && !state.has(cur)) {
      state.set(cur, 'open');
      path.push(cur);
      const b = baseOf(cur);
      if (b && !b.isInterface) {
        dropped.add(cur);
        diagnostics.push({ rule: 'type-base-not-interface', severity: 'warning', message: `${cur.name} (${version}) names ${cur.baseType!.name} as its base, which is not an entity or complex type; it is emitted without extends`, src: cur.baseType!.src });
        break;
      }
      cur = b?.type;
    }
    if (cur && state.get(cur) === 'open') {
      const cycle = path.slice(path.indexOf(cur));
      if (cycle.length > 1 || cycle[0]!.baseType) {
        const names = cycle.map((t) => t.name);
        for (const t of cycle) {
          if (dropped.has(t)) continue;
          dropped.add(t);
          if (cycle.length > 1 || t.baseType!.name.toLowerCase() !== t.name.toLowerCase()) {
            diagnostics.push({ rule: 'type-inheritance-cycle', severity: 'warning', message: `${t.name} (${version}) is on an inheritance cycle (${[...names, names[0]].join(' → ')}); it is emitted without extends, with all its own properties`, src: t.baseType!.src });
          }
        }
      }
    }
    for (const t of path) state.set(t, 'done');
  }
  return { dropped, diagnostics };
}

/** Member names made unique: a later duplicate gets the first `_N` (N ≥ 2) no other member has. */
export function uniqueNames(names: string[]): string[] {
  const taken = new Set(names);
  const used = new Set<string>();
  return names.map((n) => {
    if (!used.has(n)) { used.add(n); return n; }
    let k = 2;
    while (used.has(`${n}_${k}`) || taken.has(`${n}_${k}`)) k++;
    const name = `${n}_${k}`;
    used.add(name);
    return name;
  });
}

/** An import alias not already used and not the name of a values constant. */
export function freeAlias(base: string, used: Iterable<string>, reserved: Set<string>): string {
  const u = new Set(used);
  let a = base;
  for (let i = 2; u.has(a) || reserved.has(a); i++) a = `${base}${i}`;
  return a;
}
