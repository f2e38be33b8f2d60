/**
 * Every diagnostic id (what reading, extraction, model building, emission or the run itself met
 * and could not turn into a fact) is registered here the way rules are in ./registry.ts: a
 * default severity, the stage that emits it, a summary and a description (`docmodel explain
 * <id>`), whether a suppression may silence it, and SARIF metadata. A test checks that every id
 * the code emits is registered.
 */
import type { Severity } from '../model/schema.js';

export type DiagnosticStage = 'read' | 'parse' | 'extract' | 'model' | 'emit' | 'run';

export interface DiagnosticKind {
  id: string;
  severity: Severity;
  stage: DiagnosticStage;
  summary: string;
  description: string;
  /** A suppression entry may silence it (false for problems that mean output is missing or wrong). */
  suppressible: boolean;
}

const d = (id: string, severity: Severity, stage: DiagnosticStage, summary: string, description: string, suppressible = true): DiagnosticKind =>
  ({ id, severity, stage, summary, description, suppressible });

export const DIAGNOSTICS: readonly DiagnosticKind[] = [
  d('annotation-invalid-json', 'warning', 'extract', 'An annotation comment could not be read', 'An HTML comment that carries a docs annotation (blockType, @odata.type, …) is not JSON even after lenient repairs; the block it annotates is read without it.'),
  d('annotation-lenient-json', 'info', 'extract', 'An annotation comment is not strict JSON', 'The annotation comment was read after repairs (trailing commas, single quotes, …); the repairs are listed in the message.'),
  d('api-version-evidence-conflict', 'warning', 'extract', 'The page gives conflicting API versions', 'The path, a disclaimer and the example URLs of the page name different API versions; the path wins, then the disclaimer, then the example URLs.'),
  d('base-type-unreadable', 'info', 'model', 'A stated base type is not a type name', 'The "Inherits from" text or annotation of a resource page names something that is not a type name (prose words, punctuation); the type is kept without a base type.'),
  d('doc-type-mismatch', 'info', 'extract', 'Front matter doc_type disagrees with the content', 'The front matter says the page is an API, resource or enum page but its content says otherwise; the content decides the page kind.'),
  d('example-block-unrecognized', 'info', 'extract', 'A code block in an Example section is neither request nor response', 'A code block under an example heading is not an HTTP request or response; it is not read as an example.'),
  d('example-body-lenient-json', 'info', 'extract', 'An example body is not strict JSON', 'The example body was parsed after repairs (comments, trailing commas, truncation markers); the repairs are listed.'),
  d('example-body-not-json', 'warning', 'extract', 'An example body with a JSON content type does not parse', 'The body is kept as raw text; checks that read example values skip it.'),
  d('examples-on-resource-page', 'info', 'extract', 'Request lines on a resource page are examples, not operations', 'A resource page (doc_type resourcePageType, resource sections, no HTTP request section) has an Examples section; its request lines are not taken as operations of the page, so the page stays a resource page.'),
  d('extractor-failed', 'error', 'extract', 'An extractor threw on this page', 'One extractor failed on the page; the others still ran. The message names the extractor and the error.', false),
  d('file-binary', 'error', 'read', 'The file looks binary', 'The file has NUL bytes; it is not parsed.', false),
  d('file-empty', 'info', 'read', 'The file is empty', 'An empty page; nothing to read.'),
  d('file-invalid-utf8', 'warning', 'read', 'The file is not valid UTF-8', 'Invalid byte sequences were replaced with U+FFFD; text facts near them may be wrong.'),
  d('file-not-regular', 'error', 'read', 'The path is not a regular file', 'A FIFO, socket, device or folder where a page or include was expected: reading it could block forever, so it is not read.', false),
  d('file-too-large', 'error', 'read', 'The file is over the page size limit', 'The page is not parsed.', false),
  d('file-unreadable', 'error', 'read', 'A file or folder could not be read', 'The operating system refused to read or list it; it is skipped.', false),
  d('front-matter-invalid', 'warning', 'read', 'The front matter is not valid YAML', 'The page is read without front matter (title, doc_type, author are unknown).'),
  d('front-matter-unclosed', 'warning', 'read', 'The front matter has no closing --- line', 'A page that opens a `---` block and reaches its first heading (or, without a fence at all, a blank line or its end) before a closing `---`, or whose next `---` comes only after headings and lines that are not YAML (the closing line was deleted: the block ran on to a tab separator, swallowing the title, permissions and request): the front matter is read up to the line before that content, and the rest is read as the page\'s.'),
  d('front-matter-two-blocks', 'info', 'read', 'The front matter is split into two `---` blocks, one right after the other', 'Pages of 2017 open with `apiDocType` in a block of its own and their title, author and date in a second one right below it. Both are read as the front matter; a renderer that reads only the first block would miss the title.'),
  d('json-block-not-read', 'info', 'extract', 'A JSON block is no example body or JSON representation of the page', 'A JSON fence outside the example and JSON representation sections (a sample of the response under "Response", say) gave no example body and no JSON representation, and no other diagnostic names it: it is not read.'),
  d('http-block-not-read', 'info', 'extract', 'An HTTP block is no request line or example of the page', 'An HTTP fence outside the HTTP request and example sections (calls shown under "Optional query parameters", say) gave no operation and no example, and no other diagnostic names it: it is not read.'),
  d('header-row-is-permission', 'warning', 'extract', 'A request-headers row is a permission row', 'A row of the request headers table is named by a permission type ("Delegated (personal Microsoft account)", "Application"): a permissions table\'s row written into the headers table. It is not taken as a header.'),
  d('http-block-after-examples', 'info', 'extract', 'An HTTP request sub-heading after the examples is read as an example call, not a template', 'A heading "HTTP request" that stands after the page\'s examples begin (under "## Get a single thumbnail" following "## Example") shows a call, not the operation\'s template; once the page has a template of its own, its request lines are read as example requests (the responses after them answer them), not as templates.'),
  d('http-block-empty', 'warning', 'extract', 'The HTTP request block is empty', 'The page has an HTTP request section whose code block has no request line; the path may be recovered from an example (operation-from-example).'),
  d('http-block-missing', 'warning', 'extract', 'The HTTP request section has no code block', 'The section exists but states no request line.'),
  d('http-line-no-method', 'info', 'extract', 'A request line has no HTTP method', 'A line in the HTTP block is a path without a method; it is not taken.'),
  d('http-line-not-a-request', 'warning', 'extract', 'A line in the HTTP block is not a request line', 'The line is not METHOD + path; it is not taken.'),
  d('http-path-ellipsis', 'info', 'extract', 'A request path has a "..." segment', 'A request path writes `...` for a part that repeats (`/me/contactFolders/{id}/childFolders/{id}/.../contacts/{id}`: "a child of a child and so on"). The path is kept as written, so the operation\'s canonical key, its OpenAPI path and its TypeScript key have a `...` segment that is no segment of the call; a generator should leave the operation out or expand it by hand.'),
  d('http-path-placeholder-unclosed', 'warning', 'extract', 'A path placeholder is not closed', 'A request path opens a placeholder with "{" and has no "}" before the next "/" (`/groups/{group-id/drive/items/{item-id}`): the segment is read as that placeholder, so the operation keeps its key; the page should close it.'),
  d('http-path-no-leading-slash', 'info', 'extract', 'A request path has no leading slash', 'The path is read as if it had one.'),
  d('include-cycle', 'warning', 'parse', 'Includes form a cycle', 'An [!INCLUDE] leads back to a file already being included; the cycle is cut.'),
  d('include-limit', 'warning', 'parse', 'An include is over the per-page include budget', 'A page may splice at most 256 includes and 8 MiB in all, and one file may include at most 64 (nested includes that include each other many times multiply); the include over the budget is not spliced.'),
  d('include-missing', 'warning', 'parse', 'An included file does not exist', 'The [!INCLUDE] target is not in the tree; its content is missing from the page.'),
  d('metadata-not-reported', 'info', 'run', 'Metadata findings counted, not reported', 'The comparison with the service metadata (config "metadata" / --metadata) counts, and does not report, findings of classes the metadata at hand cannot tell (permission names the scope catalogue lacks, a permission type for a family the catalogue lists none of, a catalogue record that contradicts its own description, the Excel worksheet functions documented by one syntax, types of a namespace the CSDL file lacks): one diagnostic per class and version says how many and why; `docmodel metadata` prints the same under "not reported".'),
  d('include-outside-root', 'warning', 'parse', 'An include leads outside the input root', 'It is not read.'),
  d('include-too-deep', 'warning', 'parse', 'Includes are nested too deep', 'Nesting is cut at the limit.'),
  d('include-unreadable', 'warning', 'parse', 'An included file could not be read', 'Its content is missing from the page.'),
  d('json-representation-not-json', 'info', 'extract', 'The JSON representation does not parse', 'Property names were read from its keys; property types from the JSON are not available.'),
  d('property-from-operation-path', 'info', 'model', 'A property is documented only by an operation path', 'A GET operation under the type (`GET /groups/{group-id}/transitiveMembers`) documents a property that no Properties or Relationships row on the type\'s page has; the model takes it from the request line (origin operation-path, typed by the operation\'s response) and the page should get the row.'),
  d('heading-without-space', 'warning', 'extract', 'The page starts with "#Title" (no space after #), which Markdown renders as text', 'The first block of the page is a paragraph starting with a single # followed by text: the author meant an H1. It is read as the H1 (the title the type and operation names come from), and the page should add the space.'),
  d('json-representation-unheaded', 'info', 'extract', 'The JSON representation is not under a JSON representation heading', 'The resource annotation ("blockType": "resource") and its JSON block sit under another section (Properties, Relationships, the introduction); they are read as the type\'s JSON representation, and the page should give them their own heading.'),
  d('member-name-renamed', 'info', 'emit', 'A repeated member name was renamed in the TypeScript', 'A path parameter (or another member) appears more than once; the later ones get the first free _N suffix so that the generated code compiles.'),
  d('operation-from-example', 'info', 'extract', 'The operation path was taken from an example request', 'The HTTP request block states no path; the first example request supplies it (literal ids in it become parameters in the model).'),
  d('page-memory-exceeded', 'error', 'run', 'Processing the page needed too much memory', 'The worker processing the page went over its heap limit and was stopped; the page has no facts (never cached).', false),
  d('page-nesting-too-deep', 'warning', 'parse', 'The markdown nests too deep', 'Parsing stops descending at the limit; content below it is not read.'),
  d('page-parse-failed', 'error', 'parse', 'The page could not be parsed', 'The markdown parser failed; the page has no facts.', false),
  d('page-timeout', 'error', 'run', 'Processing the page took too long', 'The page was stopped after the time limit; it has no facts.', false),
  d('page-worker-crashed', 'error', 'run', 'The worker processing the page died', 'The page has no facts.', false),
  d('permission-cell-todo', 'warning', 'extract', 'A permission cell is a TODO placeholder', 'The cell says TODO / "Determine scopes"; no permission is taken from it.'),
  d('permission-cell-unrecognized', 'warning', 'extract', 'A permission cell could not be read', 'The cell is neither a list of scopes nor "Not supported"; no permission is taken from it.'),
  d('permission-name-rejoined', 'info', 'extract', 'A permission name split by a space is read as one name', 'A camel-cased word right before a permission name ("DeviceManagementManaged Devices.ReadWrite.All") is the start of that name, split by a stray space; the two are read as one name (DeviceManagementManagedDevices.ReadWrite.All), and the page should drop the space.'),
  d('permission-row-unrecognized', 'warning', 'extract', 'A permission-table row names no permission type', 'The first cell is not Delegated (work or school / personal) or Application; the row is not taken.'),
  d('permissions-not-extracted', 'warning', 'extract', 'The Permissions section yielded nothing', 'The section has content but no table or scope list that could be read.'),
  d('property-row-removed', 'info', 'extract', 'A deprecated property row says the property was removed', 'A row "name (deprecated)" whose description says the property has been removed (or is no longer supported) documents its removal, not a property; the row is not taken.'),
  d('property-row-not-a-property', 'warning', 'extract', 'A property-table row is not a property', 'The first cell is not a property name, or the row stands under a group row that names the request URL\'s parameters ("_URL parameters_"); the row is not taken.'),
  d('property-type-missing', 'warning', 'extract', 'A property row has no type', 'The type cell is empty; the property is kept with an unknown type.'),
  d('resource-name-missing', 'warning', 'extract', 'A resource page states no type name', 'No annotation @odata.type, no @odata.type in the JSON representation and no H1 name; the file name stands in for the type name.'),
  d('response-status-not-found', 'info', 'extract', 'The Response section names no status code', 'No "200 OK"-style status was found in the section prose.'),
  d('rule-failed', 'error', 'run', 'A rule threw', 'The rule\'s findings are missing from this run.', false),
  d('rule-timeout', 'warning', 'run', 'A rule was stopped over its time budget', 'Every rule runs under a hard time limit and is stopped, not only timed. A rule that looks at one page at a time is stopped on a page after 10 to 20 s; its findings on that page are not reported and it goes on with the next page. Any other rule is stopped after 120 s on the whole tree; its findings are not reported. The rest of the run goes on.', false),
  d('section-not-extracted', 'info', 'extract', 'A known section yielded nothing', 'The section kind is recognized but its content could not be read.'),
  d('suppression-expired', 'warning', 'run', 'A suppression entry has expired', 'The entry stopped applying; renew or remove it.', false),
  d('symlink-broken', 'warning', 'read', 'A symbolic link leads nowhere', 'It is skipped.'),
  d('output-folder-skipped', 'info', 'read', 'A docmodel output folder inside an input is not read', 'A folder below an input that holds .docmodel-manifest.json is the output of a build (this one\'s or another --out): its reports (reconciliation.md) would be read as pages, so it is not walked.'),
  d('symlink-outside-root', 'warning', 'read', 'A symbolic link leads outside the input root', 'It is not read.'),
  d('table-cut-by-comment', 'warning', 'parse', 'An HTML comment between two rows of a table cuts it', 'A comment on a line of its own between two table rows ends the table for markdown renderers: the rows after it render as text. The comment is left out of the parsed text (every other line keeps its source), so the rows are read as rows of the table; the warning names the comment to move.'),
  d('table-delimiter-repaired', 'info', 'parse', 'A table delimiter row has the wrong number of cells', 'The table is read with as many columns as its header.'),
  d('table-column-ignored', 'info', 'extract', 'A column of a read table is not read', 'No fact comes from the column; its non-empty cells are named by this diagnostic (cell accounting in tables[].taken).'),
  d('derived-type-unlinked', 'info', 'extract', 'A row or list item of a Derived types section links to no type page', 'The type it names is not taken: the model gives a base type only to the types a Derived types section links (`src/sources/graph-markdown/extract/derived-types.ts`).'),
  d('table-row-ignored', 'info', 'extract', 'A row of a read table is not read', 'National-cloud tables: only the first (availability) row is read.'),
  d('permissions-stated-empty', 'warning', 'extract', 'The permissions section names no permission', 'It introduces a list ("The following scopes are required…") with nothing after it; permissions.state is empty.'),
  d('permissions-without-heading', 'info', 'extract', 'A permission table stands before any heading', 'There is no Permissions heading; the table is read as the page\'s permissions.'),
  d('property-row-odata-type', 'info', 'extract', 'An @odata.type row in a property table', 'It names the OData type annotation, not a property of the type; not taken as a property.'),
  d('query-option-not-supported', 'info', 'extract', 'The prose says an OData option is not supported', '"You can\'t use $expand": the option is not listed as a query parameter.'),
  d('merge-conflict-marker', 'warning', 'parse', 'A git merge-conflict marker in the page', 'The marker line is blanked before parsing so that both sides are read and ======= does not make the line above a heading.'),
  d('http-block-language', 'info', 'extract', 'The HTTP request block is fenced as another language', 'Its request lines are read anyway.'),
  d('table-not-read', 'info', 'extract', 'A table was not read', 'The table stands in a section whose tables no extractor reads.'),
  d('table-rows-not-read', 'warning', 'extract', 'Lines written as table rows are no table', 'A paragraph whose every line is a pipe-delimited row is no table to the markdown parser: it has no header and delimiter row right above it (an HTML comment or a blank line between two rows of a table cuts the rows after it off). No extractor reads it; the diagnostic names it with its row count.'),
  d('property-table-nested-structure', 'info', 'extract', 'A table under "Properties of a … definition" is not the type\'s properties', 'A sub-heading of Properties named "Properties of <something other than the type>" (the JSON structure inside a policy\'s definition property) documents a nested structure; its table is not taken as the type\'s properties.'),
  d('property-table-under-title', 'info', 'extract', 'A property table right under the page title is read as the type\'s properties', 'A resource page without a Properties heading (some beta secureScore pages put the table right under the title) has the property table directly under its title read as the type\'s properties.'),
  d('property-table-in-json-representation', 'info', 'extract', 'A property table in the JSON representation section is read as the type\'s properties', 'A resource page without a Properties heading that puts its property table in the JSON representation section (beta package.md: the table right after the JSON block) has it read as the type\'s properties.'),
  d('property-table-header-mislabelled', 'info', 'extract', 'A Properties table with a methods table\'s header over property rows is read as the type\'s properties', 'A table under Properties headed "Method | Return type | Description" whose every row is a plain name without a link and a type (beta agreementfiledata.md: `|data|Binary|…|`) has its header copied from the wrong table: its rows are read as the type\'s properties, and the header is named so that it can be mended.'),
  d('property-table-in-other-section', 'info', 'extract', 'A property table under a topical heading is read as the type\'s properties', 'A resource page that groups its properties under headings of its own ("## Page Content", "## Authoring Metadata") has each such property table read as the type\'s properties, like the Properties section\'s.'),
  d('enum-name-not-a-type', 'info', 'extract', 'A member table names no type', 'A "values" table whose heading gives words, not a name ("### State enumeration values": the possible values of a String property): its rows are not made an enum of the model (an emitter would invent a type of them).'),
  d('enum-defined-again', 'info', 'extract', 'An enum is documented twice on one page', 'A second member table of an enum the page has already documented (beta enums.md lists riskLevel twice): the first table is the enum; the second is named with how its members differ from the first\'s (members it adds, members it lacks), so that a member only it lists is not dropped unsaid.'),
  d('table-row-duplicate', 'info', 'extract', 'A table repeats a row', 'The repeated row is taken once.'),
  d('table-row-empty', 'info', 'extract', 'A table row is empty', 'It is skipped.'),
  d('table-row-extra-cells', 'warning', 'extract', 'A table row has more cells than the header', 'The extra cells are dropped (often an unescaped | in a cell).'),
  d('table-nested-not-read', 'info', 'extract', 'A table inside a list item or block quote is not read', 'The extractors read the tables at the top level of a page, each in its section; a table indented into a list item or a block quote is named with its columns and row count instead.'),
  d('table-row-continued', 'warning', 'extract', 'A table cell goes on on the next line', 'A row\'s line has no closing "|" and the next line no opening one: the author broke a cell\'s text (a description) onto a new line, which renders as a row of its own. The line is read as the rest of the row\'s last cell.'),
  d('table-row-pipe-rejoined', 'warning', 'extract', 'A row of a table whose last column is free text (Description) has more cells than the header: an unescaped | in that text', 'The cells from the last column on are read as one cell, joined by the | that split them; renderers still split the row (escape it as \\|).'),
  d('table-row-short', 'info', 'extract', 'A table row has fewer cells than the header', 'The missing cells are read as empty.'),
  d('table-unclassified', 'info', 'extract', 'A table\'s columns match no known table kind', 'The table is not read: a use-case table, values listed under a heading of their own (`Value | Description` under "DecimalPlaces"), a table of a section no extractor reads. Every table no extractor read has this diagnostic or table-not-read.'),
  d('ir-file-renamed', 'info', 'emit', 'A page\'s IR file name was cut', 'A page whose IR file name (its own name, `.json` for its extension) would be over 240 bytes, more than file systems take less room for a number, has it cut and marked ~~<16 hex digits of its SHA-1>.json; the message names the file.'),
  d('ts-namespace-file-renamed', 'info', 'emit', 'A namespace file was renamed', 'A namespace whose file would be operations.ts or index.ts (the emitter\'s own files), or that has no usable name, is written to <name>~ns.ts; one whose file name would be over 240 bytes (what file systems take, less room for a number) is cut and marked ~~<16 hex digits of its SHA-1>.ts.'),
  d('type-ambiguous', 'info', 'extract', 'A type cell names more than one type', 'The first type is taken; the others are in the TypeRef notes.'),
  d('type-cell-description', 'warning', 'extract', 'A type cell holds a description before its type', 'A sentence and then a primitive in the Type column ("Moment in time when the resource was created.  DateTimeOffset"): the primitive is read as the type and the sentence kept as a TypeRef note, instead of a type named after the first word. The description belongs in the Description column.'),
  d('type-base-not-interface', 'warning', 'emit', 'A type names an enum as its base', 'An interface cannot extend a string union: the type is emitted without extends, with all its own properties.'),
  d('type-inheritance-cycle', 'warning', 'emit', 'Types inherit from each other in a cycle', 'Every type on the cycle is emitted without extends and with all its own properties, so that the generated code compiles.'),
  d('type-name-collision', 'warning', 'emit', 'An enum and a type share a name', 'The type is emitted under another identifier (the message names it).'),
];

export function findDiagnostic(id: string): DiagnosticKind | undefined {
  return DIAGNOSTICS.find((x) => x.id === id);
}

/** The severity a diagnostic is emitted with: its registered one (what `docmodel explain` and SARIF's metadata say). */
export function registeredSeverity(id: string): Severity {
  const dk = findDiagnostic(id);
  if (!dk) throw new Error(`Diagnostic ${id} is not registered in src/checks/diagnostics.ts`);
  return dk.severity;
}
