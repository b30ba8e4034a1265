/**
 * The report's stylesheet, inlined in every page (no external resources). Light by default and on
 * paper; inside VS Code (`html.in-vscode`) it follows the editor's theme colours. No inline
 * `style` attributes anywhere: the pages' Content-Security-Policy forbids them.
 */
export const REPORT_CSS = `
:root {
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0; --link: #0b57d0;
  --good-fg: #116329; --good-bg: #dafbe1; --good-bd: #4ac26b;
  --part-fg: #7d4e00; --part-bg: #fff8c5; --part-bd: #d4a72c;
  --weak-fg: #953800; --weak-bg: #fff1e5; --weak-bd: #fb8f44;
  --bad-fg: #a40e26; --bad-bg: #ffebe9; --bad-bd: #ff8182;
  --none-fg: #59636e; --none-bg: #f6f8fa; --none-bd: #d1d9e0;
}
html.in-vscode {
  --fg: var(--vscode-editor-foreground, #1f2328); --muted: var(--vscode-descriptionForeground, #59636e);
  --bg: var(--vscode-editor-background, #fff); --panel: var(--vscode-sideBar-background, #f6f8fa);
  --line: var(--vscode-panel-border, #d1d9e0); --link: var(--vscode-textLink-foreground, #0b57d0);
}
body.vscode-dark, body.vscode-high-contrast:not(.vscode-high-contrast-light) {
  --good-fg: #7ee787; --good-bg: rgba(46,160,67,.18); --good-bd: #2ea043;
  --part-fg: #e3b341; --part-bg: rgba(187,128,9,.18); --part-bd: #bb8009;
  --weak-fg: #ffa657; --weak-bg: rgba(219,109,40,.18); --weak-bd: #db6d28;
  --bad-fg: #ff7b72; --bad-bg: rgba(248,81,73,.18); --bad-bd: #f85149;
  --none-fg: var(--muted); --none-bg: transparent; --none-bd: var(--line);
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0; padding: 24px 28px 40px; max-width: 1100px;
  font: 14px/1.55 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  background: var(--bg); color: var(--fg);
}
html.in-vscode body { font-family: var(--vscode-font-family, system-ui), "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
a { color: var(--link); text-decoration: none; }
a:hover, a:focus-visible { text-decoration: underline; }
h1 { font-size: 1.65em; line-height: 1.3; margin: 0 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 1.2em; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05em; margin: 18px 0 6px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
.kicker { margin: 0 0 2px; color: var(--muted); font-size: .85em; letter-spacing: .04em; text-transform: uppercase; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 0; color: var(--muted); font-size: .92em; }
.meta div { display: flex; gap: 6px; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; color: var(--fg); overflow-wrap: anywhere; }
.notice { margin: 16px 0 0; padding: 8px 12px; border: 1px solid var(--weak-bd); border-left-width: 4px; background: var(--weak-bg); color: var(--fg); }
.summary { display: flex; flex-wrap: wrap; gap: 16px 28px; align-items: flex-start; }
.score { min-width: 150px; padding: 12px 16px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); text-align: center; }
.score-value { display: block; font-size: 2.6em; font-weight: 700; line-height: 1.1; }
.score-label { display: block; color: var(--muted); font-size: .85em; }
.score meter { width: 100%; height: 10px; margin-top: 8px; }
.counts { border-collapse: collapse; }
.counts th { text-align: left; padding: 3px 14px 3px 0; font-weight: 600; white-space: nowrap; vertical-align: top; }
.counts td { padding: 3px 0; }
.chip { display: inline-block; margin: 1px 6px 1px 0; padding: 0 7px; border: 1px solid var(--none-bd); border-radius: 10px; font-size: .9em; white-space: nowrap; }
.legend { margin: 12px 0 0; color: var(--muted); font-size: .9em; }
.tone-good { --t-fg: var(--good-fg); --t-bg: var(--good-bg); --t-bd: var(--good-bd); }
.tone-part { --t-fg: var(--part-fg); --t-bg: var(--part-bg); --t-bd: var(--part-bd); }
.tone-weak { --t-fg: var(--weak-fg); --t-bg: var(--weak-bg); --t-bd: var(--weak-bd); }
.tone-bad { --t-fg: var(--bad-fg); --t-bg: var(--bad-bg); --t-bd: var(--bad-bd); }
.tone-none { --t-fg: var(--none-fg); --t-bg: var(--none-bg); --t-bd: var(--none-bd); }
.chip[class*="tone-"], .badge { color: var(--t-fg); background: var(--t-bg); border-color: var(--t-bd); }
.badge { display: inline-block; padding: 0 7px; border: 1px solid; border-radius: 10px; font-size: .82em; font-weight: 600; white-space: nowrap; vertical-align: 1px; }
.icon { font-weight: 700; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.grid thead th { background: var(--panel); font-size: .9em; }
.matrix th[scope="row"] { width: 21%; }
.matrix .count { width: 10%; text-align: center; font-variant-numeric: tabular-nums; }
.matrix td.count { white-space: nowrap; }
.matrix td.cell { font-size: .86em; line-height: 1.35; }
.matrix td.cell, .matrix th[scope="row"] { color: var(--fg); background: var(--t-bg); border-left: 3px solid var(--t-bd); }
.matrix td.cell .icon, .matrix th .icon { color: var(--t-fg); }
.matrix td.cell a, .matrix th a { color: inherit; }
.matrix td.empty { background: transparent; }
.st { display: block; color: var(--t-fg); font-size: .82em; font-weight: 600; }
.num { color: var(--muted); }
.not-required { opacity: .7; }
.targets .year th { background: var(--panel); font-weight: 600; }
.targets .year q { font-weight: 400; color: var(--muted); quotes: "“" "”"; }
.targets td.status { color: var(--t-fg); background: var(--t-bg); font-weight: 600; }
.findings .line { width: 12%; white-space: nowrap; }
.findings .sev { width: 14%; white-space: nowrap; }
.findings .rule { width: 20%; }
.sev-error { color: var(--bad-fg); font-weight: 600; }
.sev-warning { color: var(--weak-fg); font-weight: 600; }
.sev-information { color: var(--link); }
.sev-hint { color: var(--muted); }
.none { color: var(--muted); font-style: italic; }
.loc { color: var(--muted); font-size: .88em; white-space: nowrap; font-variant-numeric: tabular-nums; }
.loc[role="link"] { color: var(--link); cursor: pointer; }
.loc[role="link"]:hover, .loc[role="link"]:focus-visible { text-decoration: underline; outline: none; }
.area-ev { margin-bottom: 8px; break-inside: auto; }
.measures { list-style: none; margin: 0; padding: 0; }
.measure { margin: 0 0 8px; padding: 6px 10px; border-left: 4px solid var(--t-bd); background: var(--panel); break-inside: avoid; }
.mhead { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.excerpt { margin: 4px 0 0; padding: 0 0 0 10px; border-left: 2px solid var(--line); overflow-wrap: anywhere; }
.excerpt .kind { color: var(--muted); font-size: .82em; }
.terms { margin: 2px 0 0; color: var(--muted); font-size: .85em; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: .85em; }
.changes { margin: 0; padding-left: 20px; }
.changes li { margin: 2px 0; }
.arrow { color: var(--muted); padding: 0 4px; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html, body { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; margin-top: 18px; }
  h3 { break-after: avoid; }
  tr, .measure, .score { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
  .loc[role="link"] { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
