/** `planlint/coverage`: the coverage view model of one document, titles in the UI language. */
import type { Evidence } from '../analysis/types';
import { uiLang } from '../l10n';
import type { CoverageView, ViewEvidence } from '../protocol';
import type { DocAnalysis } from '../workspace/types';
import { indicatorTitle } from '../profile/names';

function evidence(list: Evidence[]): ViewEvidence[] {
  return list.map((e) => ({ line: e.line, range: e.range, text: e.text, terms: e.terms, kind: e.kind }));
}

function indicatorOf(a: DocAnalysis, id: string, year: number) {
  return a.profile.indicators.find((x) => x.id === id && x.year === year) ?? a.profile.indicators.find((x) => x.id === id);
}

export function coverageView(a: DocAnalysis): CoverageView {
  const lang = uiLang();
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  const base = {
    uri: a.uri,
    version: a.version,
    isPlan: a.isPlan,
    profile: a.profile.id,
    profileTitle: a.profile.title[lang],
    language: a.model.language,
  };
  if (!a.isPlan) return { ...base, score: 0, areas: [], targets: [], counts };
  for (const f of a.result.findings) counts[f.severity]++;
  const sectionRange = (i: number | undefined) => (i !== undefined ? a.model.sections[i]?.heading.range : undefined);
  const areas = a.profile.areas.flatMap((area) => {
    const cov = a.result.coverage.areas.find((x) => x.id === area.id);
    if (!cov) return [];
    const measures = area.measures.flatMap((m) => {
      const mc = cov.measures.find((x) => x.id === m.id);
      if (!mc) return [];
      return [{ id: m.id, number: m.number, title: m.title[lang], short: m.short[lang], status: mc.status, required: mc.required, evidence: evidence(mc.evidence), range: sectionRange(mc.section) }];
    });
    const required = measures.filter((m) => m.required);
    return [
      {
        id: area.id,
        number: area.number,
        title: area.title[lang],
        kind: area.kind,
        status: cov.status,
        required: cov.required,
        covered: required.filter((m) => m.status === 'covered').length,
        total: required.length,
        measures,
        evidence: evidence(cov.evidence),
        range: sectionRange(cov.section),
      },
    ];
  });
  const targets = a.result.coverage.targets.map((tg) => ({
    year: tg.year,
    status: tg.status,
    line: tg.line,
    range: tg.range,
    text: tg.text,
    indicators: tg.indicators.map((i) => ({
      id: i.id,
      title: indicatorTitle(indicatorOf(a, i.id, tg.year), i.id, lang),
      value: i.value,
      unit: i.unit,
      line: i.line,
      range: i.range,
      national: i.national,
      verdict: i.verdict,
    })),
  }));
  return { ...base, score: a.result.coverage.score, areas, targets, counts };
}
