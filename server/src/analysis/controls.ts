/**
 * In-document controls: `<!-- planlint-disable RULE[:ID] -- reason -->`,
 * `<!-- planlint-disable-next-line RULE[:ID] -- reason -->`, `<!-- planlint covers AREA[/MEASURE] -->`
 * and front matter `planlint: { profile, level, ignore }`; plus config ignore and severity.
 */
import { readerOf } from '../document/text';
import type { PlanModel, Range } from '../document/types';
import { t } from '../l10n';
import { LEVELS, type Level, type Profile } from '../profile/types';
import type { CoversAnnotation } from './coverage';
import { DEFAULT_SEVERITY, RULE_IDS, type AnalysisOptions, type Finding, type RuleId } from './types';

export interface Suppression {
  /** Undefined: every rule. */
  rule?: RuleId;
  id?: string;
}

export interface Controls {
  covers: CoversAnnotation[];
  /** File-wide disables. */
  disabled: Suppression[];
  /** Disables for findings starting on a given line. */
  nextLine: Array<Suppression & { line: number }>;
  /** Front matter `planlint.ignore`. */
  ignore: string[];
  level?: Level;
  profile?: string;
  /** Front matter carries a `planlint` key. */
  optedIn: boolean;
  /** config-error findings about the controls themselves. */
  problems: Finding[];
}

function configError(message: string, range: Range, detail?: string): Finding {
  return { rule: 'config-error', severity: DEFAULT_SEVERITY['config-error'], message, range, data: detail ? { detail } : {} };
}

const DISABLE = /^planlint-disable(-next-line)?(?=\s|$)([\s\S]*)$/;
const COVERS = /^planlint\s+covers(?=\s|$)([\s\S]*)$/;

/** `rule` or `rule:id`; undefined when the rule is not known. */
export function parseRuleSpec(spec: string): Suppression | undefined {
  const at = spec.indexOf(':');
  const rule = (at < 0 ? spec : spec.slice(0, at)).trim();
  const id = at < 0 ? undefined : spec.slice(at + 1).trim() || undefined;
  if (!(RULE_IDS as readonly string[]).includes(rule)) return undefined;
  return { rule: rule as RuleId, id };
}

/** The first non-blank line after `line`. */
function nextContentLine(model: PlanModel, line: number): number {
  const starts = model.lineStarts;
  const text = readerOf(model);
  for (let l = line + 1; l < starts.length; l++) {
    const end = l + 1 < starts.length ? starts[l + 1] : text.length;
    if (text.slice(starts[l], end).trim() !== '') return l;
  }
  return -1;
}

function resolveCover(profile: Profile, token: string): { area: string; measure?: string } | undefined {
  const [a, m] = token.split('/');
  const area = profile.areas.find((x) => x.id === a);
  if (area) {
    if (m === undefined || m === '') return { area: area.id };
    return area.measures.some((x) => x.id === m) ? { area: area.id, measure: m } : undefined;
  }
  if (m !== undefined) return undefined;
  // a bare measure id, when it names one measure
  const owners = profile.areas.filter((x) => x.measures.some((y) => y.id === a));
  return owners.length === 1 ? { area: owners[0].id, measure: a } : undefined;
}

export function readControls(model: PlanModel, profile: Profile): Controls {
  const c: Controls = { covers: [], disabled: [], nextLine: [], ignore: [], optedIn: false, problems: [] };
  for (const comment of model.comments) {
    const text = comment.text.trim();
    const dis = DISABLE.exec(text);
    if (dis) {
      const body = dis[2];
      const sep = body.indexOf('--');
      const specs = (sep < 0 ? body : body.slice(0, sep)).split(/[\s,，]+/).filter((s) => s !== '');
      const reason = sep < 0 ? '' : body.slice(sep + 2).trim();
      if (reason === '') {
        c.problems.push(configError(t('A planlint-disable comment needs a reason after “--”, e.g. <!-- planlint-disable measure-missing:agriculture -- no farmland in this district -->.'), comment.range, text));
      }
      const parsed: Suppression[] = [];
      for (const s of specs) {
        const p = parseRuleSpec(s);
        if (p) parsed.push(p);
        else c.problems.push(configError(t('Unknown rule “{0}” in a planlint comment.', s.split(':')[0]), comment.range, text));
      }
      if (specs.length === 0) parsed.push({});
      if (dis[1]) {
        const line = nextContentLine(model, comment.range.end.line);
        if (line >= 0) for (const p of parsed) c.nextLine.push({ ...p, line });
      } else c.disabled.push(...parsed);
      continue;
    }
    const cov = COVERS.exec(text);
    if (cov) {
      const tokens = cov[1].split(/[\s,，、]+/).filter((s) => s !== '');
      if (tokens.length === 0) c.problems.push(configError(t('A planlint covers comment needs an area or area/measure id, e.g. <!-- planlint covers key-areas/transport -->.'), comment.range, text));
      for (const token of tokens) {
        const r = resolveCover(profile, token);
        if (r) c.covers.push({ ...r, range: comment.range, section: comment.section, text: `<!-- ${text} -->` });
        else c.problems.push(configError(t('Unknown area or measure “{0}” in a planlint covers comment.', token), comment.range, text));
      }
      continue;
    }
    if (/^planlint[\s-]/.test(text)) c.problems.push(configError(t('Unknown planlint comment: “{0}”.', text.slice(0, 60)), comment.range, text));
  }
  readFrontMatter(model, c);
  return c;
}

