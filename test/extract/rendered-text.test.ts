/**
 * The rendered-text reader (seed 001's format: a page copied from the website) on real pages it was not written
 * against. Each fixture (test/fixtures/rendered, copied unchanged from the 2021-07 tree or the modern sample; see its
 * README) is turned into the form a copy from the website has (bench/rendered-roundtrip.ts `renderAsCopied`), and
 * both forms must give the same facts; the facts themselves are checked against the page. On the corpus: the same
 * comparison over a seeded sample of each tree (skips without ../shared/corpus).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { processText } from '../../src/pipeline/page.js';
import { readSource } from '../../src/sources/graph-markdown/ingest/read.js';
import { detectRenderedText, jsonEnd } from '../../src/sources/graph-markdown/parse/rendered-text.js';
import { splitFrontMatter } from '../../src/sources/graph-markdown/ingest/front-matter.js';
import type { PageIR } from '../../src/sources/graph-markdown/ir/schema.js';
import { factsOf, renderAsCopied, roundtrip } from '../../bench/rendered-roundtrip.js';
import { collectInputs } from '../../src/sources/graph-markdown/ingest/walk.js';
import { isIncludeFragment } from '../../src/pipeline/pipeline.js';
import { CORPUS_SKIP, ROOT, corpusTree, tempTree } from '../helpers.js';
import { analyze } from '../../src/pipeline/in-thread.js';
import { WHOLE_TREE_RULES } from '../../src/checks/registry.js';

const DIR = join(ROOT, 'test/fixtures/rendered');

function forms(rel: string): { md: PageIR; copied: PageIR; lines: string[] } {
  const abs = join(DIR, rel);
  const text = readSource(abs).text;
  const lines = renderAsCopied(text, abs);
  return { md: processText(rel, abs, text), copied: processText(rel, abs, lines.join('\n') + '\n'), lines };
}
const facts = (ir: PageIR) => Object.fromEntries([...factsOf(ir)].map(([k, v]) => [k, [...v]]));

function pagesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? pagesUnder(p) : /\.md$/.test(n) && n !== 'README.md' ? [relative(DIR, p)] : [];
  }).sort();
}

test('every fixture: its copy is read as rendered text and gives the facts its markdown page gives', () => {
  const all = pagesUnder(DIR);
  assert.equal(all.length, 14);
  // Its own fences are broken (below): the site shows the rest of its example as code, and so does its copy.
  for (const rel of all.filter((r) => !r.endsWith('accesspackage-post-incompatiblegroup.md'))) {
    const { md, copied } = forms(rel);
    assert.equal(md.format, 'markdown', rel);
    assert.equal(copied.format, 'rendered-text', rel);
    assert.deepEqual(facts(copied), facts(md), rel);
  }
});

test('a copy whose only section heading is "JSON representation" (its Properties are in an HTML comment): recognised, and the unfenced JSON is the representation', () => {
  const { copied, lines } = forms('2021-07/beta/resources/unifiedrolemanagementpolicyruletarget.md');
  assert.equal(copied.title.h1?.value, 'unifiedRoleManagementPolicyRuleTarget resource type');
  assert.deepEqual(copied.resource?.jsonRepresentation?.propertyNames, ['@odata.type', 'caller', 'operations', 'level', 'inheritableSettings', 'enforcedSettings']);
  // Positions are the copy's own lines.
  assert.equal(lines[copied.resource!.jsonRepresentation!.src.line - 1], '{');
});

test('a copy with one bare section heading, and one with none but the "Namespace:" line under its title: both recognised', () => {
  assert.equal(detectRenderedText(forms('2021-07/v1.0/resources/educationsubmissionrecipient.md').lines.join('\n')).bareHeadings, 1);
  const overview = forms('2021-07/v1.0/resources/policy-overview.md');
  assert.equal(detectRenderedText(overview.lines.join('\n')).bareHeadings, 0);
  assert.deepEqual([overview.lines[0], overview.lines[1]], ['Azure AD policy overview', 'Namespace: microsoft.graph']);
  assert.equal(overview.copied.title.h1?.value, 'Azure AD policy overview');
});

test('a request line whose path lacks its leading slash, and an example response whose body follows a blank line', () => {
  const { copied } = forms('2021-07/beta/api/applicationsigninsummary-get.md');
  assert.deepEqual(copied.operations.map((o) => `${o.method} ${o.path}`), ["GET reports/getAzureADApplicationSignInSummary(period='{period}')"]);
  assert.ok(copied.diagnostics.some((d) => d.rule === 'http-path-no-leading-slash'));
  assert.deepEqual(copied.examples.responses.map((r) => r.statusLine?.code), [200]);
  assert.deepEqual(Object.keys(copied.examples.responses[0]!.body?.json as object), ['appId', 'appDisplayName', 'successfulSignInCount', 'failedSignInCount', 'successPercentage']);
});

test('a resource page with an Example section and no front matter (a copy has none) is still a resource page: its title says so', () => {
  const { md, copied } = forms('2021-07/v1.0/resources/auditlogroot.md');
  assert.deepEqual(copied.resource?.relationships.map((r) => r.name), ['directoryAudits', 'signIns']);
  assert.deepEqual([copied.kind, copied.operations.length], ['resource', 0]);
  assert.ok(copied.diagnostics.some((d) => d.rule === 'examples-on-resource-page'));
  // The markdown page without its front matter: the same.
  const abs = join(DIR, '2021-07/v1.0/resources/auditlogroot.md');
  const bare = processText('auditlogroot.md', abs, splitFrontMatter(readSource(abs).text).body);
  assert.deepEqual([bare.kind, bare.resource?.relationships.map((r) => r.name)], ['resource', ['directoryAudits', 'signIns']]);
  assert.equal(md.kind, 'resource');
});

test('"Response body" is a section heading of a copy: the status under it is read', () => {
  assert.deepEqual(forms('2021-07/v1.0/api/domain-forcedelete.md').copied.response?.statuses.map((s) => s.code), [204]);
});

test('a footnote mark after a permission name (`Directory.Read.All<sup>1</sup>`) is no part of the name: it is the entry\'s note', () => {
  const { md } = forms('modern/v1.0/api/appcatalogs-list-teamsapps.md');
  const work = md.permissions!.entries.find((e) => e.type === 'delegatedWork')!;
  assert.deepEqual(work.permissions.map((p) => p.name), ['AppCatalog.Submit', 'AppCatalog.Read.All', 'AppCatalog.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']);
  assert.deepEqual(work.notes?.map((n) => [n.text, n.src.line]), [['1 1', 26]]);
});

test('a Properties section whose table is a header row alone: the diagnostic says so (markdown and copy alike)', () => {
  const { md, copied } = forms('2021-07/beta/resources/intune-apps-win32lobappdetection.md');
  for (const ir of [md, copied]) {
    assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'section-not-extracted').map((d) => d.message),
      ['Section "Properties" (properties) yielded nothing: its 1 table(s) have a header row (Property | Type | Description) and no other row']);
  }
  assert.deepEqual(md.resource?.properties, []);
});

test('a heading with a qualifier ("HTTP request (to upload a new file)") is a heading of its kind in a copy too', () => {
  const { md, copied } = forms('2021-07/v1.0/api/driveitem-put-content.md');
  assert.deepEqual(copied.sections.filter((x) => x.kind === 'http-request').map((x) => x.heading), ['HTTP request (to replace an existing item)', 'HTTP request (to upload a new file)']);
  assert.equal(copied.operations.length, 10);
  assert.deepEqual(copied.operations.map((o) => o.key), md.operations.map((o) => o.key));
});

test('a title written "#teamsAppInstalledState enum type" (no space: the site shows the "#") is the title of the copy without it', () => {
  const { copied } = forms('2020-05/v1.0/resources/teamsappinstalledstate.md');
  assert.equal(copied.title.h1?.value, 'teamsAppInstalledState enum type');
  assert.deepEqual(copied.enums.map((e) => [e.name, e.members.map((m) => m.name)]), [['teamsAppInstalledState', ['notInstalled', 'installed', 'installedAndHidden', 'installedAndPermanent']]]);
});

test('an enums page copied: a "<name>\u00a0values" heading (a no-break space) and a bare type name over its member table head enums', () => {
  // Lines of the 2021-07 and 2020-05 beta/resources/enums.md as the site shows them.
  const text = ['Enum values', 'Namespace: microsoft.graph', 'chatMessagePolicyViolationDlpActionType\u00a0values', 'Value |', '---|', 'none |', 'NotifySender |',
    'conditionalAccessPolicyState', 'Member |', '---|', 'enabled |', 'disabled |', ''].join('\n');
  const ir = processText('beta/resources/enums.md', 'enums.md', text);
  assert.equal(ir.format, 'rendered-text');
  assert.deepEqual(ir.enums.map((e) => [e.name, e.members.map((m) => m.name), e.src.line]), [
    ['chatMessagePolicyViolationDlpActionType', ['none', 'NotifySender'], 4], ['conditionalAccessPolicyState', ['enabled', 'disabled'], 9],
  ]);
});

test('a page whose own fences are broken shows one stray "```http" line in its copy: still a copy', () => {
  const { copied, lines } = forms('2021-07/beta/api/accesspackage-post-incompatiblegroup.md');
  assert.deepEqual(lines.filter((l) => l.trim().startsWith('```')), ['```http']);
  assert.equal(copied.format, 'rendered-text');
  assert.deepEqual(copied.operations.map((o) => o.key), ['POST /identitygovernance/entitlementmanagement/accesspackages/{}/incompatiblegroups/$ref']);
  // Every fact of the markdown page, and one more: the copy's response example, which the broken fence leaves without its status line.
  const { md } = forms('2021-07/beta/api/accesspackage-post-incompatiblegroup.md');
  assert.deepEqual(facts(copied), { ...facts(md), 'example response': ['null'] });
  assert.equal(facts(md)['example response'], undefined);
});

test('the sections of a copy nest as the markdown page\'s do: "Examples" over "Example 1" over "Request"; "Permissions" over "Permissions for channel" and "Permissions for chat" (no section stands empty)', () => {
  const outline = (ir: PageIR) => ir.sections.map((x) => `${x.kind}/${x.depth}${x.empty ? '/empty' : ''}: ${x.heading}`);
  for (const rel of ['2021-07/beta/api/bitlockerrecoverykey-get.md', '2021-07/beta/api/chatmessage-list-hostedcontents.md']) {
    const { md, copied } = forms(rel);
    assert.deepEqual(outline(copied), outline(md), rel);
  }
  assert.deepEqual(outline(forms('2021-07/beta/api/chatmessage-list-hostedcontents.md').copied).slice(0, 4),
    ['title/1: List hostedContents', 'permissions/2: Permissions', 'permissions/3: Permissions for channel', 'permissions/3: Permissions for chat']);
});

test('a tree of copies (they keep no link targets) is taken for a part of a docs tree: its whole-tree rules do not run, and tree-partial says why; --whole-tree runs them', () => {
  const files: Record<string, string> = {};
  for (const rel of pagesUnder(DIR)) files[rel.replace(/\.md$/, '.txt')] = renderAsCopied(readSource(join(DIR, rel)).text, join(DIR, rel)).join('\n') + '\n';
  const dir = tempTree(files);
  const a = analyze([dir]);
  assert.ok(a.pages.every((p) => p.format === 'rendered-text'));
  assert.ok(a.model.documents.every((d) => d.linksLost === true));
  const partial = a.findings.filter((f) => f.rule === 'tree-partial');
  assert.equal(partial.length, 1);
  assert.match(partial[0]!.message, /^14 of the 14 pages are copies of rendered pages, which keep no link targets: whether this is a whole docs tree cannot be told from its links\. What the tree lacks \([^)]*\btype-undefined\b[^)]*\) is not reported; pass --whole-tree if it is the whole tree$/);
  const wholeTreeRules = new Set(WHOLE_TREE_RULES);
  assert.deepEqual(a.findings.filter((f) => wholeTreeRules.has(f.rule)).map((f) => f.rule), []);
  // Told it is whole, the tree's rules run (what the 14 pages lack is then reported: their types' pages).
  const whole = analyze([dir], [], undefined, { wholeTree: true });
  assert.equal(whole.findings.some((f) => f.rule === 'tree-partial'), false);
  assert.ok(whole.findings.some((f) => wholeTreeRules.has(f.rule)));
});

test('the search for an unfenced JSON block reads a bounded number of lines: a page of openers that never close is not read once per opener', () => {
  const openers = Array.from({ length: 1000 }, () => '[');
  const budget = { lines: 4 * openers.length + 1000 };
  let found = 0;
  for (let i = 0; i < openers.length; i++) if (jsonEnd(openers, i, budget) !== undefined) found++;
  // Without the bound the 1,000 attempts would read 500,500 lines; with it, the 5,000 of the budget and one look for each
  // of the 995 attempts after it ran out.
  assert.deepEqual([found, 5000 - budget.lines], [0, 5995]);
  // A block that closes is found while the budget lasts.
  assert.equal(jsonEnd(['{', '  "a": [1, 2],', '', '  "b": "}"', '}', 'after'], 0, { lines: 100 }), 5);
  assert.equal(jsonEnd(['{', '  "a": 1', '}'], 0, { lines: 2 }), undefined);
});

test('the seeds: only the copied one (001) is read as rendered text', () => {
  const seeds = readdirSync(join(ROOT, 'input')).sort();
  assert.deepEqual(seeds.map((f) => detectRenderedText(splitFrontMatter(readSource(join(ROOT, 'input', f)).text).body).rendered), [false, true, false, false, false]);
});

test('corpus: the copies of a seeded sample of each tree give the facts of their markdown pages (≥ 99.5%, each kind ≥ 98%), and no markdown page is read as a copy', (t) => {
  const trees = (['2021-07', '2020-05', 'modern-sample'] as const).map((name) => [name, corpusTree(name)] as const);
  if (trees.some(([, dir]) => !dir)) { t.skip(CORPUS_SKIP); return; }
  for (const [name, dir] of trees) {
    const r = roundtrip(dir!, 300, 20261212);
    const all = [...r.tallies.values()].reduce((a, x) => ({ facts: a.facts + x.facts, found: a.found + x.found }), { facts: 0, found: 0 });
    assert.ok(all.found / all.facts >= 0.995, `${name}: ${all.found} of ${all.facts}`);
    for (const [kind, x] of r.tallies) assert.ok(x.found / x.facts >= 0.98 || x.facts - x.found <= 2, `${name} ${kind}: ${x.found} of ${x.facts}; missed ${x.missed.slice(0, 5).join('; ')}`);
    // Detection never takes a markdown page of the tree for a copy.
    const copies = collectInputs([dir!]).files.filter((f) => !isIncludeFragment(f) && detectRenderedText(splitFrontMatter(readSource(f.abs).text).body).rendered);
    assert.deepEqual(copies.map((f) => f.abs), [], name);
  }
});
