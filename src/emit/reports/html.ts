/**
 * A single-file HTML report: summary, filters by severity, rule and version, the findings, and
 * per operation a side-by-side table. All page text travels as JSON inside a
 * <script type="application/json"> (with <, >, & escaped) and is put on the page with
 * textContent only, so nothing from a page can run.
 */
import type { ReportData } from './report-data.js';

function jsonForScript(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029').replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:1.5rem;color:#222}h1{font-size:1.4rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}th{background:#f3f3f3}.error{color:#b00}.warning{color:#a60}.info{color:#06c}
.differs td:first-child{font-weight:bold}#filters label{margin-right:1rem}.side{color:#555;font-size:12px}code{font-size:12px}`;

const SCRIPT = `(() => {
  const data = JSON.parse(document.getElementById('data').textContent);
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = String(text); if (cls) e.className = cls; return e; };
  const summary = document.getElementById('summary');
  const s = data.summary;
  summary.textContent = s.pages + ' pages, ' + s.operations + ' operations, ' + s.types + ' types; findings: ' + s.findings.error + ' error, ' + s.findings.warning + ' warning, ' + s.findings.info + ' info';
  const sev = document.getElementById('severity'), rule = document.getElementById('rule'), ver = document.getElementById('version');
  for (const r of [...new Set(data.findings.map((f) => f.rule))].sort()) { const o = el('option', r); o.value = r; rule.appendChild(o); }
  const body = document.getElementById('findings');
  function render() {
    body.replaceChildren();
    const shown = data.findings.filter((f) => (!sev.value || f.severity === sev.value) && (!rule.value || f.rule === rule.value) && (!ver.value || f.sides.some((x) => x.version === ver.value)));
    for (const f of shown) {
      const tr = el('tr');
      tr.appendChild(el('td', f.severity, f.severity));
      tr.appendChild(el('td', f.rule));
      tr.appendChild(el('td', f.context));
      const msg = el('td'); msg.appendChild(el('div', f.message));
      for (const x of f.sides.slice(0, 12)) msg.appendChild(el('div', x.file + ':' + x.line + (x.version ? ' (' + x.version + ')' : '') + ': ' + x.value, 'side'));
      tr.appendChild(msg);
      body.appendChild(tr);
    }
    document.getElementById('count').textContent = shown.length + ' of ' + data.findings.length + ' findings shown';
  }
  for (const x of [sev, rule, ver]) x.addEventListener('change', render);
  render();
  const groups = document.getElementById('groups');
  for (const g of data.groups) {
    groups.appendChild(el('h3', g.key));
    const t = el('table'), head = el('tr');
    head.appendChild(el('th', 'field'));
    for (const p of g.pages) head.appendChild(el('th', p.file.split('/').pop() + ' (' + (p.version || '?') + ')'));
    t.appendChild(head);
    for (const f of g.fields) {
      const tr = el('tr', undefined, new Set(f.values.filter((v) => v !== '')).size > 1 ? 'differs' : '');
      tr.appendChild(el('td', f.field));
      for (const v of f.values) tr.appendChild(el('td', v || '—'));
      t.appendChild(tr);
    }
    groups.appendChild(t);
  }
})();`;

export function htmlReport(d: ReportData, title = 'docmodel reconciliation report'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>${title.replace(/[<&>"]/g, '')}</title><style>${STYLE}</style></head>
<body><h1>${title.replace(/[<&>"]/g, '')}</h1><p id="summary"></p>
<div id="filters"><label>Severity <select id="severity"><option value="">all</option><option value="error">error</option><option value="warning">warning</option><option value="info">info</option></select></label>
<label>Rule <select id="rule"><option value="">all</option></select></label>
<label>Version <select id="version"><option value="">all</option><option value="v1.0">v1.0</option><option value="beta">beta</option></select></label>
<span id="count"></span></div>
<table><thead><tr><th>severity</th><th>rule</th><th>context</th><th>finding and sides</th></tr></thead><tbody id="findings"></tbody></table>
<h2>Operations documented by more than one page</h2><div id="groups"></div>
<script type="application/json" id="data">${jsonForScript({ summary: d.summary, findings: d.findings, groups: d.groups.map((g) => ({ key: g.key, pages: g.pages, fields: g.fields })) })}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
