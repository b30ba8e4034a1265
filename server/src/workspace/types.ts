/** What the server knows about one document at one version: shared by every feature. */
import type { AnalysisResult } from '../analysis/types';
import type { PlanlintConfig } from '../config/types';
import type { PlanModel } from '../document/types';
import type { FileProblem, Profile } from '../profile/types';

export interface DocAnalysis {
  uri: string;
  version: number;
  model: PlanModel;
  result: AnalysisResult;
  /** False for ordinary Markdown: it gets no diagnostics, lenses or actions. */
  isPlan: boolean;
  profile: Profile;
  config: PlanlintConfig;
}

/** Problems of a config / profile / snippet file, published on that file. */
export interface FileProblems {
  /** Absolute path of the file. */
  file: string;
  problems: FileProblem[];
}
