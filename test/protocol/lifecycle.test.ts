/** The built server's lifecycle: initialize (en, zh-cn), capabilities, plan detection, pull diagnostics, shutdown/exit. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DocumentDiagnosticRequest,
  type FullDocumentDiagnosticReport,
  HoverRequest,
  type MarkupContent,
  TextDocumentSyncKind,
} from 'vscode-languageserver-protocol/node';
import { PULL_CAPABILITIES, TestServer } from './harness';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('initialize', () => {
  it('announces incremental sync and every feature (push client)', async () => {
    server = await TestServer.start({ locale: 'en' });
    const caps = server.initializeResult.capabilities;
    const sync = caps.textDocumentSync as { change: number; openClose: boolean };
    expect(sync.change).toBe(TextDocumentSyncKind.Incremental);
    expect(sync.openClose).toBe(true);
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.fixAll.planlint'] });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.codeLensProvider).toBeTruthy();
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.foldingRangeProvider).toBe(true);
    expect(caps.completionProvider).toBeTruthy();
    expect(caps.executeCommandProvider?.commands).toEqual(['planlint.insertMissing', 'planlint.fixAll']);
    expect(caps.diagnosticProvider).toBeUndefined();
    expect(server.initializeResult.serverInfo?.name).toBe('planlint-language-server');
  });

  it('speaks the client locale: zh-cn action titles', async () => {
    server = await TestServer.start({ locale: 'zh-cn' });
    const doc = server.openFixture('gap-zh.md');
    const published = await doc.diagnostics();
    const missing = published.diagnostics.find((d) => d.code === 'area-missing');
    expect(missing).toBeDefined();
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri },
      range: missing!.range,
      context: { diagnostics: [missing!], only: ['quickfix'] },
    });
    const titles = (actions ?? []).map((a) => a.title);
    expect(titles).toContain('插入章节“开展模式创新”');
    expect(titles).toContain('对本文件禁用 area-missing:model-innovation（需注明原因）');
    const line = doc.text.split('\n').indexOf('## 二、强化源头防控');
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line, character: 4 } });
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toContain('**国家方案任务领域**');
    expect(value).toContain('措施 4/4');
  });

  it('speaks the client locale: en action titles', async () => {
    server = await TestServer.start({ locale: 'en-US' });
    const doc = server.openFixture('gap-zh.md');
    const published = await doc.diagnostics();
    const missing = published.diagnostics.find((d) => d.code === 'area-missing')!;
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri },
      range: missing.range,
      context: { diagnostics: [missing], only: ['quickfix'] },
    });
    expect((actions ?? []).map((a) => a.title)).toContain('Disable area-missing:model-innovation for this file (with a reason)');
  });
});

describe('which files are plans', () => {
  it('gives an ordinary README no diagnostics, and a plan its findings', async () => {
    server = await TestServer.start();
    const readme = server.openFixture('README.md');
    const plan = server.openFixture('gap-zh.md');
    expect((await readme.diagnostics()).diagnostics).toEqual([]);
    expect((await plan.diagnostics()).diagnostics.length).toBeGreaterThan(0);
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: readme.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [] },
    });
    expect(actions).toEqual([]);
  });

  it('treats a file matched by planlint.include as a plan', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'planlint-include-'));
    try {
      mkdirSync(join(folder, 'notes'));
      // Neither names the national Plan nor has front matter: only the include glob makes it a plan.
      const text = '# 城区环境工作要点\n\n## 一、工业\n\n推进钢铁行业超低排放改造。\n';
      writeFileSync(join(folder, 'notes', 'draft.md'), text);
      writeFileSync(join(folder, 'other.md'), text);
      server = await TestServer.start({ workspaceFolders: [folder], settings: { include: ['notes/**/*.md'] } });
      const included = server.open(pathToFileURL(join(folder, 'notes', 'draft.md')).toString(), text);
      const other = server.open(pathToFileURL(join(folder, 'other.md')).toString(), text);
      expect((await included.diagnostics()).diagnostics.map((d) => d.code)).toContain('area-missing');
      expect((await other.diagnostics()).diagnostics).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic and does not push to a pull client', async () => {
    server = await TestServer.start({ capabilities: PULL_CAPABILITIES });
    expect(server.initializeResult.capabilities.diagnosticProvider).toMatchObject({ identifier: 'planlint' });
    const doc = server.openFixture('gap-zh.md');
    const report = (await server.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: doc.uri },
    })) as FullDocumentDiagnosticReport;
    expect(report.kind).toBe('full');
    const codes = report.items.map((d) => d.code);
    expect(codes).toContain('area-missing');
    expect(report.items.every((d) => d.source === 'planlint')).toBe(true);
    // A later round trip: by now any push for the opened document would have arrived before it.
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line: 0, character: 0 } });
    expect(server.publishedFor(doc.uri)).toEqual([]);
  });
});

describe('shutdown and exit', () => {
  it('exits with code 0 after shutdown + exit', async () => {
    const s = await TestServer.start();
    const exit = new Promise<number | null>((resolve) => s.process.once('exit', (code) => resolve(code)));
    await s.stop();
    expect(await exit).toBe(0);
  });
});
