#include "reports/report_assets.h"

namespace linkhealth {

const std::string_view kReportCss = R"css(
:root {
  --ink: #1d2330; --muted: #5b6474; --line: #dfe3ea; --bg: #f6f7f9; --card: #fff;
  --red: #b42318; --red-bg: #fde8e6; --amber: #9a5b00; --amber-bg: #fff1d6;
  --blue: #1d4ed8; --blue-bg: #e3ebfd; --green: #18794e; --green-bg: #ddf3e6;
  --grey: #4b5563; --grey-bg: #eceef1;
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: var(--bg); }
main { max-width: 1500px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; }
h2 .count { color: var(--muted); font-weight: normal; }
p.lead, .muted { color: var(--muted); }
p.lead { margin: 0 0 16px; }
a { color: var(--blue); overflow-wrap: anywhere; }
.nolink { overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace;
  font-size: 12px; background: var(--grey-bg); padding: 0 3px; border-radius: 3px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 12px 16px; min-width: 150px; }
.card .n { font-size: 28px; font-weight: 700; display: block; }
.card .l { color: var(--muted); font-size: 13px; }
.card.bad .n { color: var(--red); } .card.warn .n { color: var(--amber); }
.card.good .n { color: var(--green); } .card.info .n { color: var(--grey); }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 8px; }
.chip { border: 1px solid var(--line); background: var(--card); border-radius: 999px;
  padding: 3px 10px; font: inherit; font-size: 13px; cursor: pointer; color: var(--ink); }
.chip b { margin-left: 4px; }
.chip:hover { border-color: var(--blue); }
.badge { display: inline-block; border-radius: 6px; padding: 1px 7px; font-size: 12px;
  font-weight: 600; white-space: nowrap; }
.v-broken, .v-soft_404, .v-invalid { background: var(--red-bg); color: var(--red); }
.v-server_error, .v-timeout, .v-network_error, .v-tls_error { background: var(--amber-bg);
  color: var(--amber); }