function readFrontMatter(model: PlanModel, c: Controls): void {
  const fm = model.frontMatter;
  if (!fm) return;
  if (fm.error) {
    if (/planlint/.test(fm.raw)) {
      const range = { start: { line: fm.error.line, character: 0 }, end: { line: fm.error.line, character: 0 } };
      c.problems.push(configError(t('The front matter is not valid YAML: {0}', fm.error.message), range));
    }
    return;
  }
  const data = fm.data;
  if (!data || typeof data !== 'object' || !('planlint' in data)) return;
  c.optedIn = true;
  const pl = (data as Record<string, unknown>).planlint;
  if (pl === null || pl === undefined || pl === true) return;
  if (typeof pl !== 'object' || Array.isArray(pl)) {
    c.problems.push(configError(t('Front matter “planlint” must be a mapping with profile, level and ignore.'), fm.range));
    return;
  }
  const o = pl as Record<string, unknown>;
  if (o.profile !== undefined) {
    if (typeof o.profile === 'string' && o.profile.trim() !== '') c.profile = o.profile.trim();
    else c.problems.push(configError(t('Front matter planlint.profile must be a profile id or a path.'), fm.range));
  }
  if (o.level !== undefined) {
    if (typeof o.level === 'string' && (LEVELS as readonly string[]).includes(o.level)) c.level = o.level as Level;
    else c.problems.push(configError(t('Front matter planlint.level “{0}” is not one of {1}.', String(o.level), LEVELS.join(', ')), fm.range));
  }
  if (o.ignore !== undefined) {
    const list = typeof o.ignore === 'string' ? [o.ignore] : o.ignore;
    if (!Array.isArray(list)) {
      c.problems.push(configError(t('Front matter planlint.ignore must be a list of rule ids or rule:id entries.'), fm.range));
    } else {
      for (const e of list) {
        if (typeof e === 'string' && parseRuleSpec(e)) c.ignore.push(e);
        else c.problems.push(configError(t('Unknown rule “{0}” in planlint.ignore.', String(e)), fm.range));
      }
    }
  }
}

/** Does a suppression match this finding? The id may name its area, measure, indicator, year or area/measure. */
export function matches(s: Suppression, f: Finding): boolean {
  if (s.rule && s.rule !== f.rule) return false;
  if (s.id === undefined) return true;
  const d = f.data;
  return (
    s.id === d.area ||
    s.id === d.measure ||
    s.id === d.indicator ||
    (d.year !== undefined && s.id === String(d.year)) ||
    (d.area !== undefined && d.measure !== undefined && s.id === `${d.area}/${d.measure}`)
  );
}

/** Drop disabled and ignored findings, apply severity overrides; control problems are kept (but obey severity). */
export function applyControls(findings: Finding[], controls: Controls, options: AnalysisOptions): Finding[] {
  const ignore = [...(options.ignore ?? []), ...controls.ignore].map(parseRuleSpec).filter((s): s is Suppression => !!s);
  const kept = findings.filter(
    (f) =>
      !controls.disabled.some((s) => matches(s, f)) &&
      !controls.nextLine.some((s) => s.line === f.range.start.line && matches(s, f)) &&
      !ignore.some((s) => matches(s, f)),
  );
  const out: Finding[] = [];
  for (const f of [...controls.problems, ...kept]) {
    const sev = options.severity?.[f.rule];
    if (sev === 'off') continue;
    out.push(sev ? { ...f, severity: sev } : f);
  }
  return out;
}
