import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNodes, summarize, type CoverageNode } from '../../../client/src/coverageModel';
import type { CoverageView, ViewArea, ViewEvidence } from '../../../server/src/protocol';

const root = resolve(__dirname, '../../..');
const zhBundle = JSON.parse(readFileSync(resolve(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

const r = (line: number, a = 0, b = 4) => ({ start: { line, character: a }, end: { line, character: b } });
const ev = (line: number, text: string): ViewEvidence => ({ line, range: r(line, 2, 6), text, terms: [text], kind: 'body' });

function area(partial: Partial<ViewArea> & Pick<ViewArea, 'id' | 'status'>): ViewArea {
  return { number: '四、', title: 'Key areas', kind: 'task', required: true, covered: 0, total: 0, measures: [], evidence: [], ...partial };
}

const view: CoverageView = {
  uri: 'file:///w/city.md',
  version: 3,
  isPlan: true,
  profile: 'national-2022',
  profileTitle: 'National plan',
  language: 'zh',
  score: 0.456,
  counts: { error: 0, warning: 2, information: 5, hint: 1 },
  targets: [
    {
      year: 2025,
      status: 'quantified',
      line: 10,
      range: r(10),
      text: '到2025年…',
      indicators: [
        { id: 'bulk-solid-waste-utilisation', title: 'Utilisation rate of new bulk solid waste', value: 55, unit: '%', line: 12, range: r(12, 5, 8), national: { value: 60, comparison: 'at-least' }, verdict: 'below' },
      ],
    },
    { year: 2030, status: 'missing', indicators: [] },
  ],
  areas: [
    area({
      id: 'key-areas',
      status: 'partial',
      covered: 1,
      total: 3,
      range: r(20),
      measures: [
        { id: 'transport', number: '（九）', title: 'Promote synergy in transport', short: 'Transport', status: 'covered', required: true, evidence: [ev(41, 'road to rail'), ev(45, 'NEV')], range: r(40) },
        { id: 'industry', number: '（八）', title: 'Promote synergy in industry', short: 'Industry', status: 'mentioned', required: true, evidence: [ev(3, 'industry')] },
        { id: 'agriculture', number: '（十一）', title: 'Promote synergy in agriculture', short: 'Agriculture', status: 'missing', required: true, evidence: [] },
        { id: 'ecological-construction', number: '（十二）', title: 'Promote synergy in ecological construction', short: 'Ecology', status: 'missing', required: false, evidence: [] },
      ],
    }),
    area({ id: 'model-innovation', number: '六、', title: 'Model innovation', status: 'missing', total: 4 }),
  ],
};

const flat = (nodes: readonly CoverageNode[]): CoverageNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

describe('coverage tree nodes', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('is empty for a document that is not a plan', () => {
    expect(buildNodes({ ...view, isPlan: false }, l10n.t)).toEqual([]);
  });

  it('lists the targets first, then the areas in the order given, with stable ids', () => {
    const nodes = buildNodes(view, l10n.t);
    expect(nodes.map((n) => n.id)).toEqual(['targets', 'area:key-areas', 'area:model-innovation']);
    expect(flat(nodes).map((n) => n.id)).toEqual([
      'targets',
      'target:2025',
      'indicator:2025/bulk-solid-waste-utilisation/12',
      'target:2030',
      'area:key-areas',
      'measure:key-areas/transport',
      'measure:key-areas/industry',
      'measure:key-areas/agriculture',
      'measure:key-areas/ecological-construction',
      'area:model-innovation',
    ]);
  });

  it('gives each state its own icon, words and context value (colour is never the only signal)', () => {
    const byId = new Map(flat(buildNodes(view, l10n.t)).map((n) => [n.id, n]));
    const row = (id: string) => {
      const n = byId.get(id)!;
      return [n.icon.id, n.description, n.contextValue];
    };
    expect(row('area:key-areas')).toEqual(['warning', 'partly covered · 1/3 measures', 'planlint.area.partial']);
    expect(row('area:model-innovation')).toEqual(['error', 'missing · 0/4 measures', 'planlint.area.missing']);
    expect(row('measure:key-areas/transport')).toEqual(['pass', 'covered · line 42', 'planlint.measure.covered']);
    expect(row('measure:key-areas/industry')).toEqual(['info', 'mentioned only · line 4', 'planlint.measure.mentioned']);
    expect(row('measure:key-areas/agriculture')).toEqual(['error', 'missing', 'planlint.measure.missing']);
    expect(row('measure:key-areas/ecological-construction')).toEqual([
      'circle-slash',
      'missing · not required at this level',
      'planlint.measure.missing',
    ]);
    expect(row('targets')).toEqual(['error', '2025: quantified · 2030: missing', 'planlint.targets.missing']);
    expect(row('target:2025')).toEqual(['pass', 'quantified · line 11', 'planlint.target.quantified']);
    expect(row('indicator:2025/bulk-solid-waste-utilisation/12')).toEqual(['warning', 'below the national 60%', 'planlint.indicator.below']);
  });

  it('names measures by their titles and indicators by their display titles, not their ids', () => {
    const byId = new Map(flat(buildNodes(view, l10n.t)).map((n) => [n.id, n]));
    expect(byId.get('measure:key-areas/agriculture')!.label).toBe('（十一）Promote synergy in agriculture');
    const indicator = byId.get('indicator:2025/bulk-solid-waste-utilisation/12')!;
    expect(indicator.label).toBe('Utilisation rate of new bulk solid waste: 55%');
    expect(indicator.tooltip).toBe('**Utilisation rate of new bulk solid waste** (`bulk-solid-waste-utilisation`) 55% (line 13) — below the national 60%');
  });

  it('reveals the first evidence line of a measure, the heading when there is none, and nothing for a missing one', () => {
    const byId = new Map(flat(buildNodes(view, l10n.t)).map((n) => [n.id, n]));
    expect(byId.get('measure:key-areas/transport')!.reveal).toEqual(r(41, 2, 6));
    expect(byId.get('area:key-areas')!.reveal).toEqual(r(20));
    expect(byId.get('measure:key-areas/agriculture')!.reveal).toBeUndefined();
    expect(byId.get('area:model-innovation')!.reveal).toBeUndefined();
    expect(byId.get('target:2030')!.reveal).toBeUndefined();
    const tooltip = byId.get('area:key-areas')!.tooltip;
    // The missing measures by their short names; the one not required at this level is left out.
    expect(tooltip).toMatch(/\n\nMissing: Agriculture$/);
    expect(tooltip).not.toContain('Ecology');
  });

  it('speaks Chinese with the zh-cn bundle', () => {
    l10n.config({ contents: zhBundle });
    const byId = new Map(flat(buildNodes(view, l10n.t)).map((n) => [n.id, n]));
    expect(byId.get('area:key-areas')!.description).toBe('部分覆盖 · 1/3 项举措');
    expect(byId.get('measure:key-areas/transport')!.description).toBe('已覆盖 · 第 42 行');
    expect(byId.get('target:2030')!.label).toBe('2030年目标');
    expect(summarize(view, l10n.t).text).toBe('覆盖 46%');
  });

  it('summarises the score and the area counts for the status bar', () => {
    const { text, tooltip } = summarize(view, l10n.t);
    expect(text).toBe('Coverage 46%');
    expect(tooltip.split('\n\n')).toEqual([
      '**Plan coverage 46%** · National plan',
      '- 四、Key areas: partly covered (1/3 measures)\n- 六、Model innovation: missing (0/4 measures)',
      '- 2025 targets: quantified\n- 2030 targets: missing',
      '0 errors, 2 warnings, 5 information',
      'Click to show the coverage view.',
    ]);
  });
});
