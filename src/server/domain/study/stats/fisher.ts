import { assertCount, logChoose, logFactorials, logSumExp } from './log-space.ts'

interface Group {
  successes: number
  n: number
}

/** R's tolerance: a table counts as "as extreme" when its probability is ≤ the observed one × (1 + 1e-7). */
const LOG_REL_ERR = Math.log1p(1e-7)

/**
 * Fisher's exact test on the 2×2 table [a.successes, a.n − a.successes; b.successes, b.n − b.successes],
 * two-sided as R's `fisher.test`: the probabilities of all tables with the same margins that are no more
 * likely than the observed one. oddsRatio is R's estimate, the conditional maximum-likelihood one (not the
 * sample ad/bc): 0 when a never succeeds given the margins, null when it is infinite or undefined.
 */
export function fisherExact(a: Group, b: Group): { p: number; oddsRatio: number | null } {
  for (const [name, g] of [
    ['a', a],
    ['b', b],
  ] as const) {
    assertCount(`${name}.n`, g.n)
    assertCount(`${name}.successes`, g.successes)
    if (g.successes > g.n) throw new RangeError(`${name}.successes > ${name}.n`)
  }
  const m = a.successes + b.successes // the column margin: successes overall
  const lo = Math.max(0, m - b.n)
  const hi = Math.min(m, a.n)
  if (lo === hi) return { p: 1, oddsRatio: null } // the margins leave one possible table
  const table = logFactorials(a.n + b.n)
  const support: number[] = []
  const logD: number[] = []
  for (let x = lo; x <= hi; x++) {
    support.push(x)
    logD.push(logChoose(table, a.n, x) + logChoose(table, b.n, m - x))
  }
  const observed = logD[a.successes - lo] ?? Number.NaN
  const extreme = logD.filter((d) => d <= observed + LOG_REL_ERR)
  const p = Math.min(1, Math.exp(logSumExp(extreme) - logSumExp(logD)))
  return { p, oddsRatio: conditionalMle(support, logD, a.successes) }
}

/** E[X] under the noncentral hypergeometric with log odds ratio t. */
function meanAt(support: readonly number[], logD: readonly number[], t: number): number {
  const shifted = logD.map((d, i) => d + (support[i] ?? 0) * t)
  const norm = logSumExp(shifted)
  let mean = 0
  shifted.forEach((d, i) => (mean += (support[i] ?? 0) * Math.exp(d - norm)))
  return mean
}

/** The odds ratio ψ with E[X | ψ] = x; E is increasing in ln ψ, so bisection on ln ψ finds it. */
function conditionalMle(
  support: readonly number[],
  logD: readonly number[],
  x: number,
): number | null {
  if (x === support[0]) return 0
  if (x === support[support.length - 1]) return null
  let low = -1
  let high = 1
  while (meanAt(support, logD, low) > x) low *= 2
  while (meanAt(support, logD, high) < x) high *= 2
  for (let i = 0; i < 200 && high - low > 1e-13; i++) {
    const mid = (low + high) / 2
    if (meanAt(support, logD, mid) < x) low = mid
    else high = mid
  }
  return Math.exp((low + high) / 2)
}
