/**
 * merged API model → TypeScript, one model tree per API version:
 *   models/<version>/<namespace>.ts   interfaces (entity and complex types), enums (union + readonly array)
 *   models/<version>/operations.ts    the typed operation map
 *   models/<version>/index.ts         re-exports (other namespaces as `export * as <alias>`)
 * Built with ts-morph structures, one createSourceFile per output file.
 *
 * Type policy where sources disagree: resource pages first, then JSON representation, then
 * request-body tables; among those, the type most sources give; ties go to the first source in
 * path order. The JSDoc names the disagreement.
 */
import { Project, StructureKind, type InterfaceDeclarationStructure, type PropertySignatureStructure, type StatementStructures, type JSDocStructure, type OptionalKind, type JSDocTagStructure } from 'ts-morph';
import type { ApiVersion, Diagnostic, Src, TypeRef } from '../../ir/schema.js';
import type { ApiModel, EnumModel, MergedProperty, PropertySource, TypeModel } from '../../model/types.js';
import { DEFAULT_NAMESPACE } from '../../model/merge.js';
import { compareStr } from '../../util/order.js';
import { docText, propertyName, stringLiteral, typeIdentifier, valueIdentifier } from './safe.js';
import { edmToTs } from './edm.js';
import { operationStatements } from './operations.js';

export interface EmitResult {
  /** Relative path (under models/) → file text. */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

export const ORIGIN_RANK: Record<PropertySource['origin'], number> = { resource: 0, relationship: 0, 'json-representation': 1, 'request-body': 2 };

interface Declared {
  namespace: string;
  identifier: string;
  kind: 'interface' | 'enum' | 'placeholder';
}

/** Names declared in one version, and the statements of each namespace file. */
export class VersionScope {
  readonly declared = new Map<string, Declared>();
  readonly byNamespace = new Map<string, Map<string, StatementStructures>>();
  readonly imports = new Map<string, Map<string, Set<string>>>();
  readonly diagnostics: Diagnostic[] = [];
  private used = new Map<string, Set<string>>();

  constructor(readonly version: ApiVersion) {}

  private key(ns: string, name: string): string { return `${ns.toLowerCase()}|${name.toLowerCase()}`; }

  declare(ns: string, name: string, kind: Declared['kind']): Declared {
    const k = this.key(ns, name);
    const existing = this.declared.get(k);
    if (existing) return existing;
    let used = this.used.get(ns);
    if (!used) { used = new Set(); this.used.set(ns, used); }
    let id = typeIdentifier(name);
    for (let i = 2; used.has(id); i++) id = `${typeIdentifier(name)}${i}`;
    used.add(id);
    const d = { namespace: ns, identifier: id, kind };
    this.declared.set(k, d);
    return d;
  }

  find(name: string, preferNs: string, explicitNs?: string): Declared | undefined {
    if (explicitNs) return this.declared.get(this.key(explicitNs, name));
    return this.declared.get(this.key(preferNs, name)) ?? this.declared.get(this.key(DEFAULT_NAMESPACE, name))
      ?? [...this.declared.entries()].filter(([k]) => k.endsWith('|' + name.toLowerCase())).sort((a, b) => compareStr(a[0], b[0]))[0]?.[1];
  }

  statements(ns: string): Map<string, StatementStructures> {
    let m = this.byNamespace.get(ns);
    if (!m) { m = new Map(); this.byNamespace.set(ns, m); }
    return m;
  }

  /** The identifier to use for `d` inside namespace file `fromNs` (importing it when it lives elsewhere). */
  ref(d: Declared, fromFile: string): string {
    const file = fileOfNamespace(d.namespace);
    if (file === fromFile) return d.identifier;
    let m = this.imports.get(fromFile);
    if (!m) { m = new Map(); this.imports.set(fromFile, m); }
    let s = m.get(file);
    if (!s) { s = new Set(); m.set(file, s); }
    s.add(d.identifier);
    return d.identifier;
  }

