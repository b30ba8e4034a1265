/**
 * "Open national measure": a quick pick of the national areas and measures, then a read-only
 * virtual Markdown document with the national number, title and wording.
 */
import * as vscode from 'vscode';
import { loadBuiltinProfile } from '../../server/src/profile';
import type { Profile, ProfileArea, ProfileMeasure, Mark } from '../../server/src/profile/types';

export const NATIONAL_SCHEME = 'planlint-national';

function uiLang(): 'zh' | 'en' {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let cached: Profile | undefined;
function profile(): Profile {
  cached ??= loadBuiltinProfile();
  return cached;
}

function markText(mark: Mark): string {
  switch (mark) {
    case 'V':
      return vscode.l10n.t('verified wording');
    case 'P':
      return vscode.l10n.t('topic verified, wording recalled');
    default:
      return vscode.l10n.t('recalled, not verified');
  }
}

/** The virtual document's text for `area` or `area/measure`. */
export function nationalMarkdown(p: Profile, areaId: string, measureId?: string): string | undefined {
  const lang = uiLang();
  const other = lang === 'zh' ? 'en' : 'zh';
  const area = p.areas.find((a) => a.id === areaId);
  if (!area) return undefined;
  const lines: string[] = [];
  if (!measureId) {
    lines.push(`# ${area.number}${area.title[lang]}`, '', `*${area.title[other]}* · \`${area.id}\` · ${p.title[lang]}`, '');
    lines.push(`${vscode.l10n.t('Measures')}:`, '');
    for (const m of area.measures) lines.push(`- ${m.number}${m.title[lang]} (\`${area.id}/${m.id}\`)`);
    return lines.join('\n') + '\n';
  }
  const m = area.measures.find((x) => x.id === measureId);
  if (!m) return undefined;
  lines.push(`# ${m.number}${m.title[lang]}`, '');
  lines.push(`*${m.title[other]}* · \`${area.id}/${m.id}\` · ${area.number}${area.title[lang]} · ${p.title[lang]}`, '');
  const wording = m.wording?.[lang] ?? m.wording?.zh ?? m.wording?.en;
  if (m.wording && wording) {
    lines.push(`## ${vscode.l10n.t('National wording')} (${markText(m.wording.mark)})`, '');
    for (const para of wording.split(/\n+/)) lines.push(`> ${para}`, '>');
    lines.pop();
    lines.push('');
  } else {
    lines.push(`*${vscode.l10n.t('The national wording of this measure is not recorded in the profile.')}*`, '');
  }
  const terms = m.evidence[lang].length > 0 ? m.evidence[lang] : m.evidence[other];
  if (terms.length > 0) lines.push(`## ${vscode.l10n.t('Terms that count as evidence')}`, '', terms.join(' · '), '');
  lines.push(`${vscode.l10n.t('Title reliability')}: ${markText(m.mark)}`);
  return lines.join('\n') + '\n';
}

export class NationalMeasureProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    // planlint-national:/<area>/<measure>.md or /<area>.md
    const [areaId, measureId] = uri.path.replace(/^\//, '').replace(/\.md$/, '').split('/');
    return nationalMarkdown(profile(), areaId, measureId) ?? vscode.l10n.t('Unknown national measure: {0}', uri.path);
  }
}

export function nationalUri(area: string, measure?: string): vscode.Uri {
  return vscode.Uri.from({ scheme: NATIONAL_SCHEME, path: `/${area}${measure ? `/${measure}` : ''}.md` });
}

interface Pick extends vscode.QuickPickItem {
  area?: ProfileArea;
  measure?: ProfileMeasure;
}

/** Opens the national text of `area[/measure]`, asking with a quick pick when none is given. */
export async function openNationalMeasure(area?: string, measure?: string): Promise<vscode.TextEditor | undefined> {
  if (!area) {
    const lang = uiLang();
    const items: Pick[] = [];
    for (const a of profile().areas) {
      items.push({ label: `${a.number}${a.title[lang]}`, kind: vscode.QuickPickItemKind.Separator });
      items.push({ label: `$(book) ${a.number}${a.title[lang]}`, description: a.id, area: a });
      for (const m of a.measures) {
        items.push({ label: `${m.number}${m.title[lang]}`, description: `${a.id}/${m.id}`, detail: m.wording?.[lang] ?? m.wording?.zh, area: a, measure: m });
      }
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('National measure'),
      placeHolder: vscode.l10n.t('Choose a national task area or measure'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked?.area) return undefined;
    area = picked.area.id;
    measure = picked.measure?.id;
  }
  const doc = await vscode.workspace.openTextDocument(nationalUri(area, measure));
  return vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}
