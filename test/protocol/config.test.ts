/** Config files in the workspace: problems published on the config file, live re-read when a watched file changes. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { fixture, TestServer } from './harness';

let folder: string;
let server: TestServer;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'planlint-config-'));
  copyFileSync(fixture('gap-zh.md').path, join(folder, 'draft.md'));
  server = await TestServer.start({ workspaceFolders: [folder], settings: { debounceMs: 20 } });
});
afterAll(async () => {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('config files', () => {
  it('reports a bad config on the config file and applies a fixed one without a restart', async () => {
    const config = join(folder, '.planlintrc.json');
    const configUri = pathToFileURL(config).toString();
    writeFileSync(config, '{\n  "level": "galaxy",\n  "severity": { "target-missing": "off" }\n}\n');
    const draft = join(folder, 'draft.md');
    const doc = server.open(pathToFileURL(draft).toString(), fixture('gap-zh.md').text);

    const problems = await server.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    expect(problems.diagnostics).toHaveLength(1);
    const [problem] = problems.diagnostics;
    expect(problem).toMatchObject({ code: 'config-error', source: 'planlint', severity: 1 });
    expect(problem.range.start.line).toBe(1); // the "level" line
    // The valid part of the file still applies.
    const first = await doc.diagnostics();
    expect(first.diagnostics.map((d) => d.code)).not.toContain('target-missing');
    expect(first.diagnostics.map((d) => d.code)).toContain('area-missing');

    const cleared = server.nextDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    const reanalysed = server.nextDiagnostics(doc.uri, (p) => !p.diagnostics.some((d) => d.code === 'area-missing'));
    writeFileSync(config, '{ "severity": { "area-missing": "off" } }\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: configUri, type: FileChangeType.Changed }],
    });
    expect((await cleared).diagnostics).toEqual([]);
    const after = await reanalysed;
    expect(after.diagnostics.map((d) => d.code)).toContain('target-missing');
    doc.close();
  });
});
