/** The catalog key for a count: `<key>.one` for exactly one ("1 page"), else `<key>` ("2 pages"). */
export function countKey(key: string, count: number): string {
  return count === 1 ? `${key}.one` : key;
}
