/**
 * A hostile page: names and descriptions carrying comment ends, backticks, template
 * expressions, script tags, prototype names. The models compile and hold only declarations;
 * the reports carry the text escaped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project, SyntaxKind } from 'ts-morph';
import { modelFromPages as buildModel } from '../src/sources/graph-markdown/to-model.js';
import { emitModels } from '../src/emit/ts/models.js';
import { reportData } from '../src/emit/reports/report-data.js';
import { markdownReport } from '../src/emit/reports/markdown.js';
import { reconcile } from '../src/checks/engine.js';
import { page, typecheck, tempDir } from './helpers.js';
import { HOSTILE } from './hostile-page.js';



test('hostile names and descriptions give compiling, inert TypeScript', () => {
  const ir = page(HOSTILE, 'evil.md');
  // Resource pages with an HTTP block are operation pages; emit the resource part from a copy without it.
  const res = page(HOSTILE.split('## HTTP request')[0]!, 'evil-resource.md');
  const model = buildModel([ir, res]);
  const out = emitModels(model);
  const dir = tempDir('evil');
  for (const [rel, text] of out.files) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const r = typecheck(dir);
  assert.equal(r.status, 0, r.output);
  const project = new Project({ useInMemoryFileSystem: true });
  for (const [rel, text] of out.files) {
    const sf = project.createSourceFile(rel, text);
    for (const st of sf.getStatements()) {
      assert.ok([SyntaxKind.InterfaceDeclaration, SyntaxKind.TypeAliasDeclaration, SyntaxKind.VariableStatement, SyntaxKind.ImportDeclaration, SyntaxKind.ExportDeclaration].includes(st.getKind()), `${rel}: unexpected ${st.getKindName()}`);
    }
    assert.equal(sf.getDescendantsOfKind(SyntaxKind.CallExpression).length, 0, `${rel} has a call expression`);
    assert.equal(sf.getDescendantsOfKind(SyntaxKind.TemplateExpression).length, 0, `${rel} has a template expression`);
    assert.ok(!/export const pwned/.test(text.replace(/\/\*\*[\s\S]*?\*\//g, '')), 'no code outside comments');
  }
  const text = out.files.get('v1.0/microsoft.graph.ts')!;
  assert.match(text, /"constructor"\?: string/);
  assert.match(text, /"__proto__"\?: string/);
  assert.match(text, /"@microsoft\.graph\.conflictBehavior"\?: string/);
  assert.match(text, /"a-b"\?:/);
  assert.ok(text.includes(`export type Kind = "a\\"b" | "c'd\\\\" | "\${x}";`), 'enum literals escaped');
});

test('reports escape page text', () => {
  const ir = page(HOSTILE, 'evil.md');
  const model = buildModel([ir]);
  const md = markdownReport(reportData(model, reconcile({ model, pages: model.documents, tree: { exists: () => undefined, absOf: () => undefined } }), '0'), '.');
  assert.ok(!md.includes('<script>'), 'no raw script tag');
  assert.ok(!md.includes('<img'), 'no raw img tag');
});
