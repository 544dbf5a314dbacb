/**
 * A function's results remembered per key, all forgotten at once when `limit` are held: news repeats its vocabulary,
 * so most lookups hit, and a long-running consumer (or one hostile text of distinct words) cannot grow it without bound.
 * The function must never return undefined.
 */
export function boundedMemo<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
