/** The numbers of a file's coverage summary line, shared by the text and markdown formats. */
import type { FileReport } from './report';
import type { TargetStatus } from '../analysis/types';

export interface CoverageSummary {
  score: number;
  taskAreas: { covered: number; total: number };
  measures: { covered: number; total: number };
  targets: { year: number; status: TargetStatus }[];
}

export function summarize(file: FileReport): CoverageSummary {
  const { coverage } = file.result;
  const kinds = new Map(file.profile.areas.map((a) => [a.id, a.kind]));
  const task = coverage.areas.filter((a) => a.required && kinds.get(a.id) === 'task');
  const measures = coverage.areas.filter((a) => a.required).flatMap((a) => a.measures.filter((m) => m.required));
  return {
    score: coverage.score,
    taskAreas: {
      covered: task.filter((a) => a.status === 'covered' || a.status === 'partial').length,
      total: task.length,
    },
    measures: { covered: measures.filter((m) => m.status === 'covered').length, total: measures.length },
    targets: coverage.targets.map((tg) => ({ year: tg.year, status: tg.status })),
  };
}
