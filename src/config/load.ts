/**
 * Finding and reading the configuration file: `--config FILE`, else the first
 * `docmodel.config.json` or `docmodel.config.jsonc` from the working directory upward.
 * Comments and trailing commas are allowed (jsonc-parser). Paths in it are relative to the
 * file's own directory; they are returned absolute.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { Value } from '@sinclair/typebox/value';
import { ConfigSchema, type Config } from './schema.js';
import { ALL_RULES } from '../checks/registry.js';
import { closest } from '../util/suggest.js';
import { SuppressionError, validateSuppressions } from '../checks/suppress.js';

export const CONFIG_NAMES = ['docmodel.config.json', 'docmodel.config.jsonc'];

export class ConfigError extends Error {}

export interface LoadedConfig {
  /** Absolute path of the file read, or undefined when none was found. */
  file?: string;
  config: Config;
}

/** The config file that applies from `cwd`: the nearest one upward. */
export function findConfig(cwd = process.cwd()): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const here = CONFIG_NAMES.filter((n) => existsSync(join(dir, n)));
    // Two in one folder: which one holds the settings meant is not for us to guess (the .jsonc was ignored).
    if (here.length > 1) throw new ConfigError(`${here.map((n) => join(dir, n)).join(' and ')}: two config files in one folder; keep one`);
    if (here.length) return join(dir, here[0]!);
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** The words a schema of literals (nested unions of them) allows, else undefined. */
function wordsOf(schema: unknown): string[] | undefined {
  const sch = schema as { const?: unknown; anyOf?: unknown[] } | undefined;
  if (typeof sch?.const === 'string') return [sch.const];
  if (!Array.isArray(sch?.anyOf)) return undefined;
  const parts = sch.anyOf.map(wordsOf);
  return parts.every((x) => x !== undefined) ? parts.flat() as string[] : undefined;
}

/** Read and validate a config file; relative paths in it become absolute (against its directory). */
export function readConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0]!;
    throw new ConfigError(`${file}:${lineCol(text, e.offset)}: ${printParseErrorCode(e.error)}`);
  }
  // Inline suppressions are checked entry by entry first: the schema's union (a file or a list) could only say "Expected union value".
  const inline = raw && typeof raw === 'object' ? (raw as { suppressions?: unknown }).suppressions : undefined;
  if (Array.isArray(inline)) {
    try { validateSuppressions(inline, `${file}: suppressions`); } catch (e) { if (e instanceof SuppressionError) throw new ConfigError(e.message); throw e; }
  }
  if (!Value.Check(ConfigSchema, raw)) {
    const first = [...Value.Errors(ConfigSchema, raw)][0];
    const where = first?.path || '/';
    // A choice among words (failOn, a rule's level): name them ("Expected union value" alone said nothing).
    const choices = first ? wordsOf(first.schema) : undefined;
    const said = choices?.length ? `expected one of ${choices.map((x) => JSON.stringify(x)).join(', ')}, got ${JSON.stringify(first!.value)}` : first?.message ?? 'invalid';
    throw new ConfigError(`${file}: ${where}: ${said}${first && /additional/i.test(first.message) ? ' (see schema/config.schema.json)' : ''}`);
  }
  const c = raw as Config;
  for (const id of Object.keys(c.rules ?? {})) {
    if (!ALL_RULES.some((r) => r.id === id)) {
      const near = closest(id, ALL_RULES.map((r) => r.id));
      throw new ConfigError(`${file}: rules: no rule ${JSON.stringify(id)}${near ? ` (did you mean ${near}?)` : ''}`);
    }
  }
  const base = dirname(resolve(file));
  const abs = (p: string | undefined) => (p === undefined ? undefined : resolve(base, p));
  return {
    ...c,
    ...(c.inputs ? { inputs: c.inputs.map((p) => resolve(base, p)) } : {}),
    ...(c.root !== undefined ? { root: abs(c.root) } : {}),
    ...(c.out !== undefined ? { out: abs(c.out) } : {}),
    ...(typeof c.suppressions === 'string' ? { suppressions: abs(c.suppressions) } : {}),
    ...(c.baseline !== undefined ? { baseline: abs(c.baseline) } : {}),
    ...(c.cache !== undefined ? { cache: abs(c.cache) } : {}),
    ...(c.metadata ? { metadata: c.metadata.map((m) => ({ ...m, csdl: resolve(base, m.csdl), ...(m.scopes ? { scopes: m.scopes.map((x) => resolve(base, x)) } : {}) })) } : {}),
    ...(c.reports ? { reports: c.reports.map((r) => ({ format: r.format, ...(r.output !== undefined ? { output: abs(r.output) } : {}) })) } : {}),
  };
}

/** `--config FILE` when given; else the nearest config file; `false` ignores every config file. */
export function loadConfig(explicit: string | false | undefined, cwd = process.cwd()): LoadedConfig {
  if (explicit === false) return { config: {} };
  if (explicit !== undefined && !existsSync(explicit)) throw new ConfigError(`config file not found: ${explicit}`);
  const file = explicit !== undefined ? resolve(explicit) : findConfig(cwd);
  return file ? { file, config: readConfig(file) } : { config: {} };
}
