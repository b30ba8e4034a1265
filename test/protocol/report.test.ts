/** `planlint/report` on the built server: the page of an open document, in the draft's language, for the webview or as a file. */
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportRequest } from '../../server/src/protocol';
import { TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ locale: 'en', settings: { debounceMs: 20 } });
});
afterAll(async () => {
  await server.stop();
});

const NONCE = 'Zm9vYmFyYmF6cXV4MTIzNDU2';

describe('planlint/report', () => {
  it('a Chinese draft with an English UI: the page and its finding messages are in Chinese; the diagnostics stay English', async () => {
    const doc = server.openFixture('gap-zh.md');
    const published = await doc.diagnostics();
    expect(published.diagnostics.length).toBeGreaterThan(0);
    expect(published.diagnostics[0].message).toMatch(/^[A-Z“]/);
    const r = await server.connection.sendRequest(ReportRequest, { uri: doc.uri, target: 'webview', nonce: NONCE });
    expect(r).not.toBeNull();
    expect(r!.language).toBe('zh');
    expect(r!.version).toBe(doc.version);
    const $ = cheerio.load(r!.html);
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('#report').attr('data-version')).toBe(String(doc.version));
    expect($('#report').attr('data-uri')).toBe(doc.uri);
    expect($('script').attr('nonce')).toBe(NONCE);
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toContain(`script-src 'nonce-${NONCE}'`);
    // one row per published diagnostic, same lines and rules, Chinese messages
    const rows = $('#findings tbody tr');
    expect(rows.length).toBe(published.diagnostics.length);
    expect(rows.map((_, e) => `${$(e).find('.loc').attr('data-line')} ${$(e).find('.rule').text()}`).get().sort()).toEqual(
      published.diagnostics.map((d) => `${d.range.start.line} ${String(d.code)}`).sort(),
    );
    expect(rows.first().find('td').eq(2).text()).toMatch(/[\u4e00-\u9fff]/);
    expect($('.meta code').first().text()).toBe('national-2022');
    expect($('.meta').text()).toContain('gap-zh.md');
    doc.close();
  });

  it('follows edits: the next request reports the new version', async () => {
    const doc = server.openFixture('gap-en.md');
    await doc.diagnostics();
    const before = await server.connection.sendRequest(ReportRequest, { uri: doc.uri, target: 'file' });
    const version = doc.change({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '<!-- round 2 -->\n');
    const after = await server.connection.sendRequest(ReportRequest, { uri: doc.uri, target: 'file' });
    expect(after!.version).toBe(version);
    expect(before!.version).toBe(version - 1);
    const lines = (html: string) => cheerio.load(html)('#findings tbody tr .loc').map((_, e) => Number(cheerio.load(html)(e).attr('data-line'))).get();
    expect(lines(before!.html).length).toBeGreaterThan(0);
    expect(lines(after!.html)).toEqual(lines(before!.html).map((l) => l + 1));
    // the file page has no script and no document version
    const $ = cheerio.load(after!.html);
    expect($('script').length).toBe(0);
    expect($('#report').attr('data-version')).toBeUndefined();
    expect($('html').attr('lang')).toBe('en');
    doc.close();
  });

  it('answers null for an unknown document and an error for a webview request without a usable nonce', async () => {
    expect(await server.connection.sendRequest(ReportRequest, { uri: 'file:///nowhere/x.md', target: 'file' })).toBeNull();
    const doc = server.openFixture('gap-en.md');
    await expect(server.connection.sendRequest(ReportRequest, { uri: doc.uri, target: 'webview', nonce: "' unsafe" })).rejects.toThrow(/nonce/);
    // and keeps serving
    expect((await server.connection.sendRequest(ReportRequest, { uri: doc.uri, target: 'file' }))!.isPlan).toBe(true);
    doc.close();
  });
});
