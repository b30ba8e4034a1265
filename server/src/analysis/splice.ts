/** `list` with [a, b) replaced by `items`: in place for small changes, else a new array (no spread of a huge argument list). */
export function replaceRange<T>(list: T[], a: number, b: number, items: readonly T[]): T[] {
  if (items.length <= 1024) {
    list.splice(a, b - a, ...items);
    return list;
  }
  return list.slice(0, a).concat(items as T[], list.slice(b));
}
