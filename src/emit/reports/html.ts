/**
 * A single-file HTML report that stays fast on a whole docs tree: counts per severity, rule and
 * area up front; search and filters (severity, rule, area, version); findings shown a page at a
 * time; each operation's side-by-side table rendered only when opened; a deep link (#f-<fingerprint>,
 * #op-<operation>) for every finding and table; each side a link to the page and line.
 *
 * All page text travels as JSON inside a <script type="application/json"> (with <, >, & escaped)
 * and is put on the page with textContent only, so nothing from a page can run.
 */
import type { ReportData } from './report-data.js';
import { html as escapeHtml, uriPath } from './escape.js';
import type { Diagnostic } from '../../model/schema.js';

function jsonForScript(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029').replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:1.5rem;color:#222}h1{font-size:1.4rem}table{border-collapse:collapse;margin:.5rem 0 1rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}th{background:#f3f3f3}.error{color:#b00}.warning{color:#a60}.info{color:#06c}
.differs td:first-child{font-weight:bold}#filters label{margin-right:1rem}.side{color:#555;font-size:12px}.side a{color:#555}code{font-size:12px}
.counts{display:flex;gap:2rem;flex-wrap:wrap}.counts table{font-size:12px}.brk{color:#b00;font-weight:bold}#pager button{margin:0 .25rem}:target{background:#ffd}`;

/** Findings per page of the list. */
const PAGE = 100;

const SCRIPT = `(() => {
  const data = JSON.parse(document.getElementById('data').textContent);
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = String(text); if (cls) e.className = cls; return e; };
  // Each segment percent-encoded (as uriPath does): a page or folder named "javascript:..." stays a relative link, never a URL scheme.
  const seg = (x) => encodeURIComponent(x.replace(/[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]/g, '\\ufffd')).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const link = (file, line, snapshot) => { const a = el('a', file + ':' + line); a.href = (snapshot === 'old' && data.oldBase !== undefined ? data.oldBase : data.base) + file.split('/').map(seg).join('/') + '#L' + line; return a; };
  const opId = (k) => 'op-' + k.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const s = data.summary;
  $('summary').textContent = s.pages + ' pages, ' + s.operations + ' operations, ' + s.types + ' types. ' + data.findings.length + ' findings (one per root cause; ' +
    (s.instances.error + s.instances.warning + s.instances.info) + ' instances): ' + s.findings.error + ' error, ' + s.findings.warning + ' warning, ' + s.findings.info + ' info' +
    (s.breaking ? '; ' + s.breaking + ' breaking' : '') + (data.hidden ? '. ' + data.hidden + ' cross-version info findings left out (--all shows them).' : '.');
  const countTable = (title, rows) => { const t = el('table'); const h = el('tr'); h.appendChild(el('th', title)); h.appendChild(el('th', 'findings')); t.appendChild(h);
    for (const [k, n] of rows) { const tr = el('tr'); tr.appendChild(el('td', k)); tr.appendChild(el('td', n)); t.appendChild(tr); } return t; };
  $('counts').appendChild(countTable('severity', [['error', s.findings.error], ['warning', s.findings.warning], ['info', s.findings.info]]));
  $('counts').appendChild(countTable('rule', Object.entries(s.byRule).map(([r, c]) => [r, c.error + c.warning + c.info]).sort((a, b) => b[1] - a[1])));
  $('counts').appendChild(countTable('area', Object.entries(s.byArea).sort((a, b) => b[1] - a[1])));
  const sev = $('severity'), rule = $('rule'), area = $('area'), ver = $('version'), q = $('q');
  const opt = (sel, v) => { const o = el('option', v); o.value = v; sel.appendChild(o); };
  for (const r of Object.keys(s.byRule)) opt(rule, r);
  for (const a of Object.keys(s.byArea)) opt(area, a);
  const tables = new Set(data.groups.map((g) => g.key));
  let page = 0, shown = [];
  function filter() {
    const text = q.value.trim().toLowerCase();
    shown = data.findings.filter((f) => (!sev.value || f.severity === sev.value) && (!rule.value || f.rule === rule.value) && (!area.value || f.area === area.value) &&
      (!ver.value || f.sides.some((x) => x.version === ver.value)) && (!text || (f.message + ' ' + f.subject + ' ' + f.rule + ' ' + (f.pages || []).join(' ')).toLowerCase().includes(text)));
    page = 0; render();
  }
  function render() {
    const body = $('findings');
    body.replaceChildren();
    for (const f of shown.slice(page * ${PAGE}, (page + 1) * ${PAGE})) {
      const tr = el('tr'); tr.id = 'f-' + f.fingerprint;
      tr.appendChild(el('td', f.severity, f.severity));
      tr.appendChild(el('td', f.breaking ? 'breaking' : f.context === 'drift' ? 'no' : '', f.breaking ? 'brk' : ''));
      tr.appendChild(el('td', f.rule + ' (' + (f.confidence || '') + ')'));
      tr.appendChild(el('td', f.area || ''));
      const msg = el('td'); const m = el('div', f.message); msg.appendChild(m);
      const self = el('a', ' #'); self.href = '#f-' + f.fingerprint; m.appendChild(self);
      const op = [f.subject, ...(f.subjects || [])].find((x) => tables.has(x));
      if (op) { const a = el('a', ' operation table'); a.href = '#' + opId(op); m.appendChild(a); }
      for (const x of f.sides.slice(0, 12)) { const d = el('div', undefined, 'side'); d.appendChild(link(x.file, x.line, x.snapshot)); const q = [x.version, x.snapshot].filter(Boolean); d.appendChild(document.createTextNode((q.length ? ' (' + q.join(', ') + ')' : '') + ': ' + x.value)); msg.appendChild(d); }
      if (f.pages && f.pages.length > 1) { const d = el('details', undefined, 'side'); d.appendChild(el('summary', (f.instances || 0) + ' instances on ' + f.pages.length + ' pages'));
        d.addEventListener('toggle', () => { if (d.childNodes.length > 1) return; for (const p of f.pages) { const x = el('div'); x.appendChild(link(p, 1)); d.appendChild(x); } }); msg.appendChild(d); }
      tr.appendChild(msg);
      body.appendChild(tr);
    }
    const pages = Math.max(1, Math.ceil(shown.length / ${PAGE}));
    $('count').textContent = shown.length + ' of ' + data.findings.length + ' findings; page ' + (page + 1) + ' of ' + pages;
    $('prev').disabled = page === 0; $('next').disabled = page >= pages - 1;
  }
  $('prev').addEventListener('click', () => { page--; render(); });
  $('next').addEventListener('click', () => { page++; render(); });
  for (const x of [sev, rule, area, ver]) x.addEventListener('change', filter);
  q.addEventListener('input', filter);
  const groups = $('groups');
  const fillTable = (d, g) => {
    const t = el('table'), head = el('tr');
    head.appendChild(el('th', 'field'));
    for (const p of g.pages) { const th = el('th'); th.appendChild(link(p.file, p.line)); th.appendChild(document.createTextNode(' (' + (p.version || '?') + ')')); head.appendChild(th); }
    t.appendChild(head);
    for (const f of g.fields) {
      const tr = el('tr', undefined, new Set(f.values.filter((v) => v !== '')).size > 1 ? 'differs' : '');
      tr.appendChild(el('td', f.field));
      for (const v of f.values) tr.appendChild(el('td', v || '—'));
      t.appendChild(tr);
    }
    d.appendChild(t);
    for (const fp of g.findings) { const a = el('a', 'finding ' + fp + ' '); a.href = '#f-' + fp; d.appendChild(a); }
  };
  const byId = new Map();
  const groupOf = new Map(data.groups.map((g) => [opId(g.key), g]));
  // The list of operations is built when first needed (opened, or a deep link into it); each table when opened.
  function listGroups() {
    if (byId.size || !data.groups.length) return;
    for (const g of data.groups) {
      const d = el('details'); d.id = opId(g.key);
      d.appendChild(el('summary', g.key + ' — ' + g.pages.length + ' pages, ' + g.findings.length + ' findings'));
      d.addEventListener('toggle', () => { if (d.open && d.childNodes.length === 1) fillTable(d, g); });
      groups.appendChild(d); byId.set(d.id, d);
    }
  }
  $('groupsBox').addEventListener('toggle', () => { if ($('groupsBox').open) listGroups(); });
  function follow() {
    const h = decodeURIComponent(location.hash.slice(1));
    if (h.startsWith('op-') && groupOf.has(h)) { $('groupsBox').open = true; listGroups(); byId.get(h).open = true; byId.get(h).scrollIntoView(); }
    else if (h.startsWith('f-')) { const i = shown.findIndex((f) => 'f-' + f.fingerprint === h); if (i >= 0) { page = Math.floor(i / ${PAGE}); render(); const r = document.getElementById(h); if (r) r.scrollIntoView(); } }
  }
  window.addEventListener('hashchange', follow);
  filter(); follow();
  document.body.dataset.ready = '1';
})();`;

/** The prefix of a page link: the docs root seen from the report's directory, with a trailing `/` (none for `.`). */
function linkBase(dir = '.'): string {
  let rel = dir.split('\\').join('/');
  while (rel.endsWith('/')) rel = rel.slice(0, -1); // not /\/+$/: quadratic on a long run of slashes (regex audit)
  return rel && rel !== '.' ? uriPath(rel) + '/' : '';
}

/** Pages not read (error diagnostics, which --fail-on error counts), listed as the text and GitHub reports list them; escaped here, no script. */
function unreadSection(unread: readonly Diagnostic[], base: string): string {
  if (!unread.length) return '';
  const items = unread.map((d) => `<li><a href="${escapeHtml(base + uriPath(d.src.file))}">${escapeHtml(`${d.src.file}:${d.src.line}`)}</a> ${escapeHtml(d.message)} <code>${escapeHtml(d.rule)}</code></li>`);
  return `<section id="unread"><h2>Not read (${unread.length} error diagnostic(s), counted as errors by --fail-on)</h2><ul>${items.join('')}</ul></section>\n`;
}

export function htmlReport(d: ReportData, title = 'docmodel reconciliation report', opts: { hidden?: number; reportDir?: string; all?: boolean; oldReportDir?: string; unread?: readonly Diagnostic[] } = {}): string {
  // reportDir: the docs root as seen from the report's directory; page links are relative to it (oldReportDir: drift's old snapshot, for its sides).
  const base = linkBase(opts.reportDir);
  const withFindings = new Set(d.findings.flatMap((f) => [f.subject, ...(f.instances ?? []).map((i) => i.subject)]));
  const groups = (opts.all ? d.groups : d.groups.filter((g) => g.findings.length || withFindings.has(g.key))).map((g) => ({ key: g.key, pages: g.pages, fields: g.fields, findings: g.findings }));
  // Instances stay in the JSON report; here a finding carries its pages and the subjects its instances touch.
  const findings = d.findings.map((f) => {
    const { instances, ...rest } = f;
    const subjects = instances ? [...new Set(instances.map((i) => i.subject))].slice(0, 50) : undefined;
    return { ...rest, ...(instances ? { instances: instances.length, subjects } : {}) };
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>${title.replace(/[<&>"]/g, '')}</title><style>${STYLE}</style></head>
<body><h1>${title.replace(/[<&>"]/g, '')}</h1><p id="summary"></p>
${unreadSection(opts.unread ?? [], base)}<div class="counts" id="counts"></div>
<div id="filters"><label>Search <input id="q" type="search" size="30"></label>
<label>Severity <select id="severity"><option value="">all</option><option value="error">error</option><option value="warning">warning</option><option value="info">info</option></select></label>
<label>Rule <select id="rule"><option value="">all</option></select></label>
<label>Area <select id="area"><option value="">all</option></select></label>
<label>Version <select id="version"><option value="">all</option><option value="v1.0">v1.0</option><option value="beta">beta</option></select></label></div>
<p id="pager"><button id="prev">previous</button><span id="count"></span><button id="next">next</button></p>
<table><thead><tr><th>severity</th><th>breaking</th><th>rule (confidence)</th><th>area</th><th>finding and sides</th></tr></thead><tbody id="findings"></tbody></table>
<details id="groupsBox"><summary><h2 style="display:inline">Operations with findings, side by side</h2> (open to list them; each table is rendered when opened)</summary><div id="groups"></div></details>
<script type="application/json" id="data">${jsonForScript({ summary: d.summary, base, ...(opts.oldReportDir === undefined ? {} : { oldBase: linkBase(opts.oldReportDir) }), hidden: opts.hidden ?? 0, findings, groups })}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