  /** Resolve a documented type reference to TS text, creating a placeholder (and a diagnostic) for an undefined type. */
  tsType(t: TypeRef, fromNs: string, fromFile: string, src: Src): { text: string; format?: string } {
    let base: string;
    let format: string | undefined;
    if (t.primitive) {
      const p = edmToTs(t.name);
      base = p.ts;
      format = p.format;
    } else {
      let d = this.find(t.name, fromNs, t.namespace);
      if (!d) {
        d = this.declare(t.namespace ?? fromNs, t.name, 'placeholder');
        this.statements(d.namespace).set(d.identifier, {
          kind: StructureKind.Interface, name: d.identifier, isExported: true,
          docs: [{ description: docText(`Placeholder: ${t.name} is referenced by the docs (${src.file}:${src.line}) but defined by no page in ${this.version}.`) }],
          indexSignatures: [{ keyName: 'key', keyType: 'string', returnType: 'unknown' }],
        });
        this.diagnostics.push({ rule: 'type-undefined', severity: 'warning', message: `Type ${t.name} (${this.version}) is referenced but defined by no page; a placeholder interface was emitted`, src });
      }
      base = this.ref(d, fromFile);
    }
    const text = t.collection ? (/^[\w.]+$/.test(base) ? `${base}[]` : `Array<${base}>`) : base;
    return format ? { text, format } : { text };
  }
}

export function fileOfNamespace(ns: string): string {
  return `${ns.replace(/[^A-Za-z0-9._-]/g, '_')}.ts`;
}

/** Pick the source whose type is emitted; say so when sources disagree. */
export function pickSource(p: MergedProperty): { chosen: PropertySource; conflict?: string } {
  const best = Math.min(...p.sources.map((s) => ORIGIN_RANK[s.origin]));
  const candidates = p.sources.filter((s) => ORIGIN_RANK[s.origin] === best);
  const sig = (s: PropertySource) => `${s.type.name.toLowerCase()}${s.type.collection ? '[]' : ''}`;
  const counts = new Map<string, number>();
  for (const s of candidates) counts.set(sig(s), (counts.get(sig(s)) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const chosen = candidates.find((s) => counts.get(sig(s)) === top)!;
  const distinct = [...new Set(p.sources.map(sig))];
  if (distinct.length < 2) return { chosen };
  const says = p.sources.map((s) => `${s.src.file}:${s.src.line} says ${s.type.name}${s.type.collection ? ' collection' : ''}`).join('; ');
  return { chosen, conflict: `Pages disagree on the type: ${says}. Emitted ${chosen.type.name}${chosen.type.collection ? ' collection' : ''} (policy: resource page, then JSON representation, then request body; then the most common type; then path order).` };
}

function enumStatements(e: EnumModel, d: Declared): StatementStructures[] {
  const members = e.members.map((m) => m.name);
  const union = members.length ? members.map(stringLiteral).join(' | ') : 'never';
  const where = e.sources.map((s) => `${s.src.file}:${s.src.line}`).join(', ');
  return [
    { kind: StructureKind.TypeAlias, name: d.identifier, isExported: true, type: union, docs: [{ description: docText(`Enumeration ${e.name} (${e.version}). Source: ${where}`) }] },
    {
      kind: StructureKind.VariableStatement, isExported: true, declarationKind: 'const' as never,
      declarations: [{ name: `${valueIdentifier(d.identifier)}Values`, type: `readonly ${d.identifier}[]`, initializer: `[${members.map(stringLiteral).join(', ')}]` }],
    },
  ];
}

function interfaceStructure(scope: VersionScope, t: TypeModel, d: Declared, derivedFrom: Set<string>): InterfaceDeclarationStructure {
  const file = fileOfNamespace(t.namespace);
  const where = t.sources.map((s) => `${s.src.file}:${s.src.line}`).join(', ');
  const ifc: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface, name: d.identifier, isExported: true,
    docs: [{ description: docText(`${t.name} (${t.kind === 'unknown' ? 'type known from request bodies only' : t.kind + ' type'}, ${t.namespace}, ${t.version}). Source: ${where}`) }],
    properties: [],
  };
  if (t.baseType) {
    const bt = scope.tsType({ raw: t.baseType.name, name: t.baseType.name, primitive: false, collection: false }, t.namespace, file, t.baseType.src);
    if (bt.text !== d.identifier) ifc.extends = [bt.text];
  }
  const props: OptionalKind<PropertySignatureStructure>[] = [];
  if (derivedFrom.has(`${t.namespace.toLowerCase()}|${t.name.toLowerCase()}`) && !t.properties.some((p) => p.name === '@odata.type')) {
    props.push({ name: propertyName('@odata.type'), type: 'string', hasQuestionToken: true, docs: [{ description: 'The OData type of the instance: this type or one derived from it.' }] });
  }
  for (const p of t.properties) {
    const { chosen, conflict } = pickSource(p);
    const ts = scope.tsType(chosen.type, t.namespace, file, chosen.src);
    const tags: OptionalKind<JSDocTagStructure>[] = [];
    if (ts.format) tags.push({ tagName: 'format', text: ts.format });
    if (chosen.readOnly) tags.push({ tagName: 'readonly' });
    tags.push({ tagName: 'see', text: docText(`${chosen.src.file}:${chosen.src.line}`) });
    const desc = [chosen.description, conflict].filter(Boolean).map((x) => docText(x!)).join('\n\n');
    const doc: OptionalKind<JSDocStructure> = { tags };
    if (desc) doc.description = desc;
    props.push({ name: propertyName(p.name), type: chosen.nullable === false ? ts.text : `${ts.text} | null`, hasQuestionToken: true, docs: [doc] });
  }
  ifc.properties = props;
  return ifc;
}

export function emitModels(model: ApiModel): EmitResult {
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const versions = [...new Set<ApiVersion>([...model.types.map((t) => t.version), ...model.enums.map((e) => e.version), ...model.operations.flatMap((g) => g.variants.map((v) => v.version))])].sort();
  for (const version of versions) {
    const scope = new VersionScope(version);
    const types = model.types.filter((t) => t.version === version);
    const enums = model.enums.filter((e) => e.version === version);
    // Declare every defined name first so references resolve regardless of order.
    for (const e of enums) scope.declare(e.namespace, e.name, 'enum');
    for (const t of types) scope.declare(t.namespace, t.name, 'interface');
    const derivedFrom = new Set(types.filter((t) => t.baseType).map((t) => `${t.namespace.toLowerCase()}|${t.baseType!.name.toLowerCase()}`));
    for (const e of enums) {
      const d = scope.declare(e.namespace, e.name, 'enum');
      const [alias, values] = enumStatements(e, d);
      scope.statements(e.namespace).set(d.identifier, alias!);
      scope.statements(e.namespace).set(`${d.identifier}#values`, values!);
    }
    for (const t of types) {
      const d = scope.declare(t.namespace, t.name, 'interface');
      scope.statements(t.namespace).set(d.identifier, interfaceStructure(scope, t, d, derivedFrom));
    }
    const opStatements = operationStatements(model, version, scope);
    const nsFiles = [...scope.byNamespace.keys()].sort();
    const write = (name: string, statements: StatementStructures[]) => {
      const imports = scope.imports.get(name);
      const importStatements: StatementStructures[] = imports
        ? [...imports.entries()].sort((a, b) => compareStr(a[0], b[0])).map(([file, ids]) => ({
          kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: `./${file.replace(/\.ts$/, '.js')}`,
          namedImports: [...ids].sort(compareStr).map((n) => ({ name: n })),
        }))
        : [];
      const sf = project.createSourceFile(`/${version}/${name}`, { statements: [...importStatements, ...statements] }, { overwrite: true });
      files.set(`${version}/${name}`, HEADER + sf.getFullText());
    };
    // Statements are created before imports are known; so write namespace files after all resolution.
    const nsStatements = new Map<string, StatementStructures[]>();
    for (const ns of nsFiles) {
      const m = scope.statements(ns);
      nsStatements.set(ns, [...m.entries()].sort((a, b) => compareStr(a[0].toLowerCase(), b[0].toLowerCase()) || compareStr(a[0], b[0])).map(([, s]) => s));
    }
    for (const [ns, st] of [...nsStatements.entries()].sort((a, b) => compareStr(a[0], b[0]))) write(fileOfNamespace(ns), st);
    write('operations.ts', opStatements);
    const index: StatementStructures[] = [];
    for (const ns of [...nsStatements.keys()].sort()) {
      const spec = `./${fileOfNamespace(ns).replace(/\.ts$/, '.js')}`;
      if (ns.toLowerCase() === DEFAULT_NAMESPACE) index.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: spec });
      else index.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: spec, namespaceExport: valueIdentifier(ns.split('.').pop()!) });
    }
    index.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './operations.js' });
    write('index.ts', index);
    diagnostics.push(...scope.diagnostics);
  }
  return { files, diagnostics };
}

const HEADER = '// Generated by docmodel from API reference docs. Do not edit: regenerate with `docmodel build`.\n\n';
