/**
 * merged API model → TypeScript, one model tree per API version:
 *   models/<version>/<namespace>.ts   interfaces (entity and complex types), enums (union + readonly array)
 *   models/<version>/operations.ts    the typed operation map
 *   models/<version>/index.ts         re-exports (other namespaces as `export * as <alias>`)
 * Built with ts-morph structures: one SourceFile structure per output file, printed with
 * `printStructure` (no AST is created or parsed) — through the build's print memo a statement at a
 * time (see printFile), so that a rebuild prints only the statements that changed.
 *
 * Type policy where sources disagree: resource pages first, then JSON representation, then
 * request-body tables; among those, the type most sources give; ties go to the first source in
 * path order. The JSDoc names the disagreement.
 */
import type { InterfaceDeclarationStructure, PropertySignatureStructure, SourceFileStructure, StatementStructures, JSDocStructure, OptionalKind, JSDocTagStructure } from 'ts-morph';
import { sha1Hex as sha1 } from '../../util/hash.js';
import { StructureKind, tsMorph } from './ts-morph.js';
import type { Printer } from './printer.js';
import type { ApiVersion, Diagnostic, Src, TypeRef } from '../../model/schema.js';
import type { ApiModel, EnumModel, MergedProperty, PropertySource, TypeModel } from '../../model/types.js';
import { DEFAULT_NAMESPACE } from '../../model/merge.js';
import { compareStr } from '../../util/order.js';
import { docText, propertyName, stringLiteral, typeIdentifier, valueIdentifier } from './safe.js';
import { edmToTs } from './edm.js';
import { operationStatements } from './operations.js';
import { brokenBases, freeAlias, namespaceFile, namespaceFileDiagnostics } from './sanitize.js';

export interface EmitResult {
  /** Relative path (under models/) → file text. */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

export { ORIGIN_RANK, pickSource } from '../../model/pick-source.js';
import { ORIGIN_RANK, pickSource } from '../../model/pick-source.js';

interface Declared {
  namespace: string;
  identifier: string;
  kind: 'interface' | 'enum' | 'placeholder';
}

/** Names declared in one version, and the statements of each namespace file. */
export class VersionScope {
  readonly declared = new Map<string, Declared>();
  readonly byNamespace = new Map<string, Map<string, StatementStructures>>();
  /** For each output file, the namespace files it imports (as `import type * as alias`). */
  readonly imports = new Map<string, Set<string>>();
  readonly diagnostics: Diagnostic[] = [];
  private used = new Map<string, Set<string>>();

  constructor(readonly version: ApiVersion) {}

  private key(ns: string, name: string): string { return `${ns.toLowerCase()}|${name.toLowerCase()}`; }

  private canonical = new Map<string, string>();
  /** One spelling per namespace whatever the case a page used: files and aliases must not differ only in case (sanitize.ts). */
  canon(ns: string): string {
    const k = ns.toLowerCase();
    let c = this.canonical.get(k);
    if (c === undefined) { c = ns; this.canonical.set(k, c); }
    return c;
  }

  fileOf(ns: string): string {
    return fileOfNamespace(this.canon(ns));
  }

  private typeDecls = new Map<string, Declared>();

  /** Declare a type under another identifier (when its own name is taken by an enum). */
  declareAs(ns: string, name: string, asName: string): Declared {
    const d = this.declare(ns, asName, 'interface');
    this.typeDecls.set(this.key(ns, name), d);
    return d;
  }

  typeDecl(ns: string, name: string): Declared | undefined {
    return this.typeDecls.get(this.key(ns, name));
  }

  declare(ns: string, name: string, kind: Declared['kind']): Declared {
    ns = this.canon(ns);
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
    ns = this.canon(ns);
    let m = this.byNamespace.get(ns);
    if (!m) { m = new Map(); this.byNamespace.set(ns, m); }
    return m;
  }

  /**
   * The reference to `d` from file `fromFile`: its bare identifier in its own file, otherwise
   * qualified by a namespace import of the other file (`import type * as graph from ...`), so
   * same-named types of different namespaces never clash.
   */
  ref(d: Declared, fromFile: string): string {
    const file = fileOfNamespace(d.namespace);
    if (file === fromFile) return d.identifier;
    let m = this.imports.get(fromFile);
    if (!m) { m = new Set(); this.imports.set(fromFile, m); }
    m.add(file);
    return `${this.alias(d.namespace)}.${d.identifier}`;
  }

