/** `--format json`: exactly the design doc's shape. Lines are 0-based like LSP. */
import type { RunReport } from '../report';

export function toJson(run: RunReport) {
  return {
    version: 1,
    profile: run.profile,
    files: run.files.map((file) => {
      const { coverage, findings, language } = file.result;
      return {
        path: file.path,
        language,
        coverage: {
          score: coverage.score,
          areas: coverage.areas.map((a) => ({
            id: a.id,
            status: a.status,
            measures: a.measures.map((m) => ({
              id: m.id,
              status: m.status,
              evidence: m.evidence.map((e) => ({ line: e.line, text: e.text })),
            })),
          })),
          targets: coverage.targets.map((tg) => ({
            year: tg.year,
            status: tg.status,
            line: tg.line ?? null,
            indicators: tg.indicators.map((i) => ({ id: i.id, value: i.value, unit: i.unit, line: i.line })),
          })),
        },
        diagnostics: findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          range: {
            start: { line: f.range.start.line, character: f.range.start.character },
            end: { line: f.range.end.line, character: f.range.end.character },
          },
          data: f.data,
        })),
      };
    }),
  };
}

export function formatJson(run: RunReport): string {
  return JSON.stringify(toJson(run), null, 2) + '\n';
}
