/**
 * Everything text from a page passes through here before it lands in generated code:
 * identifiers, property names, string literals and JSDoc. No page can end a comment, open a
 * template literal or name a property that changes an object's prototype.
 */

const RESERVED_TYPE_NAMES = new Set([
  'Array', 'Boolean', 'Date', 'Error', 'Function', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Omit', 'Partial', 'Pick', 'Promise',
  'Readonly', 'ReadonlyArray', 'Record', 'RegExp', 'Required', 'Set', 'String', 'Symbol', 'WeakMap', 'WeakSet', 'Exclude', 'Extract',
  'NonNullable', 'Parameters', 'ReturnType', 'InstanceType', 'Uppercase', 'Lowercase', 'Capitalize', 'Uncapitalize', 'Awaited',
  'PropertyKey', 'Iterable', 'Iterator', 'Generator', 'ArrayLike', 'BigInt', 'Proxy', 'Reflect', 'Intl', 'Operations',
]);
const RESERVED_WORDS = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw',
  'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'as', 'implements', 'interface', 'let', 'package', 'private', 'protected',
  'public', 'static', 'yield', 'any', 'boolean', 'number', 'string', 'symbol', 'type', 'from', 'of', 'unknown', 'never', 'object', 'bigint',
  'undefined', 'await', 'async', 'declare', 'namespace', 'module', 'keyof', 'readonly', 'infer', 'is', 'asserts', 'global', 'require',
]);
const SPECIAL_PROPERTY_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** A PascalCase type identifier for a documented type name. */
export function typeIdentifier(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_$]/g, '');
  if (id === '') id = 'Unnamed';
  if (/^[0-9]/.test(id)) id = '_' + id;
  id = id[0]!.toUpperCase() + id.slice(1);
  if (RESERVED_TYPE_NAMES.has(id)) id += 'Model';
  return id;
}

/** A camelCase value identifier (for consts). */
export function valueIdentifier(name: string): string {
  const t = typeIdentifier(name);
  const v = t[0]!.toLowerCase() + t.slice(1);
  return RESERVED_WORDS.has(v) ? v + '_' : v;
}

/** A property name as it may stand in an interface: bare when a plain identifier, otherwise quoted. */
export function propertyName(name: string): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !SPECIAL_PROPERTY_NAMES.has(name)) return name;
  return stringLiteral(name);
}

/** A double-quoted string literal (JSON escaping, plus the line separators). */
export function stringLiteral(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text made safe for a JSDoc block: no comment end, no tag injection at a line start, one line per paragraph. */
export function docText(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/(^|\s)@(?=\w)/g, '$1\\@')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
