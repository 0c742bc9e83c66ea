/**
 * Up to `limit` candidates closest to a mistyped name, by edit distance and
 * then alphabetically; candidates too far off to be a typo are left out.
 */
export function suggestNames(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const tolerance = Math.max(2, Math.floor(wanted.length / 3));
  const scored: Array<{ name: string; distance: number }> = [];

  for (const name of new Set(candidates)) {
    // Substrings are likely what was meant (`coreaddons` → `kcoreaddons`).
    const contains = wanted.length >= 3 && name.includes(wanted);
    const distance = contains ? 0.5 : editDistance(wanted, name, tolerance);
    if (distance <= tolerance) scored.push({ name, distance });
  }

  scored.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1));
  return scored.slice(0, limit).map((entry) => entry.name);
}

/**
 * Levenshtein distance, giving up early (returning `limit + 1`) once it is
 * certain to exceed `limit`: the metadata has ~1000 names to compare.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;

  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
