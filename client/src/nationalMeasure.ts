/**
 * "Open national measure": a quick pick of the profile's areas and measures, then a read-only
 * virtual Markdown document with the number, title and wording. The profile comes from the server
 * (`planlint/profile`): the one that applies to the draft, a custom one included.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { type Mark, type ProfileAreaInfo, type ProfileInfo, type ProfileMeasureInfo, ProfileRequest } from '../../server/src/protocol';

export const NATIONAL_SCHEME = 'planlint-national';

function uiLang(): 'zh' | 'en' {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
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
export function nationalMarkdown(p: ProfileInfo, areaId: string, measureId?: string): string | undefined {
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

interface Pick extends vscode.QuickPickItem {
  area?: ProfileAreaInfo;
  measure?: ProfileMeasureInfo;
}

/** The content provider of `planlint-national:` documents and the "open national measure" command. */
export class NationalMeasures implements vscode.TextDocumentContentProvider {
  /** @param draft the draft whose profile applies (the tracked one), if any. */
  constructor(
    private readonly client: LanguageClient,
    private readonly draft: () => vscode.Uri | undefined,
  ) {}

  /** The profile of a draft (a protocol uri), or the workspace's without one. */
  private async profile(draft: string | undefined): Promise<ProfileInfo> {
    if (this.client.state === State.Stopped) await this.client.start();
    return this.client.sendRequest(ProfileRequest, draft ? { uri: draft } : {});
  }

  /** `planlint-national:/<area>[/<measure>].md?<draft uri>`. */
  uri(area: string, measure?: string, draft?: string): vscode.Uri {
    return vscode.Uri.from({ scheme: NATIONAL_SCHEME, path: `/${area}${measure ? `/${measure}` : ''}.md`, query: draft ?? '' });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const [areaId, measureId] = uri.path.replace(/^\//, '').replace(/\.md$/, '').split('/');
    const profile = await this.profile(uri.query || undefined);
    return nationalMarkdown(profile, areaId, measureId) ?? vscode.l10n.t('Unknown national measure: {0}', uri.path);
  }

  /** Opens the text of `area[/measure]`, asking with a quick pick when none is given. */
  async open(area?: string, measure?: string): Promise<vscode.TextEditor | undefined> {
    const draftUri = this.draft();
    const draft = draftUri ? this.client.code2ProtocolConverter.asUri(draftUri) : undefined;
    if (!area) {
      const lang = uiLang();
      const items: Pick[] = [];
      for (const a of (await this.profile(draft)).areas) {
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
    const doc = await vscode.workspace.openTextDocument(this.uri(area, measure, draft));
    return vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
}
