/**
 * Mid-ranks (1-based, ties share the mean of the ranks they span), in the order of the input, and the tie
 * term Σ(t³ − t) over the groups of tied values that the normal approximations subtract from the variance.
 */
export function midRanks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  for (const x of values) {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`)
  }
  const order = values.map((_, i) => i).sort((i, j) => (values[i] ?? 0) - (values[j] ?? 0))
  const ranks: number[] = new Array<number>(values.length).fill(0)
  let tieTerm = 0
  for (let start = 0; start < order.length;) {
    const value = values[order[start] ?? 0]
    let end = start + 1
    while (end < order.length && values[order[end] ?? 0] === value) end++
    const rank = (start + 1 + end) / 2 // the mean of ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k] ?? 0] = rank
    const t = end - start
    tieTerm += t * t * t - t
    start = end
  }
  return { ranks, tieTerm }
}
