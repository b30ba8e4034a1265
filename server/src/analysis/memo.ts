/**
 * `fn` per text, remembered: blocks recur unchanged from one keystroke to the next, so re-analysis
 * only computes what an edit changed. Bounded (emptied at `max` entries); callers only read results.
 */
export function perText<T>(fn: (text: string) => T, max = 20000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (memo.has(text)) return memo.get(text) as T;
    if (memo.size >= max) memo.clear();
    const result = fn(text);
    memo.set(text, result);
    return result;
  };
}
