/** Types of generate.mjs (the benchmark's draft generator, also used by tests). */
export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}
export function rng(seed: number): Rng;
/** A Chinese plan draft of about `bytes` UTF-8 bytes, deterministic for a seed. */
export function generateDraft(seed: number, bytes: number): string;
/** `n` typical drafts written to `dir`; their paths. */
export function writeCorpus(dir: string, n: number, seed?: number): string[];
