// The manifest's client parts agree with the code and are fully translated.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../server/src/analysis/types';
import { Commands } from '../../../server/src/protocol';

const root = resolve(__dirname, '../../..');
const json = (p: string) => JSON.parse(readFileSync(resolve(root, p), 'utf8'));
const pkg = json('package.json');
const nls: Record<string, string> = json('package.nls.json');
const nlsZh: Record<string, string> = json('package.nls.zh-cn.json');
const bundle: Record<string, string> = json('l10n/bundle.l10n.json');
const bundleZh: Record<string, string> = json('l10n/bundle.l10n.zh-cn.json');

const clientDir = resolve(root, 'client/src');
const clientSources = readdirSync(clientDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(resolve(clientDir, f), 'utf8'));

/** Every string literal passed to vscode.l10n.t or to a `t` parameter/alias in the client. */
function clientMessages(): Set<string> {
  const keys = new Set<string>();
  for (const src of clientSources) {
    for (const m of src.matchAll(/(?:\bl10n\.t|\bt)\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1]);
  }
  return keys;
}

const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('package.json nls', () => {
  const used = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);

  it('has an English and a Chinese string for every %key% and no unused ones', () => {
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => !(k in nls))).toEqual([]);
    expect(used.filter((k) => !(k in nlsZh))).toEqual([]);
    expect(Object.keys(nls).filter((k) => !used.includes(k))).toEqual([]);
    expect(Object.keys(nlsZh).sort()).toEqual(Object.keys(nls).sort());
    for (const k of Object.keys(nlsZh)) expect(nlsZh[k], k).not.toBe(nls[k]);
  });
});

describe('l10n bundles', () => {
  it('hold exactly the client strings, each translated with the same placeholders', () => {
    const keys = clientMessages();
    expect(keys.size).toBeGreaterThan(30);
    expect([...keys].filter((k) => !(k in bundle))).toEqual([]);
    expect(Object.keys(bundle).filter((k) => !keys.has(k))).toEqual([]);
    for (const k of keys) {
      expect(bundle[k]).toBe(k);
      expect(bundleZh[k], k).toBeTruthy();
      expect(placeholders(bundleZh[k]), k).toEqual(placeholders(k));
    }
    expect(Object.keys(bundleZh).sort()).toEqual([...keys].sort());
  });

  it('is wired into the manifest', () => {
    expect(pkg.l10n).toBe('./l10n');
  });
});

describe('contributions', () => {
  const contributed: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
  const source = clientSources.join('\n');
  const protocolName = (id: string) => Object.entries(Commands).find(([, v]) => v === id)?.[0];

  it('registers every contributed command in the client, with a localised title in category PlanLint', () => {
    for (const c of pkg.contributes.commands) {
      const name = protocolName(c.command);
      const registered = source.includes(`registerCommand('${c.command}'`) || (!!name && source.includes(`registerCommand(Commands.${name}`));
      expect(registered, c.command).toBe(true);
      expect(c.title).toMatch(/^%command\.[A-Za-z]+%$/);
      expect(c.category).toBe('PlanLint');
    }
    for (const id of ['planlint.showCoverage', 'planlint.insertAllMissing', 'planlint.checkWorkspace', 'planlint.openNationalMeasure', 'planlint.restartServer']) {
      expect(contributed).toContain(id);
    }
  });

  it('does not contribute or register the server-side commands (languageclient registers them)', () => {
    expect(contributed).not.toContain(Commands.insertMissing);
    expect(contributed).not.toContain(Commands.fixAll);
    expect(source).not.toContain(`registerCommand(Commands.insertMissing`);
    expect(source).not.toContain(`registerCommand(Commands.fixAll`);
  });

  it('menus name contributed commands and the coverage view', () => {
    const views = pkg.contributes.views.explorer.map((v: { id: string }) => v.id);
    expect(views).toEqual(['planlint.coverageView']);
    for (const [menu, items] of Object.entries(pkg.contributes.menus as Record<string, { command: string; when?: string }[]>)) {
      for (const item of items) {
        expect(contributed, `${menu}: ${item.command}`).toContain(item.command);
        if (menu.startsWith('view/')) expect(item.when).toContain('view == planlint.coverageView');
      }
    }
  });

  it('points at files that exist', () => {
    const paths = [
      ...pkg.contributes.snippets.map((s: { path: string }) => s.path),
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path),
      ...pkg.contributes.jsonValidation.map((v: { url: string }) => v.url),
      ...pkg.contributes.yamlValidation.map((v: { url: string }) => v.url),
    ];
    for (const p of paths) expect(existsSync(resolve(root, p)), p).toBe(true);
    const grammar = json(pkg.contributes.grammars[0].path);
    expect(grammar.scopeName).toBe(pkg.contributes.grammars[0].scopeName);
    expect(pkg.contributes.grammars[0].injectTo).toEqual(['text.html.markdown']);
  });

  it('offers every rule id in planlint.severity, with the severities the config accepts', () => {
    const rules = pkg.contributes.configuration.properties['planlint.severity'].properties;
    expect(Object.keys(rules).sort()).toEqual([...RULE_IDS].sort());
    for (const r of Object.values(rules) as { enum: string[] }[]) expect(r.enum).toEqual(['error', 'warning', 'information', 'hint', 'off']);
  });

  it('activates on Markdown, on config files and to restore its report panel only', () => {
    expect(pkg.activationEvents).toEqual([
      'onLanguage:markdown',
      'workspaceContains:**/.planlintrc.json',
      'workspaceContains:**/.planlintrc.yaml',
      'workspaceContains:**/.planlintrc.yml',
      'workspaceContains:**/planlint.config.json',
      'onWebviewPanel:planlint.report',
    ]);
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(pkg.capabilities.virtualWorkspaces.supported).toBe(false);
  });
});
