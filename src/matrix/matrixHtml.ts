import { escapeHtml } from '../report/escapeHtml';
import { verdictMarks } from '../report/scenarioLine';
import type { Matrix } from './matrix';

/** JSON inside a <script> element: nothing in it may close the element or open a comment. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * reports/matrix.html: one self-contained page (no network) with the scenarios × targets table. Each cell shows the
 * verdict and failure codes; a checkbox keeps only the rows where the targets differ; a cell that did not pass opens
 * its failures (with the YAML frames) and its HTTP transcript. The table is written out, so it reads without
 * JavaScript too; the script only filters and opens details, from the same data matrix.json holds.
 */
export function matrixHtml(matrix: Matrix): string {
  const names = matrix.targets.map((t) => t.name);
  const head = matrix.targets
    .map((t) => {
      const { passed, failed, errored, skipped } = t.totals;
      const about = [t.kind, t.description].filter(Boolean).join(': ');
      return `<th scope="col" data-target="${escapeHtml(t.name)}" title="${escapeHtml(about)}">${escapeHtml(t.name)}<small>${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped</small></th>`;
    })
    .join('');
  const body = matrix.rows
    .map((row, index) => {
      const cells = names
        .map((name) => {
          const cell = row.cells[name];
          if (!cell)
            return `<td class="cell absent" data-target="${escapeHtml(name)}" data-verdict="absent">not run</td>`;
          const codes = cell.codes.map((c) => `<code>${escapeHtml(c)}</code>`).join(' ');
          const label = `${verdictMarks[cell.verdict]} ${cell.verdict}`;
          const inner = cell.detail
            ? `<button type="button" data-row="${index}" data-target="${escapeHtml(name)}">${label}</button>`
            : `<span>${label}</span>`;
          return `<td class="cell ${cell.verdict}" data-target="${escapeHtml(name)}" data-verdict="${cell.verdict}">${inner}${codes ? `<div class="codes">${codes}</div>` : ''}</td>`;
        })
        .join('');
      return `<tr data-id="${escapeHtml(row.id)}" data-differs="${row.differs}"><th scope="row"><span class="id">${escapeHtml(row.id)}</span><span class="title">${escapeHtml(row.title)}</span><span class="file">${escapeHtml(row.file)}</span></th>${cells}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Compatibility matrix: ${escapeHtml(names.join(', '))}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1f2328; }
h1 { font-size: 1.3rem; margin: 0 0 .25rem; }
.meta { color: #57606a; margin: 0 0 1rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; position: sticky; top: 0; }
thead th small { display: block; font-weight: normal; color: #57606a; }
tbody th { font-weight: normal; max-width: 36rem; }
.id { display: block; font-family: ui-monospace, monospace; font-weight: 600; }
.title, .file { display: block; color: #57606a; }
.file { font-size: .85em; }
.cell.passed { background: #dafbe1; }
.cell.failed { background: #ffebe9; }
.cell.errored { background: #fff8c5; }
.cell.skipped, .cell.absent { background: #f6f8fa; color: #57606a; }
.cell button { font: inherit; cursor: pointer; background: none; border: 0; padding: 0; text-decoration: underline; }
.codes code { font-size: .8em; display: inline-block; margin-top: .2rem; }
tr[hidden] { display: none; }
dialog { max-width: min(90vw, 70rem); width: 100%; }
dialog pre { white-space: pre-wrap; word-break: break-word; background: #f6f8fa; padding: .75rem; max-height: 40vh; overflow: auto; }
</style>
</head>
<body>
<h1>Compatibility matrix</h1>
<p class="meta">${matrix.rows.length} scenarios × ${names.length} targets, run ${escapeHtml(matrix.startedAt)} to ${escapeHtml(matrix.finishedAt)}; <span id="differing">${matrix.differing}</span> rows where the targets differ.</p>
<p><label><input type="checkbox" id="only-differences"> Only the rows where the targets differ</label> <span id="shown" aria-live="polite">${matrix.rows.length} rows shown</span></p>
<table id="matrix">
<thead><tr><th scope="col">scenario</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<dialog id="detail" aria-labelledby="detail-title">
<h2 id="detail-title"></h2>
<p id="detail-file"></p>
<h3>Failures</h3>
<pre id="detail-failures"></pre>
<h3>HTTP transcript</h3>
<pre id="detail-transcript"></pre>
<form method="dialog"><button id="detail-close">Close</button></form>
</dialog>
<script type="application/json" id="matrix-data">${scriptJson(matrix)}</script>
<script>
(() => {
  const matrix = JSON.parse(document.getElementById('matrix-data').textContent);
  const rows = [...document.querySelectorAll('#matrix tbody tr')];
  const filter = document.getElementById('only-differences');
  const shown = document.getElementById('shown');
  const apply = () => {
    let count = 0;
    for (const row of rows) {
      row.hidden = filter.checked && row.dataset.differs !== 'true';
      if (!row.hidden) count++;
    }
    shown.textContent = count + ' rows shown';
  };
  filter.addEventListener('change', apply);
  const dialog = document.getElementById('detail');
  document.getElementById('matrix').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-row]');
    if (!button) return;
    const row = matrix.rows[Number(button.dataset.row)];
    const cell = row.cells[button.dataset.target];
    document.getElementById('detail-title').textContent = row.id + ' against ' + button.dataset.target + ': ' + cell.verdict;
    document.getElementById('detail-file').textContent = row.title + ' (' + row.file + ')';
    document.getElementById('detail-failures').textContent = cell.detail.failures || '(no failure text was kept)';
    document.getElementById('detail-transcript').textContent = cell.detail.transcript || '(no exchange)';
    dialog.showModal();
  });
  apply();
})();
</script>
</body>
</html>
`;
}
