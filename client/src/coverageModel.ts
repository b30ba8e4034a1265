/**
 * Turns the server's coverage view model into tree-node descriptions. Pure (no `vscode` import) so
 * it can be unit-tested; coverageView.ts maps these onto TreeItems.
 */
import type { CoverageView, ViewArea, ViewMeasure, ViewTarget, ViewIndicator } from '../../server/src/protocol';

export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

export interface LineRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type NodeKind = 'area' | 'measure' | 'targets' | 'target' | 'indicator';

export interface CoverageNode {
  /** Stable across refreshes (TreeItem.id), so expansion state survives and tests can find nodes. */
  id: string;
  kind: NodeKind;
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  /** Codicon id and theme colour id. */
  icon: { id: string; color?: string };
  /** `planlint.<kind>.<state>`, used by menus. */
  contextValue: string;
  /** Status word (covered, missing, quantified …), also for tests. */
  status: string;
  area?: string;
  measure?: string;
  year?: number;
  /** Where "go to evidence" moves the cursor. */
  reveal?: LineRange;
  children: CoverageNode[];
}

const ICONS: Record<string, { id: string; color: string }> = {
  covered: { id: 'pass', color: 'testing.iconPassed' },
  quantified: { id: 'pass', color: 'testing.iconPassed' },
  meets: { id: 'pass', color: 'testing.iconPassed' },
  above: { id: 'pass', color: 'testing.iconPassed' },
  partial: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  below: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  mentioned: { id: 'info', color: 'problemsInfoIcon.foreground' },
  qualitative: { id: 'info', color: 'problemsInfoIcon.foreground' },
  missing: { id: 'error', color: 'problemsErrorIcon.foreground' },
};
const NOT_REQUIRED = { id: 'circle-slash', color: 'disabledForeground' };

export function statusText(status: string, t: Translate): string {
  switch (status) {
    case 'covered':
      return t('covered');
    case 'partial':
      return t('partly covered');
    case 'mentioned':
      return t('mentioned only');
    case 'missing':
      return t('missing');
    case 'quantified':
      return t('quantified');
    case 'qualitative':
      return t('not quantified');
    default:
      return status;
  }
}

export function percent(score: number): number {
  return Math.round(score * 100);
}

/** The first evidence line, else the section heading. */
function firstRange(evidence: { range: LineRange }[], fallback?: LineRange): LineRange | undefined {
  return evidence[0]?.range ?? fallback;
}

function evidenceMarkdown(evidence: ViewMeasure['evidence'], t: Translate): string {
  if (evidence.length === 0) return '';
  const lines = evidence.slice(0, 8).map((e) => `- ${t('line {0}', e.line + 1)}: ${escapeMarkdown(e.text)}`);
  if (evidence.length > 8) lines.push(`- ${t('and {0} more', evidence.length - 8)}`);
  return `\n\n${t('Evidence:')}\n\n${lines.join('\n')}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

function measureNode(area: ViewArea, m: ViewMeasure, t: Translate): CoverageNode {
  const parts = [statusText(m.status, t)];
  if (m.evidence.length > 0) parts.push(t('line {0}', m.evidence[0].line + 1));
  if (!m.required) parts.push(t('not required at this level'));
  const icon = !m.required && m.status === 'missing' ? NOT_REQUIRED : ICONS[m.status];
  return {
    id: `measure:${area.id}/${m.id}`,
    kind: 'measure',
    label: `${m.number}${m.title}`,
    description: parts.join(' · '),
    tooltip: `**${m.number}${m.title}** — ${statusText(m.status, t)}${evidenceMarkdown(m.evidence, t)}`,
    icon,
    contextValue: `planlint.measure.${m.status}`,
    status: m.status,
    area: area.id,
    measure: m.id,
    reveal: m.status === 'missing' ? undefined : firstRange(m.evidence, m.range),
    children: [],
  };
}

function areaNode(area: ViewArea, t: Translate): CoverageNode {
  const counts = t('{0}/{1} measures', area.covered, area.total);
  const parts = [statusText(area.status, t), counts];
  if (!area.required) parts.push(t('not required at this level'));
  const missing = area.measures.filter((m) => m.status === 'missing' && m.required).map((m) => m.short);
  const missingLine = missing.length > 0 ? `\n\n${t('Missing: {0}', missing.join(t(', ')))}` : '';
  return {
    id: `area:${area.id}`,
    kind: 'area',
    label: `${area.number}${area.title}`,
    description: parts.join(' · '),
    tooltip: `**${area.number}${area.title}** — ${statusText(area.status, t)} (${counts})${missingLine}${evidenceMarkdown(area.evidence, t)}`,
    icon: !area.required && area.status === 'missing' ? NOT_REQUIRED : ICONS[area.status],
    contextValue: `planlint.area.${area.status}`,
    status: area.status,
    area: area.id,
    reveal: area.status === 'missing' ? undefined : firstRange(area.evidence, area.range),
    children: area.measures.map((m) => measureNode(area, m, t)),
  };
}

function indicatorNode(target: ViewTarget, ind: ViewIndicator, t: Translate): CoverageNode {
  const value = `${ind.value}${ind.unit}`;
  let description = '';
  if (ind.national && ind.verdict) {
    const national = `${ind.national.value}${ind.unit}`;
    description =
      ind.verdict === 'below' ? t('below the national {0}', national) : t('meets the national {0}', national);
  }
  const status = ind.verdict ?? 'quantified';
  return {
    id: `indicator:${target.year}/${ind.id}/${ind.line}`,
    kind: 'indicator',
    label: `${ind.title}: ${value}`,
    description,
    tooltip: `**${escapeMarkdown(ind.title)}** (\`${ind.id}\`) ${value} (${t('line {0}', ind.line + 1)})${description ? ` — ${description}` : ''}`,
    icon: ICONS[status] ?? ICONS.quantified,
    contextValue: `planlint.indicator.${status}`,
    status,
    year: target.year,
    reveal: ind.range,
    children: [],
  };
}

