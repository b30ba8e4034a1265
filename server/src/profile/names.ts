import type { ProfileIndicator } from './types';

/** An indicator's display name: the profile's title, else its first term that names a rate or share, else its id. */
export function indicatorTitle(ind: ProfileIndicator | undefined, id: string, lang: 'zh' | 'en'): string {
  const title = ind?.title?.[lang];
  if (title) return title;
  const terms = ind ? (ind.terms[lang].length ? ind.terms[lang] : ind.terms.zh) : [];
  const name = terms.find((x) => /率|占比|比例|比重|\b(rate|share|ratio|proportion)\b/.test(x)) ?? terms[0] ?? id;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
