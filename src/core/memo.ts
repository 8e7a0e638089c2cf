/**
 * A bounded memo for pure string functions: workbooks repeat the same headers and labels on every sheet,
 * so recognition normalises each distinct string once. Cleared when it grows past its bound.
 */
export function memoize<T>(fn: (s: string) => T, bound = 20000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= bound) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v as T;
  };
}
