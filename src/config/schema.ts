/**
 * The configuration file (`docmodel.config.json` / `.jsonc`), defined once with TypeBox: the
 * TypeScript type, the validation and the published JSON Schema (`schema/config.schema.json`)
 * all come from this definition.
 */
import { Type as T, type Static } from '@sinclair/typebox';
import { FORMATS } from '../emit/reports/formats.js';

const Level = T.Union([T.Literal('error'), T.Literal('warning'), T.Literal('info')]);
const RuleSetting = T.Union([Level, T.Literal('off')], { description: 'The severity every finding of this rule gets, or "off" to drop the rule' });


const SuppressionEntry = T.Object({
  rule: T.String({ description: 'Rule id' }),
  fingerprint: T.Optional(T.String({ description: 'The fingerprint of one finding' })),
  selector: T.Optional(T.Object({
    subject: T.Optional(T.String()),
    field: T.Optional(T.String()),
    file: T.Optional(T.String({ description: 'A page path relative to the docs root (or its trailing part)' })),
  }, { additionalProperties: false, minProperties: 1, description: 'Which findings of the rule: every key given must match (at least one)' })),
  reason: T.String({ minLength: 1, description: 'Why the finding is accepted (required)' }),
  expires: T.Optional(T.String({ description: 'YYYY-MM-DD; after it the entry no longer applies and is reported' })),
}, { additionalProperties: false });

export const ConfigSchema = T.Object({
  $schema: T.Optional(T.String()),
  inputs: T.Optional(T.Array(T.String(), { description: 'Files or directories to read (relative to this file). Default: input/' })),
  root: T.Optional(T.String({ description: 'The docs root: includes resolve inside it and every output path is relative to it. Default: the common root of the inputs' })),
  out: T.Optional(T.String({ description: 'Output directory of build. Default: generated/' })),
  rules: T.Optional(T.Record(T.String(), RuleSetting, { description: 'Per rule id: a severity, or "off"' })),
  failOn: T.Optional(T.Union([Level, T.Literal('never')], { description: 'Exit 1 when a finding reaches this severity ("never": always exit 0)' })),
  suppressions: T.Optional(T.Union([T.String({ description: 'A suppressions file (relative to this file)' }), T.Array(SuppressionEntry)])),
  baseline: T.Optional(T.String({ description: 'A previous JSON report or SARIF log: findings it holds are not reported' })),
  reports: T.Optional(T.Array(T.Object({
    format: T.Union(FORMATS.map((f) => T.Literal(f))),
    output: T.Optional(T.String({ description: 'File to write (relative to this file); standard output when absent' })),
  }, { additionalProperties: false }), { description: 'Reports of check and drift when no --format is given' })),
  metadata: T.Optional(T.Array(T.Object({
    csdl: T.String({ minLength: 1, description: 'The service metadata: an OData CSDL (EDMX) file, e.g. v1.0.csdl.xml (relative to this file)' }),
    scopes: T.Optional(T.Array(T.String({ minLength: 1 }), { description: 'Permission-scope catalogues (XML) for the same version (relative to this file)' })),
    version: T.Optional(T.Union([T.Literal('v1.0'), T.Literal('beta')], { description: 'The API version the CSDL describes. Default: beta when the file name says so, else v1.0' })),
  }, { additionalProperties: false }), { description: 'check: also compare the docs with the service metadata (one entry per version); its findings are findings of the check (rules metadata-*)' })),
  workers: T.Optional(T.Integer({ minimum: 1, maximum: 256 })),
  cache: T.Optional(T.String({ description: 'Page cache directory for check and drift (build uses <out>/.cache)' })),
}, { additionalProperties: false, title: 'docmodel configuration' });

export type Config = Static<typeof ConfigSchema>;

/** The published JSON Schema (draft-07) of the configuration file. */
export function configJsonSchema(): object {
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id: 'https://unpkg.com/docmodel/schema/config.schema.json', ...JSON.parse(JSON.stringify(ConfigSchema)) };
}
