/**
 * `planlint/profile`: the areas and measures of a profile in both languages, so the client's
 * "open national measure" shows the profile that applies (a custom one too) without loading it itself.
 */
import type { Profile, ProfileIndicator } from '../profile/types';
import type { ProfileInfo } from '../protocol';

export function profileInfo(p: Profile): ProfileInfo {
  return {
    id: p.id,
    title: { zh: p.title.zh, en: p.title.en },
    source: p.source,
    areas: p.areas.map((a) => ({
      id: a.id,
      number: a.number,
      kind: a.kind,
      title: { zh: a.title.zh, en: a.title.en },
      mark: a.mark,
      measures: a.measures.map((m) => ({
        id: m.id,
        number: m.number,
        title: { zh: m.title.zh, en: m.title.en },
        short: { zh: m.short.zh, en: m.short.en },
        mark: m.mark,
        ...(m.wording ? { wording: { ...m.wording } } : {}),
        evidence: { zh: [...m.evidence.zh], en: [...m.evidence.en] },
      })),
    })),
  };
}

