/**
 * The only script of the report, in the VS Code webview only (the file and printed pages have none).
 * A click (or Enter / Space) on a line reference asks the extension to move the editor there; an
 * `update` message swaps in the new report body, keeping the scroll position; after every render
 * the page tells the extension what it shows (`rendered`), which the extension-host test checks, and
 * keeps the draft's uri as the webview state, so VS Code can bring the panel back after a reload.
 * Messages: see ReportWebviewMessage / ReportPanelMessage in protocol.ts.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var vscode = acquireVsCodeApi();
  function reveal(el) {
    vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-line')), character: Number(el.getAttribute('data-character') || 0) });
  }
  function target(e) {
    var el = e.target;
    while (el && el.nodeType === 1 && !el.hasAttribute('data-line')) el = el.parentElement;
    return el && el.nodeType === 1 ? el : null;
  }
  document.addEventListener('click', function (e) {
    var el = target(e);
    if (!el) return;
    e.preventDefault();
    reveal(el);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    var el = target(e);
    if (!el) return;
    e.preventDefault();
    reveal(el);
  });
  function rendered() {
    var root = document.getElementById('report');
    if (!root) return;
    var score = root.querySelector('.score-value');
    if (root.getAttribute('data-uri')) vscode.setState({ uri: root.getAttribute('data-uri') });
    vscode.postMessage({
      type: 'rendered',
      uri: root.getAttribute('data-uri') || '',
      version: Number(root.getAttribute('data-version') || -1),
      score: score ? score.textContent : '',
      areas: root.querySelectorAll('#matrix tbody tr').length,
      findings: root.querySelectorAll('#findings tbody tr').length,
      lines: root.querySelectorAll('[data-line]').length
    });
  }
  window.addEventListener('message', function (event) {
    var msg = event.data;
    if (!msg || msg.type !== 'update' || typeof msg.html !== 'string') return;
    var next = new DOMParser().parseFromString(msg.html, 'text/html');
    var fresh = next.getElementById('report');
    var current = document.getElementById('report');
    if (!fresh || !current) return;
    var x = window.scrollX, y = window.scrollY;
    current.replaceWith(document.adoptNode(fresh));
    document.title = next.title;
    window.scrollTo(x, y);
    rendered();
  });
  rendered();
})();
`;
