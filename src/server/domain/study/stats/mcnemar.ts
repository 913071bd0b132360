import { assertCount, logChoose, logFactorials, logSumExp } from './log-space.ts'

/**
 * McNemar's exact test: under "a and b are equally hard", each discordant pair (completed with a only,
 * or with b only) is a fair coin, so onlyA ~ Binomial(onlyA + onlyB, ½). Two-sided as R's
 * `binom.test(onlyA, onlyA + onlyB)`: by symmetry, twice the smaller tail, capped at 1.
 */
export function mcnemarExact(onlyA: number, onlyB: number): { p: number } {
  assertCount('onlyA', onlyA)
  assertCount('onlyB', onlyB)
  const n = onlyA + onlyB
  if (n === 0) return { p: 1 }
  const k = Math.min(onlyA, onlyB)
  const table = logFactorials(n)
  const terms: number[] = []
  for (let i = 0; i <= k; i++) terms.push(logChoose(table, n, i) - n * Math.LN2)
  return { p: Math.min(1, 2 * Math.exp(logSumExp(terms))) }
}
