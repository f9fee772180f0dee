// The one small helper for grouping: many modules index lists by a key.

/** Adds `value` to the list under `key`, starting the list if there is none. O(1). */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Adds `value` to the set under `key`, starting the set if there is none. O(1). */
export function addToSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
