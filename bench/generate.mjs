// Realistic synthetic drafts for the benchmark: Chinese local implementation plans with the national
// plan's structure (preamble, task chapters, closing chapters), lists, nested lists, indicator
// tables and annexes. Deterministic for a seed; vocabulary comes from the built-in profile so the
// analysis has real work to do.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const profile = parse(readFileSync(join(root, 'server/src/profile/national-2022.yaml'), 'utf8'));

/** mulberry32: small, fast, seedable. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const CN = '一二三四五六七八九';
function cn(n) {
  if (n < 10) return CN[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens - 1]}十${ones === 0 ? '' : CN[ones - 1]}`;
}

const CITIES = ['江岭市', '青川市', '云溪市', '南屿市', '北原市', '东临市', '西湾市', '安平市', '长宁市', '临海市'];
const DISTRICTS = ['城关区', '新港区', '高新区', '经开区', '滨江县', '山阳县', '河口镇', '松林县', '石门区', '临江县'];
const VERBS = ['大力推进', '加快推动', '积极开展', '严格落实', '持续强化', '稳步实施', '全面推行', '深入推进', '统筹推进', '有序推进'];
const FILLERS = [
  '建立健全工作台账，明确责任单位和完成时限',
  '鼓励有条件的地区先行先试，形成可复制可推广的经验',
  '加强部门协同和政策衔接，确保各项措施落地见效',
  '定期开展调度评估，及时研究解决推进中的困难和问题',
  '充分发挥市场机制作用，引导社会资本参与',
  '强化要素保障，统筹安排资金、用地和能耗指标',
  '将相关任务纳入年度重点工作，实行清单化管理',
  '加强监测统计和信息公开，接受社会监督',
];
const UNITS = ['市生态环境局', '市发展改革委', '市工业和信息化局', '市住房城乡建设局', '市交通运输局', '市农业农村局', '市自然资源局', '市财政局'];

function sentence(r, terms) {
  const a = r.pick(terms);
  const b = r.pick(terms);
  return `${r.pick(VERBS)}${a}相关工作，${r.pick(VERBS)}${b}，${r.pick(FILLERS)}。`;
}

function paragraph(r, terms) {
  let s = '';
  const n = 2 + r.int(3);
  for (let i = 0; i < n; i++) s += sentence(r, terms);
  return s;
}

function list(r, terms, ordered) {
  const n = 3 + r.int(5);
  const lines = [];
  for (let i = 1; i <= n; i++) {
    lines.push(`${ordered ? `${i}.` : '-'} ${sentence(r, terms)}`);
    if (r.chance(0.25)) {
      const k = 1 + r.int(3);
      for (let j = 0; j < k; j++) lines.push(`${ordered ? '   ' : '  '}- ${r.pick(VERBS)}${r.pick(terms)}。`);
    }
  }
  return lines.join('\n');
}

function projectTable(r, terms) {
  const rows = ['| 序号 | 重点任务 | 责任单位 | 完成时限 |', '| --- | --- | --- | --- |'];
  const n = 3 + r.int(6);
  for (let i = 1; i <= n; i++) rows.push(`| ${i} | ${r.pick(VERBS)}${r.pick(terms)} | ${r.pick(UNITS)} | ${2023 + r.int(8)}年底 |`);
  return rows.join('\n');
}

function indicatorTable(r) {
  const rows = ['| 指标 | 2020年 | 2025年 | 2030年 |', '| --- | --- | --- | --- |'];
  rows.push(`| 大宗固废综合利用率（%） | ${50 + r.int(5)} | ${56 + r.int(8)} | ${62 + r.int(8)} |`);
  rows.push(`| 短流程炼钢占比（%） | ${5 + r.int(5)} | ${12 + r.int(6)} | ${18 + r.int(6)} |`);
  rows.push(`| 单位地区生产总值能耗下降（%） | — | ${13 + r.int(3)} | ${18 + r.int(4)} |`);
  return rows.join('\n');
}

function termsOf(m) {
  return [...(m.evidence?.zh ?? []), ...(m.aliases?.zh ?? [])];
}

/** One plan body (preamble + chapters), headings at `depth` (2 = ## 一、 / ### （一）). */
function body(r, depth, place, density) {
  const h = (d) => '#'.repeat(Math.min(6, d));
  const out = [];
  out.push(`${h(depth)} 一、总体要求`);
  out.push(`${h(depth + 1)} （一）指导思想`);
  out.push(`以习近平新时代中国特色社会主义思想为指导，深入践行习近平生态文明思想，把减污降碳协同增效作为促进${place}经济社会发展全面绿色转型的总抓手，一体谋划、一体部署、一体推进、一体考核。`);
  out.push(`${h(depth + 1)} （二）工作原则`);
  for (const p of ['坚持系统谋划', '坚持源头治理', '坚持精准施策', '坚持多方共治']) out.push(`${p}。${r.pick(FILLERS)}，${r.pick(FILLERS)}。`);
  out.push(`${h(depth + 1)} （三）主要目标`);
  out.push(
    `到2025年，${place}减污降碳协同推进的工作格局基本形成，大宗固废综合利用率达到${58 + r.int(6)}%，短流程炼钢占比提高到${13 + r.int(5)}%，单位地区生产总值二氧化碳排放比2020年下降${17 + r.int(3)}%。到2030年，减污降碳协同能力显著提升，新能源汽车新车销售量占比达到${45 + r.int(10)}%，电解铝使用可再生能源比例达到${28 + r.int(6)}%。`,
  );
  if (r.chance(0.7)) out.push(indicatorTable(r));
  let chapter = 2;
  for (const area of profile.areas) {
    out.push(`${h(depth)} ${cn(chapter++)}、${area.title.zh}`);
    if (r.chance(0.4)) out.push(paragraph(r, [...(area.evidence?.zh ?? []), ...termsOf(area.measures[0])]));
    let sub = 1;
    for (const m of area.measures) {
      const terms = termsOf(m);
      out.push(`${h(depth + 1)} （${cn(sub++)}）${m.title.zh}`);
      const n = Math.max(1, Math.round(density * (1 + r.int(3))));
      for (let i = 0; i < n; i++) {
        const k = r.next();
        if (k < 0.62) out.push(paragraph(r, terms));
        else if (k < 0.8) out.push(list(r, terms, r.chance(0.5)));
        else if (k < 0.9) out.push(projectTable(r, terms));
        else if (k < 0.95) out.push(`${h(depth + 2)} ${1 + r.int(5)}. ${r.pick(VERBS)}${r.pick(terms)}\n\n${paragraph(r, terms)}`);
        else out.push(`<!-- 备注：${r.pick(UNITS)}牵头，${r.pick(FILLERS)} -->\n\n${paragraph(r, terms)}`);
      }
    }
  }
  return out;
}

