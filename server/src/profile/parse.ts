/** Turns profile text (YAML or JSON) into a validated Profile, or into problems naming file, line and field. */
import schema from '../../../schemas/profile.schema.json';
import { t } from '../l10n';
import { checkSchema, parseDataText, problemAt, readTextFile, type ParsedData, type PathSegment } from '../shared/dataFile';
import type { FileProblem, Mark, Profile, ProfileArea, ProfileIndicator, ProfileMeasure, TermSet } from './types';

export interface ProfileResult {
  /** Present only when the file has no problems: a half-valid profile would give misleading findings. */
  profile?: Profile;
  problems: FileProblem[];
}

/**
 * `trusted`: skip the schema check (compiling the schema costs a quarter of reading the built-in
 * profile, which builtin-load.test.ts checks against the schema instead).
 */
export function parseProfile(text: string, file: string, opts: { trusted?: boolean } = {}): ProfileResult {
  const parsed = parseDataText(text, file);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const { problems } = opts.trusted ? { problems: [] } : checkSchema(schema, parsed, file);
  if (problems.length > 0) return { problems };
  const raw = parsed.data as RawProfile;
  const crossProblems = checkReferences(raw, parsed, file);
  if (crossProblems.length > 0) return { problems: crossProblems };
  return { profile: toProfile(raw, file), problems: [] };
}

/**
 * A trusted profile already read into plain data (the built-in one, which the bundles carry as
 * JSON: scripts/build.mjs). No schema check and no positions: a problem here is a bug of the build.
 */
export function parseProfileData(data: unknown, file: string): ProfileResult {
  const raw = data as RawProfile;
  const nowhere: ParsedData = { data, problems: [], locate: () => ({ line: 0, character: 0 }) };
  const problems = checkReferences(raw, nowhere, file);
  return problems.length > 0 ? { problems } : { profile: toProfile(raw, file), problems: [] };
}

export function loadProfileFile(path: string): ProfileResult {
  const { text, problems } = readTextFile(path);
  return text === undefined ? { problems } : parseProfile(text, path);
}

/** What the schema guarantees; optional fields get their defaults in toProfile. */
type RawTerms = Partial<TermSet>;
type RawMeasure = Omit<ProfileMeasure, 'number' | 'short' | 'mark' | 'aliases' | 'evidence'> & {
  number?: string;
  short?: ProfileMeasure['short'];
  mark?: Mark;
  aliases: RawTerms;
  evidence: RawTerms;
};
type RawArea = Omit<ProfileArea, 'number' | 'mark' | 'aliases' | 'evidence' | 'measures'> & {
  number?: string;
  mark?: Mark;
  aliases: RawTerms;
  evidence?: RawTerms;
  measures: RawMeasure[];
};
type RawIndicator = Omit<ProfileIndicator, 'mark' | 'enabled' | 'terms'> & { mark?: Mark; enabled?: boolean; terms: RawTerms };
interface RawProfile {
  id: string;
  version: number;
  title: Profile['title'];
  planMarkers?: RawTerms;
  preambleHeadings?: RawTerms;
  targetHeadings?: RawTerms;
  areas: RawArea[];
  targets?: { id: string; year: number; headline: Profile['title']; mark?: Mark }[];
  indicators?: RawIndicator[];
}

/** Checks the schema cannot express: unique ids and indicators that name an existing measure. */
function checkReferences(raw: RawProfile, parsed: ParsedData, file: string): FileProblem[] {
  const problems: FileProblem[] = [];
  const firstSeen = new Map<string, PathSegment[]>();
  const unique = (kind: string, key: string, label: string, path: PathSegment[]) => {
    const first = firstSeen.get(`${kind}\u0000${key}`);
    if (first) {
      const firstLine = parsed.locate(first).line + 1;
      problems.push(problemAt(file, parsed.locate(path), path, duplicateMessage(kind, label, firstLine)));
    } else {
      firstSeen.set(`${kind}\u0000${key}`, path);
    }
  };
  const measureIds = new Set<string>();
  raw.areas.forEach((area, a) => {
    unique('area', area.id, area.id, ['areas', a, 'id']);
    area.measures.forEach((measure, m) => {
      unique('measure', measure.id, measure.id, ['areas', a, 'measures', m, 'id']);
      measureIds.add(measure.id);
    });
  });
  (raw.targets ?? []).forEach((target, i) => {
    unique('target', target.id, target.id, ['targets', i, 'id']);
    unique('target year', String(target.year), String(target.year), ['targets', i, 'year']);
  });
  (raw.indicators ?? []).forEach((indicator, i) => {
    unique('indicator', `${indicator.id}@${indicator.year}`, `${indicator.id} (${indicator.year})`, ['indicators', i, 'id']);
    if (!measureIds.has(indicator.measure)) {
      const path = ['indicators', i, 'measure'];
      problems.push(
        problemAt(file, parsed.locate(path), path, t('Indicator "{0}" names an unknown measure "{1}".', indicator.id, indicator.measure)),
      );
    }
  });
  return problems;
}

function duplicateMessage(kind: string, label: string, firstLine: number): string {
  switch (kind) {
    case 'area':
      return t('Duplicate area id "{0}" (first used on line {1}).', label, firstLine);
    case 'measure':
      return t('Duplicate measure id "{0}" (first used on line {1}).', label, firstLine);
    case 'target':
      return t('Duplicate target id "{0}" (first used on line {1}).', label, firstLine);
    case 'target year':
      return t('Two targets for the year {0} (the first on line {1}).', label, firstLine);
    default:
      return t('Duplicate indicator "{0}" (first used on line {1}).', label, firstLine);
  }
}

/** Terms are matched on normalised text, so store them normalised (NFKC, lower case, trimmed, no repeats). */
function terms(raw: RawTerms | undefined): TermSet {
  const norm = (list: string[] | undefined) => [...new Set((list ?? []).map((s) => s.normalize('NFKC').toLowerCase().trim()))];
  return { zh: norm(raw?.zh), en: norm(raw?.en) };
}

function toProfile(raw: RawProfile, file: string): Profile {
  return {
    id: raw.id,
    version: raw.version,
    title: raw.title,
    source: file,
    planMarkers: terms(raw.planMarkers),
    preambleHeadings: terms(raw.preambleHeadings),
    targetHeadings: terms(raw.targetHeadings),
    areas: raw.areas.map((area) => ({
      ...area,
      number: area.number ?? '',
      mark: area.mark ?? 'V',
      aliases: terms(area.aliases),
      evidence: terms(area.evidence),
      measures: area.measures.map((measure) => ({
        ...measure,
        number: measure.number ?? '',
        short: measure.short ?? measure.title,
        mark: measure.mark ?? 'V',
        aliases: terms(measure.aliases),
        evidence: terms(measure.evidence),
      })),
    })),
    targets: (raw.targets ?? []).map((target) => ({ ...target, mark: target.mark ?? 'V' })),
    indicators: (raw.indicators ?? []).map((indicator) => {
      const mark = indicator.mark ?? 'V';
      return { ...indicator, mark, enabled: indicator.enabled ?? mark !== 'R', terms: terms(indicator.terms) };
    }),
  };
}
