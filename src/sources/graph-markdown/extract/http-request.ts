/**
 * The HTTP request block(s): method + path template for every line, kept intact (function
 * calls, casts, colon paths, alternations), with path parameters. Lines that are not requests
 * are rejected with a diagnostic. A page whose HTTP block is empty falls back on its example
 * request URLs.
 */
import type { Code } from 'mdast';
import type { Operation } from '../ir/schema.js';
import type { Extractor, PageContext } from './context.js';
import { operationKey, parseRequestLine, pathParameters, splitTarget, METHODS } from './http-path.js';

export const httpRequest: Extractor = {
  name: 'operations',
  extract(ctx, ir) {
    const sections = ctx.sectionsOf('http-request');
    let sawBlock = false;
    let emptyBlock: Code | undefined;
    // An "HTTP request" sub-heading after the page's examples begin (under "## Get a single thumbnail"
    // following "## Example") shows an example call, not the operation's template — once the page
    // has a template of its own.
    const examplesAt = Math.min(...ctx.sections.filter((x) => x.kind === 'examples').map((x) => x.index), Infinity);
    for (const s of sections) {
      if (s.index > examplesAt && ir.operations.length > 0) {
        // Each request line it holds is named (nothing dropped silently).
        let named = 0;
        for (const n of ctx.content(s)) {
          const codes: Code[] = n.type === 'code' ? [n] : n.type === 'list' || n.type === 'blockquote' ? collectCode(n) : [];
          for (const code of codes) {
            code.value.split('\n').forEach((line, k) => {
              if (!parseRequestLine(line.trim())) return;
              named++;
              ctx.diag('http-block-after-examples', 'info', `"${s.heading}" stands after the examples; its request line shows a call, not the operation's template: it is read as an example request, not as a template: ${JSON.stringify(line.trim().slice(0, 80))}`, ctx.srcAtLine(code, k + 1, 1 + (code.position?.start.column ?? 1) - 1 + (line.length - line.trimStart().length)));
            });
          }
        }
        if (!named && s.node) ctx.diag('http-block-after-examples', 'info', `"${s.heading}" stands after the examples; its block shows a call, not the operation's template, and is not read as one (nor as an example request: it holds no request line)`, s.node);
        continue;
      }
      for (const n of ctx.content(s)) {
        const codes: Code[] = n.type === 'code' ? [n] : n.type === 'list' || n.type === 'blockquote' ? collectCode(n) : [];
        for (const code of codes) {
          const lang = (code.lang ?? '').toLowerCase();
          if (lang && !/^(http|https|rest|text|txt|console|bash|shell|url|msgraph-interactive)$/.test(lang)) {
            // A block labelled with another language that holds request lines is still the HTTP block.
            const first = code.value.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
            if (!parseRequestLine(first)) continue;
            ctx.diag('http-block-language', 'info', `The HTTP request block is fenced as "${code.lang}"; its request lines are read`, code);
          }
          sawBlock = true;
          if (code.value.trim() === '') { emptyBlock = code; continue; }
          readBlock(ctx, code, ir.operations);
        }
      }
    }
    if (sections.length && !sawBlock) {
      ctx.diag('http-block-missing', 'warning', 'The HTTP request section has no code block', sections[0]!.node);
    }
    if (emptyBlock && ir.operations.length === 0) {
      ctx.diag('http-block-empty', 'warning', 'The HTTP request block is empty', emptyBlock);
    }
    if (ir.operations.length === 0) {
      // Fall back on example request URLs (one operation per distinct method + path).
      const seen = new Set<string>();
      for (const r of ir.examples.requests) {
        const path = r.path.replace(/\?[\s\S]*$/, '');
        const key = operationKey(r.method, path);
        if (seen.has(key)) continue;
        seen.add(key);
        ir.operations.push({ method: r.method, path, key, pathParameters: pathParameters(path), fromExample: true, src: r.src });
      }
      if (ir.operations.length && sections.length) {
        ctx.diag('operation-from-example', 'info', `No request line in the HTTP request section; operation taken from the example request (${ir.operations.map((o) => o.key).join(', ')})`, ir.operations[0]!.src);
      }
    }
  },
};

function collectCode(n: { children?: unknown[] }): Code[] {
  const out: Code[] = [];
  const visit = (x: any) => {
    if (x.type === 'code') out.push(x);
    else if (Array.isArray(x.children)) x.children.forEach(visit);
  };
  visit(n);
  return out;
}

function readBlock(ctx: PageContext, code: Code, out: Operation[]): void {
  const lines = code.value.split('\n');
  let lastMethod: string | undefined;
  lines.forEach((line, k) => {
    const l = line.trim();
    if (l === '' || l.startsWith('#') || l.startsWith('//') || /^<!--.*-->$/.test(l)) return;
    // Fence content loses the fence's own indentation (fences indented in lists): add it back.
    const fenceIndent = (code.position?.start.column ?? 1) - 1;
    const src = ctx.srcAtLine(code, k + 1, 1 + fenceIndent + (line.length - line.trimStart().length));
    let t = parseRequestLine(l);
    if (!t && lastMethod && l.startsWith('/')) {
      const st = splitTarget(l);
      if (st) {
        t = { method: lastMethod, ...st };
        ctx.diag('http-line-no-method', 'info', `Request line has no method; ${lastMethod} from the line above is used`, src);
      }
    }
    if (!t) {
      const method = l.split(/\s+/)[0]!.toUpperCase();
      const reason = (METHODS as readonly string[]).includes(method) ? 'its target is not a path' : 'it does not start with an HTTP method';
      ctx.diag('http-line-not-a-request', 'warning', `Line in the HTTP request block is not a request (${reason}): ${JSON.stringify(l.slice(0, 80))}`, src);
      return;
    }
    lastMethod = t.method;
    if (t.noLeadingSlash) ctx.diag('http-path-no-leading-slash', 'info', `Path ${t.path} has no leading "/"`, src);
    const unclosed = unclosedPlaceholder(t.path);
    if (unclosed) ctx.diag('http-path-placeholder-unclosed', 'warning', `Path ${t.path} opens the placeholder ${JSON.stringify(unclosed)} without closing it: read as the placeholder {${unclosed.slice(1)}} up to the next "/"`, src);
    // `…/childFolders/{id}/.../contacts/{id}`: the page's shorthand for "a child of a child and so on", no segment of the call.
    if (t.path.split('?')[0]!.split('/').some((seg) => seg === '...' || seg === '…')) ctx.diag('http-path-ellipsis', 'info', `Path ${t.path} has a "..." segment (the page's shorthand for a repeated part): kept as written, so the operation's key has it`, src);
    const op: Operation = { method: t.method, path: t.path, key: operationKey(t.method, t.path), pathParameters: pathParameters(t.path), fromExample: false, src };
    if (t.query) op.query = t.query;
    out.push(op);
  });
}

/** The first `{…` segment of a path that its own segment does not close (`/groups/{group-id/drive/…`), or undefined. */
export function unclosedPlaceholder(path: string): string | undefined {
  return path.split(/[/?]/).find((seg) => /^\{[^{}]+$/.test(seg));
}