/**
 * A draft of about `bytes` UTF-8 bytes. Small drafts are one plan; large ones add annexes
 * (附件: district task lists with the same structure), as provincial plans do.
 */
export function generateDraft(seed, bytes) {
  const r = rng(seed);
  const city = r.pick(CITIES);
  const parts = [];
  if (r.chance(0.3)) parts.push('---\nplanlint:\n  level: city\n---');
  parts.push(`# ${city}减污降碳协同增效实施方案（征求意见稿）`);
  parts.push(`为深入贯彻落实党中央、国务院关于碳达峰碳中和的重大决策部署，落实生态环境部等七部门《减污降碳协同增效实施方案》要求，统筹推进${city}大气、水、土壤、固体废物污染防治与温室气体排放控制，制定本实施方案。`);
  const size = () => Buffer.byteLength(parts.join('\n\n'));
  // density scales the main body: a 20 KB draft is one plan with one to three blocks per measure
  const density = Math.min(1, Math.max(0.25, bytes / 30000));
  parts.push(...body(r, 2, city, density));
  let annex = 1;
  while (size() < bytes * 0.97) {
    const place = `${city}${r.pick(DISTRICTS)}`;
    const before = parts.length;
    parts.push(`# 附件${annex++}：${place}减污降碳协同增效重点任务清单`);
    parts.push(...body(r, 2, place, 1));
    // overshoot control for small targets: drop the annex if it overshoots by a lot
    if (size() > bytes * 1.25) {
      parts.length = before;
      break;
    }
  }
  return parts.join('\n\n') + '\n';
}

/** `n` typical drafts (about 6–30 KB) written to `dir`; returns their paths. */
export function writeCorpus(dir, n, seed = 7) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const paths = [];
  for (let i = 0; i < n; i++) {
    const p = join(dir, `draft-${String(i).padStart(3, '0')}.md`);
    writeFileSync(p, generateDraft(seed * 1000 + i, 6000 + r.int(24000)));
    paths.push(p);
  }
  return paths;
}
