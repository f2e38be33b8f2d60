import { opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

const TEMPLATE = /\$\([\w.]+\)|\{\{[^{}]*\}\}|<<[^<>]+>>|\bTODO\b|\bTBD\b/;

/**
 * Text with documented variable syntax taken out: Intune's certificate subject formats
 * (`CN={{EmailAddress}}`, "Can contain any of the following formatters: {{UPN}}, …") are values the
 * API accepts, written as an example — not a generator's unfilled template.
 */
export function withoutDocumentedVariables(text: string): string {
  // After "Example:" / "formatters" / "variables" / "tokens", and after "=" or ",", {{Name}} is a documented value.
  const intro = /\b(example|e\.g\.|formatters?|variables?|tokens?)\b/i.exec(text);
  const cut = intro ? intro.index : text.length;
  return text.slice(0, cut).replace(/([=,]) ?\{\{\w{1,80}\}\}/g, '$1') + text.slice(cut).replace(/\{\{\w{1,80}\}\}/g, '');
}

function unresolved(text: string): boolean {
  return TEMPLATE.test(withoutDocumentedVariables(text));
}

export const rule: PageRule = {
  id: 'template-text-unresolved',
  input: 'page',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['page'],
  summary: 'Template placeholders were left in the page ($(metadata.owner), {{...}}, TODO)',
  description: 'Front matter values, titles or descriptions still hold template variables or TODO markers that a generator was meant to fill. Variable syntax the API itself documents as a value (Intune\'s `CN={{EmailAddress}}` subject formats, "formatters: {{UPN}}") is not reported.',
  example: { before: 'author: "$(metadata.owner)"', after: 'author: "jdoe"' },
  fixture: {
    before: { 'v1.0/api/a.md': '---\ntitle: "Get widget"\nauthor: "$(metadata.owner)"\n---\n' + opPage('Get widget', 'GET', '/widgets/{id}') },
    after: { 'v1.0/api/a.md': '---\ntitle: "Get widget"\nauthor: "jdoe"\n---\n' + opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const fm = p.frontMatter ?? {};
      for (const [k, v] of Object.entries(fm)) {
        if (typeof v === 'string' && unresolved(v)) {
          out.push(pageFinding(this, p, { file: p.file, line: p.frontMatterLines[k] ?? 1, column: 1 }, `frontMatter.${k}`, `Front matter ${k} is an unresolved template value: ${JSON.stringify(v)}`, v, [k]));
        }
      }
      const texts = [p.title.h1, p.description, ...(p.requestBody?.properties ?? []).map((x) => ({ value: x.description, src: x.src }))];
      for (const t of texts) {
        if (t && unresolved(t.value)) out.push(pageFinding(this, p, t.src, 'text', `Unresolved template text: ${JSON.stringify(t.value.slice(0, 80))}`, t.value.slice(0, 80), [t.value.slice(0, 80)]));
      }
    }
    return out;
  },
};
