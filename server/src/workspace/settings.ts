/** The client's `planlint.*` settings (workspace/configuration section `planlint`), with defaults and type checks. */
import type { RuleId, Severity } from '../analysis/types';
import { LEVELS, type Level } from '../profile/types';

export interface ClientSettings {
  enable: boolean;
  profile?: string;
  level?: Level;
  severity?: Partial<Record<RuleId, Severity | 'off'>>;
  include: string[];
  snippetLibraries: string[];
  debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 75;

export const DEFAULT_SETTINGS: Readonly<ClientSettings> = {
  enable: true,
  include: [],
  snippetLibraries: [],
  debounceMs: DEFAULT_DEBOUNCE_MS,
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Whatever the client sent (possibly nothing, possibly wrong types) → settings. */
export function readSettings(raw: unknown): ClientSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const s: ClientSettings = { ...DEFAULT_SETTINGS };
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (typeof r.profile === 'string' && r.profile.trim()) s.profile = r.profile.trim();
  if (typeof r.level === 'string' && (LEVELS as readonly string[]).includes(r.level)) s.level = r.level as Level;
  if (r.severity && typeof r.severity === 'object' && !Array.isArray(r.severity)) {
    s.severity = Object.fromEntries(
      Object.entries(r.severity as Record<string, unknown>).filter(([, v]) =>
        ['error', 'warning', 'information', 'hint', 'off'].includes(v as string),
      ),
    ) as ClientSettings['severity'];
  }
  s.include = strings(r.include);
  s.snippetLibraries = strings(r.snippetLibraries);
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs)) s.debounceMs = Math.max(0, Math.min(5000, r.debounceMs));
  return s;
}