function targetNode(target: ViewTarget, t: Translate): CoverageNode {
  const parts = [statusText(target.status, t)];
  if (target.line !== undefined) parts.push(t('line {0}', target.line + 1));
  return {
    id: `target:${target.year}`,
    kind: 'target',
    label: t('{0} targets', target.year),
    description: parts.join(' · '),
    tooltip: `**${t('{0} targets', target.year)}** — ${statusText(target.status, t)}${
      target.text ? `\n\n${escapeMarkdown(target.text)}` : ''
    }`,
    icon: ICONS[target.status],
    contextValue: `planlint.target.${target.status}`,
    status: target.status,
    year: target.year,
    reveal: target.range,
    children: target.indicators.map((i) => indicatorNode(target, i, t)),
  };
}

/** The tree's root nodes: the targets, then the areas in national order. */
export function buildNodes(view: CoverageView, t: Translate): CoverageNode[] {
  if (!view.isPlan) return [];
  const nodes: CoverageNode[] = [];
  if (view.targets.length > 0) {
    const worst = view.targets.some((x) => x.status === 'missing')
      ? 'missing'
      : view.targets.some((x) => x.status === 'qualitative')
        ? 'qualitative'
        : 'quantified';
    nodes.push({
      id: 'targets',
      kind: 'targets',
      label: t('Main targets'),
      description: view.targets.map((x) => `${x.year}: ${statusText(x.status, t)}`).join(' · '),
      tooltip: view.targets.map((x) => `${t('{0} targets', x.year)}: ${statusText(x.status, t)}`).join('\n\n'),
      icon: ICONS[worst],
      contextValue: `planlint.targets.${worst}`,
      status: worst,
      children: view.targets.map((x) => targetNode(x, t)),
    });
  }
  for (const area of view.areas) nodes.push(areaNode(area, t));
  return nodes;
}

/** Status bar text and tooltip lines for a plan. */
export function summarize(view: CoverageView, t: Translate): { text: string; tooltip: string } {
  const areas = view.areas.map(
    (a) => `${a.number}${a.title}: ${statusText(a.status, t)} (${t('{0}/{1} measures', a.covered, a.total)})`,
  );
  const targets = view.targets.map((x) => `${t('{0} targets', x.year)}: ${statusText(x.status, t)}`);
  const { error, warning, information } = view.counts;
  return {
    text: t('Coverage {0}%', percent(view.score)),
    tooltip: [
      `**${t('Plan coverage {0}%', percent(view.score))}** · ${view.profileTitle}`,
      areas.map((l) => `- ${l}`).join('\n'),
      targets.map((l) => `- ${l}`).join('\n'),
      t('{0} errors, {1} warnings, {2} information', error, warning, information),
      t('Click to show the coverage view.'),
    ]
      .filter((s) => s.length > 0)
      .join('\n\n'),
  };
}
