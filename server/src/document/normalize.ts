/** Text normalisation for matching: NFKC, Traditional -> Simplified (Taiwan phrases too), ASCII lower-case, collapsed whitespace. */
import { traditionalToSimplified } from './simplify';

const toSimplified = traditionalToSimplified('twp');

/** Han ideographs (BMP blocks; enough to decide whether conversion can change anything). */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function normalize(text: string): string {
  let s = text;
  try {
    s = s.normalize('NFKC');
  } catch {
    // lone surrogates etc.: keep as is
  }
  if (HAN.test(s)) {
    try {
      s = toSimplified(s);
    } catch {
      // degrade: keep the unconverted text
    }
  }
  s = s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  return s.replace(/\s+/g, ' ').trim();
}