.v-redirected { background: var(--blue-bg); color: var(--blue); }
.v-ok { background: var(--green-bg); color: var(--green); }
.v-blocked, .v-skipped { background: var(--grey-bg); color: var(--grey); }
.tag-new { background: var(--red); color: #fff; } .tag-fixed { background: var(--green); color: #fff; }
.changes { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.panel h3 { margin: 0 0 8px; font-size: 15px; }
.panel ul { margin: 0; padding-left: 18px; } .panel li { margin: 3px 0; }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 8px;
  align-items: center; background: var(--bg); padding: 10px 0; border-bottom: 1px solid var(--line); }
.toolbar label { font-size: 12px; color: var(--muted); display: flex; flex-direction: column; gap: 2px; }
.toolbar select, .toolbar input { font: inherit; padding: 5px 8px; border: 1px solid var(--line);
  border-radius: 6px; background: #fff; max-width: 260px; }
.toolbar input[type=search] { width: 260px; }
.toolbar button { font: inherit; padding: 5px 12px; border: 1px solid var(--line);
  border-radius: 6px; background: #fff; cursor: pointer; align-self: flex-end; }
#lh-shown { margin-left: auto; color: var(--muted); align-self: flex-end; }
table { width: 100%; border-collapse: collapse; background: var(--card); }
table.lh { border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
th { background: #eef1f5; font-size: 12px; text-transform: uppercase; letter-spacing: .03em;
  color: var(--muted); }
th[data-sort] { cursor: pointer; user-select: none; }
th[data-sort]::after { content: " \2195"; opacity: .4; }
th[aria-sort=ascending]::after { content: " \2191"; opacity: 1; }
th[aria-sort=descending]::after { content: " \2193"; opacity: 1; }
tr.group th { background: #f9fafb; text-transform: none; letter-spacing: 0; font-size: 13px;
  color: var(--ink); border-top: 2px solid var(--line); }
tr.group th .sep { color: var(--muted); margin: 0 6px; }
td.src { min-width: 200px; max-width: 300px; }
td.url { min-width: 230px; max-width: 340px; font-size: 13px; }
td.chain-cell { min-width: 220px; max-width: 340px; }
td.titles { min-width: 240px; }
.slug { font-weight: 600; overflow-wrap: anywhere; }
.file, .field, .req { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px;
  color: var(--muted); overflow-wrap: anywhere; }
.small { font-size: 12px; color: var(--muted); }
.err { font-size: 12px; color: var(--muted); margin-top: 3px; overflow-wrap: anywhere; }
ol.chain { margin: 0; padding-left: 0; list-style: none; font-size: 12px; }
ol.chain li { overflow-wrap: anywhere; margin-bottom: 2px; }
ol.chain li + li::before { content: "\21B3 "; color: var(--muted); }
.st { font-weight: 700; margin-right: 4px; }
.title-line { margin: 0 0 3px; } .title-line .k { color: var(--muted); font-size: 11px;
  text-transform: uppercase; margin-right: 4px; }
del { background: var(--red-bg); color: var(--red); text-decoration: line-through; }
ins { background: var(--green-bg); color: var(--green); text-decoration: none; font-weight: 600; }
.match { color: var(--green); font-size: 12px; }
.fix { font-size: 13px; } .fix .k { display: block; color: var(--muted); font-size: 12px; }
details.section { margin-top: 24px; background: var(--card); border: 1px solid var(--line);
  border-radius: 10px; padding: 10px 16px; }
details.section > summary { cursor: pointer; font-weight: 600; font-size: 16px; }
details.kind { margin: 8px 0; } details.kind > summary { cursor: pointer; }
.empty { padding: 16px; color: var(--muted); background: var(--card); border: 1px dashed var(--line);
  border-radius: 10px; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: 6px 12px; }
dl.legend dd { margin: 0; color: var(--muted); }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
.trends { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
figure.trend { margin: 0; background: var(--card); border: 1px solid var(--line);
  border-radius: 10px; padding: 12px 16px; break-inside: avoid; }
figure.trend figcaption { margin-bottom: 6px; }
svg.chart { width: 100%; height: auto; display: block; }
.chart-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12px; color: var(--muted); }
.owner { font-size: 12px; color: var(--muted); } .owner b { color: var(--ink); font-weight: 600; }
@media (max-width: 900px) { .changes, .trends { grid-template-columns: 1fr; } }
@media print {
  body { background: #fff; font-size: 10px; }
  main { max-width: none; padding: 0; }
  .toolbar, .chip, #lh-noscript { display: none !important; }
  a { color: inherit; text-decoration: none; }
  table.lh { border-radius: 0; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  .card, .panel, details.section { border-color: #999; }
  del, ins, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

const std::string_view kReportJs = R"js(
(function () {
  'use strict';
  var facetsNode = document.getElementById('lh-facets');
  var facets = facetsNode ? JSON.parse(facetsNode.textContent) : {};
  var table = document.getElementById('lh-problems');
  var controls = {
    verdict: document.getElementById('lh-verdict'),
    community: document.getElementById('lh-community'),
    host: document.getElementById('lh-host'),
    owner: document.getElementById('lh-owner'),
    q: document.getElementById('lh-q')
  };
  // The select filters, each matching the row attribute data-<name>.
  var FACETS = ['verdict', 'community', 'host', 'owner'];
  if (!table || !controls.verdict) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll('tr.lh-row'));

  function fill(select, values, labels) {
    (values || []).forEach(function (v) {
      select.appendChild(new Option(labels && labels[v] ? labels[v] : (v === '' ? '(none)' : v), v));
    });
  }
  fill(controls.verdict, facets.verdicts, facets.verdict_labels);
  fill(controls.community, facets.communities);
  fill(controls.host, facets.hosts);
  fill(controls.owner, facets.owners);

  function readHash() {
    var state = {};
    var hash = window.location.hash.replace(/^#/, '');
    hash.split('&').forEach(function (part) {
      if (!part) return;
      var eq = part.indexOf('=');
      var key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      var value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      state[key] = value;
    });
    return state;
  }

  function selectValue(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) { select.selectedIndex = i; return; }
    }
  }

  function writeHash() {
    var parts = [];
    FACETS.forEach(function (k) {
      if (controls[k].selectedIndex > 0) {
        parts.push(k + '=' + encodeURIComponent(controls[k].value));
      }
    });
    if (controls.q.value) parts.push('q=' + encodeURIComponent(controls.q.value));
    var url = parts.length ? '#' + parts.join('&')
                           : window.location.pathname + window.location.search;
    try { window.history.replaceState(null, '', url); } catch (e) { /* file: may refuse */ }
  }

  function apply() {
    var want = {};
    FACETS.forEach(function (k) {
      want[k] = controls[k].selectedIndex > 0 ? controls[k].value : null;
    });
    var q = controls.q.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var ok = FACETS.every(function (k) {
        return want[k] === null || row.getAttribute('data-' + k) === want[k];
      }) && (!q || row.textContent.toLowerCase().indexOf(q) >= 0);
      row.hidden = !ok;
      if (ok) shown++;
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      body.hidden = !body.querySelector('tr.lh-row:not([hidden])');
    });
    document.getElementById('lh-shown').textContent =
      'Showing ' + shown + ' of ' + rows.length + ' rows';
  }

  function onChange() { apply(); writeHash(); }
  FACETS.forEach(function (k) {
    controls[k].addEventListener('change', onChange);
  });
  controls.q.addEventListener('input', onChange);
  document.getElementById('lh-reset').addEventListener('click', function () {
    FACETS.forEach(function (k) { controls[k].selectedIndex = 0; });
    controls.q.value = '';
    onChange();
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-filter-verdict]'), function (b) {
    b.addEventListener('click', function () {
      selectValue(controls.verdict, b.getAttribute('data-filter-verdict'));
      onChange();
      table.scrollIntoView();
    });
  });

  // Sorting keeps the community/host grouping: rows move only inside their group.
  var headers = Array.prototype.slice.call(table.tHead.querySelectorAll('th[data-sort]'));
  headers.forEach(function (th) {
    th.addEventListener('click', function () {
      var col = Number(th.getAttribute('data-sort'));
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var sign = dir === 'ascending' ? 1 : -1;
      Array.prototype.forEach.call(table.tBodies, function (body) {
        var list = Array.prototype.slice.call(body.querySelectorAll('tr.lh-row'));
        list.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-key') || a.cells[col].textContent;
          var y = b.cells[col].getAttribute('data-key') || b.cells[col].textContent;
          return sign * x.localeCompare(y, undefined, { numeric: true });
        });
        list.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) {
      d.setAttribute('open', '');
    });
  });

  var state = readHash();
  FACETS.forEach(function (k) {
    if (state[k] !== undefined) selectValue(controls[k], state[k]);
  });
  if (state.q !== undefined) controls.q.value = state.q;
  apply();
})();
)js";

}  // namespace linkhealth
