/** `--format sarif`: SARIF 2.1.0 for code-scanning tools. Regions are 1-based, columns in UTF-16 code units. */
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { DEFAULT_SEVERITY, RULE_IDS, type Severity } from '../../analysis/types';
import { RULE_SUMMARY, ruleDocUrl } from '../../shared/rules';
import type { RunReport } from '../report';
import { version } from '../help';

const SRCROOT = '%SRCROOT%';

export function sarifLevel(severity: Severity): Result.level {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'information':
      return 'note';
    case 'hint':
      return 'none';
  }
}

/** A relative path as a URI reference (segments percent-encoded, e.g. Chinese file names). */
function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function toSarif(run: RunReport): Log {
  const rules: ReportingDescriptor[] = RULE_IDS.map((id) => ({
    id,
    shortDescription: { text: RULE_SUMMARY[id] },
    helpUri: ruleDocUrl(id),
    defaultConfiguration: { level: sarifLevel(DEFAULT_SEVERITY[id]) },
  }));
  const results: Result[] = run.files.flatMap((file) =>
    file.result.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: RULE_IDS.indexOf(f.rule),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriOf(file.path), uriBaseId: SRCROOT },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
      ...(Object.keys(f.data).length ? { properties: { ...f.data } } : {}),
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'planlint',
            version: version(),
            informationUri: 'https://github.com/planlint/planlint',
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(run.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: run.failures.length === 0,
            toolExecutionNotifications: run.failures.map((text) => ({ level: 'error', message: { text } })),
          },
        ],
        results,
      },
    ],
  };
}

export function formatSarif(run: RunReport): string {
  return JSON.stringify(toSarif(run), null, 2) + '\n';
}
