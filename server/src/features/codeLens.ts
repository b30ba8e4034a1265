/** Code lens: per area chapter "3/5 measures · missing: …" (click inserts the missing ones), and the overall score at the top. */
import type { CodeLens, ServerCapabilities } from 'vscode-languageserver';
import { areaChapters } from '../fixes/structure';
import { t, uiLang } from '../l10n';
import { Commands, type InsertMissingArgs } from '../protocol';
import type { DocAnalysis } from '../workspace/types';
import { fixInput } from './codeActions';

export function codeLensCapabilities(): ServerCapabilities {
  return { codeLensProvider: { resolveProvider: false } };
}

export function codeLenses(a: DocAnalysis): CodeLens[] {
  if (!a.isPlan) return [];
  const lang = uiLang();
  const { coverage } = a.result;
  const top = a.model.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const missingAreas = coverage.areas.filter((x) => x.required && x.status === 'missing').length;
  const lenses: CodeLens[] = [
    {
      range: { start: top.start, end: top.start },
      command: {
        title: t('PlanLint coverage {0}% · {1} areas missing', String(Math.round(coverage.score * 100)), String(missingAreas)),
        command: Commands.showCoverage,
        arguments: [a.uri],
      },
    },
  ];
  for (const [areaId, section] of areaChapters(fixInput(a))) {
    const area = a.profile.areas.find((x) => x.id === areaId);
    const cov = coverage.areas.find((x) => x.id === areaId);
    if (!area || !cov) continue;
    const required = cov.measures.filter((m) => m.required);
    const covered = required.filter((m) => m.status === 'covered').length;
    const missing = required.filter((m) => m.status === 'missing');
    const counts = t('{0}/{1} measures', String(covered), String(required.length));
    const names = missing.map((m) => area.measures.find((x) => x.id === m.id)?.short[lang] ?? m.id);
    const heading = a.model.sections[section].heading.range;
    const args: InsertMissingArgs = { uri: a.uri, version: a.version, area: areaId };
    lenses.push({
      range: heading,
      command: missing.length
        ? { title: `${counts} · ${t('missing: {0}', names.join(lang === 'zh' ? '、' : ', '))}`, command: Commands.insertMissing, arguments: [args] }
        : { title: counts, command: '' },
    });
  }
  return lenses;
}
