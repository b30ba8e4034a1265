/** The page shell shared by the report and the comparison: CSP, inline stylesheet, optional webview script. */
import { createHash } from 'node:crypto';
import { html, trusted, type Html } from './html';
import type { ReportLang } from './model';
import { REPORT_SCRIPT } from './script';
import { REPORT_CSS } from './style';

export interface PageOptions {
  /** For the VS Code webview: nonce of the style and script elements (and the webview's cspSource). */
  webview?: { nonce: string; cspSource?: string };
  /** "PlanLint 0.1.0", shown in the footer. */
  generator?: string;
}

const STYLE_HASH = `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`;

/**
 * A file page may load nothing and run nothing: only its own stylesheet (by hash). A webview page
 * additionally runs its own script (by nonce).
 */
export function contentSecurityPolicy(opts: PageOptions): string {
  const w = opts.webview;
  const style = w ? [`'nonce-${w.nonce}'`, w.cspSource].filter(Boolean).join(' ') : STYLE_HASH;
  const parts = ["default-src 'none'", `style-src ${style}`, 'img-src data:', "base-uri 'none'", "form-action 'none'"];
  if (w) parts.splice(2, 0, `script-src 'nonce-${w.nonce}'`);
  return parts.join('; ');
}

export function page(lang: ReportLang, title: string, body: Html, opts: PageOptions, rootAttrs: Html = trusted('')): string {
  const w = opts.webview;
  if (w && !/^[A-Za-z0-9+/=_-]{16,}$/.test(w.nonce)) throw new Error('the webview nonce must be at least 16 base64 characters');
  const doc = html`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"${w ? trusted(' class="in-vscode"') : ''}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(opts)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${opts.generator ?? 'PlanLint'}">
<title>${title}</title>
<style${w ? html` nonce="${w.nonce}"` : ''}>${trusted(REPORT_CSS)}</style>
</head>
<body>
<main id="report"${rootAttrs}>
${body}
</main>
${w ? html`<script nonce="${w.nonce}">${trusted(REPORT_SCRIPT)}</script>\n` : ''}</body>
</html>
`;
  return doc.value;
}
