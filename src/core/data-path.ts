// Where in an entry's data a value is: keys and list indexes from the root,
// ["roles", "administrators", 1]. Findings point with it, the schema's
// labels name it and the locator finds its line.

export type DataPath = readonly (string | number)[];

/** The value at a path of keys and list indexes, or undefined where the path does not exist. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
