/**
 * ts-morph, loaded on first use. Loading it costs about 0.3 s — more than a whole build that finds
 * nothing changed — and only the TypeScript emitter needs it, so the modules that print TypeScript
 * ask for it here instead of importing it at the top.
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

let loaded: typeof TsMorph | undefined;

export function tsMorph(): typeof TsMorph {
  if (!loaded) {
    const m = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;
    // The kinds below stand for ts-morph's own: a version that numbers them otherwise must not print a wrong file.
    for (const [name, value] of Object.entries(StructureKind)) {
      if (m.StructureKind[name as keyof typeof StructureKind] !== value) throw new Error(`internal error: ts-morph's StructureKind.${name} is ${m.StructureKind[name as keyof typeof StructureKind]}, not ${value} (src/emit/ts/ts-morph.ts)`);
    }
    loaded = m;
  }
  return loaded;
}

/** Is ts-morph loaded in this thread already (a watch's later builds: printing here costs no load)? */
export function tsMorphLoaded(): boolean {
  return loaded !== undefined;
}

/**
 * The structure kinds the emitter builds, without loading ts-morph: a rebuild whose TypeScript texts all
 * come from the print memo (a page edit that changes no type) never needs it. Checked against ts-morph's
 * own enum when it is loaded to print (tsMorph above) and by test/ts-collisions.test.ts.
 */
export const StructureKind = {
  SourceFile: 36 as TsMorph.StructureKind.SourceFile,
  Interface: 19 as TsMorph.StructureKind.Interface,
  TypeAlias: 38 as TsMorph.StructureKind.TypeAlias,
  VariableStatement: 41 as TsMorph.StructureKind.VariableStatement,
  ImportDeclaration: 16 as TsMorph.StructureKind.ImportDeclaration,
  ExportDeclaration: 11 as TsMorph.StructureKind.ExportDeclaration,
} as const;