  private aliases = new Map<string, string>();
  /** Import alias of a namespace file: its last segment (graph for microsoft.graph), made unique. */
  alias(ns: string): string {
    let a = this.aliases.get(ns.toLowerCase());
    if (a) return a;
    const base = valueIdentifier(ns.split('.').pop()!);
    // Never the name of an enum's values constant (sanitize.ts).
    a = freeAlias(base, this.aliases.values(), new Set([...this.declared.values()].filter((x) => x.kind === 'enum').map((x) => `${valueIdentifier(x.identifier)}Values`)));
    this.aliases.set(ns.toLowerCase(), a);
    return a;
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
  return namespaceFile(ns); // sanitize.ts: never operations.ts or index.ts, distinct names stay distinct
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

/** A type that names itself as its base. */
function isCyclic(t: TypeModel): boolean {
  return !!t.baseType && t.baseType.name.toLowerCase() === t.name.toLowerCase();
}

function interfaceStructure(scope: VersionScope, t: TypeModel, d: Declared, derivedFrom: Set<string>, inherited: Set<string>, noExtends = false): InterfaceDeclarationStructure {
  const file = scope.fileOf(t.namespace);
  const where = t.sources.map((s) => `${s.src.file}:${s.src.line}`).join(', ');
  const ifc: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface, name: d.identifier, isExported: true,
    docs: [{ description: docText(`${t.name} (${t.kind === 'unknown' ? 'type known from request bodies only' : t.kind + ' type'}, ${t.namespace}, ${t.version}). Source: ${where}`) }],
    properties: [],
  };
  if (t.baseType && !noExtends) {
    const bt = scope.tsType({ raw: t.baseType.name, name: t.baseType.name, primitive: false, collection: false }, t.namespace, file, t.baseType.src);
    if (bt.text !== d.identifier && !isCyclic(t)) ifc.extends = [bt.text];
  }
  const props: OptionalKind<PropertySignatureStructure>[] = [];
  if (derivedFrom.has(`${t.namespace.toLowerCase()}|${t.name.toLowerCase()}`) && !t.properties.some((p) => p.name === '@odata.type') && !inherited.has('@odata.type')) {
    props.push({ name: propertyName('@odata.type'), type: 'string', hasQuestionToken: true, docs: [{ description: 'The OData type of the instance: this type or one derived from it.' }] });
  }
  for (const p of t.properties) {
    if (inherited.has(p.name)) continue; // declared by an ancestor; the JSDoc of the ancestor applies
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

/**
 * Texts printed before, by the SHA-1 of the JSON of the structure they were printed from (the
 * structures are plain data: no writer functions). `printStructure` is a function of the
 * structure, so a statement (or member) whose structure is unchanged is taken from here instead of
 * printed again.
 */
export interface PrintMemo {
  get(key: string): string | undefined;
  set(key: string, text: string): void;
}

/** An interface of at least this many members is printed a member at a time (see printFile). */
export const MEMBERWISE_MIN = 64;

/** A structure's key in the memo (the SHA-1 of its JSON), and the JSON. */
function memoKey(structure: SourceFileStructure | StatementStructures): [key: string, json: string] {
  const json = JSON.stringify(structure);
  return [sha1(json), json];
}

function printed(structure: SourceFileStructure | StatementStructures, memo: PrintMemo | undefined, printer?: Printer): string {
  const [key, json] = memo ? memoKey(structure) : [undefined, printer ? JSON.stringify(structure) : undefined];
  let text = key === undefined ? undefined : memo!.get(key);
  if (text === undefined) {
    text = printer?.print(json!) ?? tsMorph().printStructure(structure);
    if (key !== undefined) memo!.set(key, text);
  }
  return text;
}

/** The statement kinds printFile composes (the ones the emitter builds); a file with another is printed whole. */
const COMPOSED = new Set<number>([StructureKind.Interface, StructureKind.TypeAlias, StructureKind.VariableStatement, StructureKind.ImportDeclaration, StructureKind.ExportDeclaration]);
/** ts-morph's whitespace (StringUtils.isWhitespaceCharCode). */
const WS = new Set([' ', '\f', '\n', '\r', '\t', '\v', '\u00A0', '\u2028', '\u2029']);

/**
 * `printStructure(file)`, a statement at a time through the memo — an edit to one type reprints
 * that interface, not its 4 MB namespace file — and an interface of many members (the operation
 * map: 7,000 in beta) a member at a time, so that an edit to one operation prints one member.
 * The pieces are joined as ts-morph joins them: between statements a blank line after one whose
 * last non-blank character is `}` and before an interface, else a line break
 * (StatementStructurePrinter); an interface's property signatures one per line at one indentation,
 * whatever their neighbours (NewLineFormattingStructuresPrinter). test/ts-collisions.test.ts and
 * the corpus tests compare both ways.
 */
export function printFile(file: SourceFileStructure, memo?: PrintMemo, printer?: Printer): string {
  const statements = composedStatements(file);
  if (!memo || !statements) return printed(file, memo, printer);
  const parts: string[] = [];
  /** The last non-blank character printed so far. */
  let last = '';
  for (const st of statements) {
    const text = printStatement(st, memo, printer);
    if (text === undefined) return printed(file, memo, printer);
    if (parts.length) parts.push(last === '}' || st.kind === StructureKind.Interface ? '\n\n' : '\n');
    parts.push(text);
    let i = text.length - 1;
    while (i >= 0 && WS.has(text.charAt(i))) i--;
    if (i >= 0) last = text.charAt(i);
  }
  parts.push('\n');
  return parts.join('');
}

/** A file's statements when printFile composes it a statement at a time (every one of a kind it composes), else undefined. */
function composedStatements(file: SourceFileStructure): StatementStructures[] | undefined {
  const statements = (file.statements ?? []) as StatementStructures[];
  return statements.length && statements.every((st) => typeof st === 'object' && COMPOSED.has(st.kind)) ? statements : undefined;
}

/** An interface printed a member at a time (see printFile): many properties and no other kind of member. */
function memberwise(st: StatementStructures): st is InterfaceDeclarationStructure {
  return st.kind === StructureKind.Interface && (st.properties?.length ?? 0) >= MEMBERWISE_MIN && !st.methods?.length && !st.callSignatures?.length && !st.constructSignatures?.length && !st.indexSignatures?.length && !st.getAccessors?.length && !st.setAccessors?.length;
}

/** A member-wise interface's structures as printed: its shell (no member), then each member alone in `interface M`. */
function memberwiseParts(st: InterfaceDeclarationStructure): { shell: StatementStructures; members: StatementStructures[] } {
  const { properties, ...bare } = st;
  const one = { kind: StructureKind.Interface, name: 'M' } as const;
  return { shell: { ...bare, properties: [] }, members: (properties ?? []).map((m) => ({ ...one, properties: [m] })) };
}

/** One statement's text (no line break after it); undefined when the printer's output is not of the expected shape. */
function printStatement(st: StatementStructures, memo: PrintMemo, printer: Printer | undefined): string | undefined {
  const alone = (x: StatementStructures) => { const t = printed(x, memo, printer); return t.endsWith('\n') ? t.slice(0, -1) : t; };
  if (!memberwise(st)) return alone(st);
  const parts = memberwiseParts(st);
  const shell = alone(parts.shell);
  if (!shell.endsWith(' {\n}')) return undefined;
  const head = 'interface M {\n', tail = '\n}';
  const members: string[] = [];
  for (const m of parts.members) {
    const t = alone(m);
    if (!t.startsWith(head) || !t.endsWith(tail)) return undefined;
    members.push(t.slice(head.length, -tail.length));
  }
  return `${shell.slice(0, -1)}${members.join('\n')}\n}`;
}

/**
 * The structures printFile asks the memo for, in order (each statement, or a member-wise
 * interface's shell and members; the whole file when it is not composed a statement at a time),
 * as the memo's key and the structure's JSON. When a printed text is not of the shape printFile
 * expects, it prints the file whole: that one is not listed (it is printed then).
 */
export function* memoStructures(file: SourceFileStructure): Generator<[key: string, json: string]> {
  const statements = composedStatements(file);
  if (!statements) { yield memoKey(file); return; }
  for (const st of statements) {
    if (!memberwise(st)) { yield memoKey(st); continue; }
    const parts = memberwiseParts(st);
    yield memoKey(parts.shell);
    for (const m of parts.members) yield memoKey(m);
  }
}

/** `printer`: where the texts the memo lacks may be printed instead of this thread (see printer.ts). */
export function emitModels(model: ApiModel, memo?: PrintMemo, printer?: Printer): EmitResult {
  return printPlan(planModels(model), memo, printer);
}

/** What emitModels prints: each file's source-file structure (relative path under models/ → structure), and the diagnostics. */
export interface ModelPlan {
  files: [rel: string, structure: SourceFileStructure][];
  diagnostics: Diagnostic[];
}

/** Every file's text from its structure, through the memo (see printFile). */
export function printPlan(plan: ModelPlan, memo?: PrintMemo, printer?: Printer): EmitResult {
  const files = new Map<string, string>();
  for (const [rel, structure] of plan.files) files.set(rel, HEADER + oneFinalNewline(printFile(structure, memo, printer)));
  return { files, diagnostics: plan.diagnostics };
}

/** The structures of every file emitModels writes (no text printed). */
export function planModels(model: ApiModel): ModelPlan {
  const files: ModelPlan['files'] = [];
  const diagnostics: Diagnostic[] = [];
  const versions = [...new Set<ApiVersion>([...model.types.map((t) => t.version), ...model.enums.map((e) => e.version), ...model.operations.flatMap((g) => g.variants.map((v) => v.version))])].sort();
  for (const version of versions) {
    const scope = new VersionScope(version);
    const types = model.types.filter((t) => t.version === version);
    const enums = model.enums.filter((e) => e.version === version);
    // Declare every defined name first so references resolve regardless of order.
    for (const e of enums) scope.declare(e.namespace, e.name, 'enum');
    const enumKeys = new Set(enums.map((e) => `${e.namespace.toLowerCase()}|${e.name.toLowerCase()}`));
    // A "type" that is only an enum page read as a resource (no properties) is the enum.
    const emitted = types.filter((t) => !(enumKeys.has(`${t.namespace.toLowerCase()}|${t.name.toLowerCase()}`) && t.properties.length === 0));
    const typeOf = new Map<Declared, TypeModel>();
    for (const t of emitted) {
      if (enumKeys.has(`${t.namespace.toLowerCase()}|${t.name.toLowerCase()}`)) {
        scope.diagnostics.push({ rule: 'type-name-collision', severity: 'warning', message: `${t.name} (${version}) is documented both as an enum and as a type with properties; the type is emitted as ${typeIdentifier(t.name)}Type`, src: t.sources[0]!.src });
        typeOf.set(scope.declareAs(t.namespace, t.name, `${t.name}Type`), t);
      } else typeOf.set(scope.declare(t.namespace, t.name, 'interface'), t);
    }
    // Bases as `extends` resolves them; cycles and non-interface bases lose `extends` (sanitize.ts).
    const baseOf = (t: TypeModel) => {
      if (!t.baseType) return undefined;
      const b = scope.find(t.baseType.name, t.namespace);
      return b ? { type: typeOf.get(b), isInterface: b.kind !== 'enum' } : undefined;
    };
    const broken = brokenBases(emitted, baseOf, version);
    scope.diagnostics.push(...broken.diagnostics, ...namespaceFileDiagnostics(version, types, enums));
    const inheritedOf = (t: TypeModel): Set<string> => {
      const out = new Set<string>();
      if (broken.dropped.has(t)) return out;
      const seen = new Set<TypeModel>([t]);
      for (let cur = baseOf(t)?.type; cur && !seen.has(cur); cur = broken.dropped.has(cur) ? undefined : baseOf(cur)?.type) {
        seen.add(cur);
        for (const p of cur.properties) out.add(p.name);
        // An ancestor that has derived types declares `@odata.type` itself (see interfaceStructure): never redeclared below it.
        if (derivedFrom.has(`${cur.namespace.toLowerCase()}|${cur.name.toLowerCase()}`)) out.add('@odata.type');
      }
      return out;
    };
    const derivedFrom = new Set(types.filter((t) => t.baseType).map((t) => `${t.namespace.toLowerCase()}|${t.baseType!.name.toLowerCase()}`));
    for (const e of enums) {
      const d = scope.declare(e.namespace, e.name, 'enum');
      const [alias, values] = enumStatements(e, d);
      scope.statements(e.namespace).set(d.identifier, alias!);
      scope.statements(e.namespace).set(`${d.identifier}#values`, values!);
    }
    for (const t of emitted) {
      const d = scope.typeDecl(t.namespace, t.name) ?? scope.declare(t.namespace, t.name, 'interface');
      scope.statements(t.namespace).set(d.identifier, interfaceStructure(scope, t, d, derivedFrom, inheritedOf(t), broken.dropped.has(t)));
    }
    const opStatements = operationStatements(model, version, scope);
    const nsOfFile = new Map([...scope.byNamespace.keys()].map((ns) => [fileOfNamespace(ns), ns] as const));
    const nsFiles = [...scope.byNamespace.keys()].sort();
    const write = (name: string, statements: StatementStructures[]) => {
      const imports = scope.imports.get(name);
      const importStatements: StatementStructures[] = imports
        ? [...imports].sort(compareStr).map((file) => ({
          kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: `./${file.replace(/\.ts$/, '.js')}`,
          namespaceImport: scope.alias(nsOfFile.get(file)!),
        }))
        : [];
      // One structure per output file, printed once: no source file is created or parsed.
      files.push([`${version}/${name}`, { kind: StructureKind.SourceFile, statements: [...importStatements, ...statements] }]);
    };
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
      else index.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: spec, namespaceExport: scope.alias(ns) }); // unique, unlike the last segment
    }
    index.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './operations.js' });
    write('index.ts', index);
    diagnostics.push(...scope.diagnostics);
  }
  return { files, diagnostics };
}

/** The text with exactly one line break at its end (a regular expression anchored at the end costs a scan of the 6 MB file). */
function oneFinalNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return `${text.slice(0, end)}\n`;
}

const HEADER = '// Generated by docmodel from API reference docs. Do not edit: regenerate with `docmodel build`.\n\n';
