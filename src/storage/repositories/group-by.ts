/** Groups rows by a key, keeping their order, mapping each row to a value. */
export function groupBy<R, V>(
  rows: R[],
  keyOf: (row: R) => string,
  valueOf: (row: R) => V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(valueOf(row));
    else groups.set(key, [valueOf(row)]);
  }
  return groups;
}
