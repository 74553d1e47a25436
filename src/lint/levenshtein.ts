/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** A likely rename or misspelling: close in edit distance for its length, or equal but for case. */
export function isCloseName(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const d = levenshtein(a.toLowerCase(), b.toLowerCase());
  return d <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4));
}
