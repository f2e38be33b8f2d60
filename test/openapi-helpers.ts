/** Checking an OpenAPI export with the ecosystem's own tools (shared by the seed and corpus tests). */
import { join } from 'node:path';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { validate as readmeValidate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from './helpers.js';

type Doc = Record<string, any>;

/**
 * Three checks, each of which catches what the others do not: the OpenAPI 3.1 JSON Schema
 * (@seriousme/openapi-schema-validator), @readme/openapi-parser (path parameters declared,
 * operationIds unique, ...) and every component schema against the JSON Schema 2020-12
 * meta-schema (ajv).
 */
export async function validate(doc: unknown): Promise<{ valid: boolean; errors: unknown }> {
  const r = await new Validator().validate(doc as never);
  if (!r.valid) return { valid: false, errors: r.errors };
  const p = await readmeValidate(structuredClone(doc) as never);
  if (!p.valid) return { valid: false, errors: p.errors };
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false });
  const bad: string[] = [];
  for (const [name, s] of Object.entries((doc as Doc).components.schemas)) if (!ajv.validateSchema(s as object)) bad.push(`${name}: ${ajv.errorsText(ajv.errors)}`);
  return bad.length ? { valid: false, errors: bad } : { valid: true, errors: undefined };
}

/**
 * openapi-typescript needs TypeScript 5's JS API; the project compiles with TypeScript 7 (no
 * JS API). A resolve hook points openapi-typescript's `typescript` import at the `typescript5`
 * alias; the generated types are then checked by the project's own tsc --strict.
 */
let hooked = false;
export async function openapiTypescript(doc: unknown): Promise<string> {
  if (!hooked) register('data:text/javascript,' + encodeURIComponent(
    "export async function resolve(s, c, n) { if (s === 'typescript' && c.parentURL && c.parentURL.includes('/openapi-typescript/')) return n('typescript5', c); return n(s, c); }",
  ), pathToFileURL(join(ROOT, 'package.json')));
  hooked = true;
  const mod = await import('openapi-typescript');
  return mod.astToString(await mod.default(doc as never));
}

