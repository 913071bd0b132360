/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal. */
export const Z95 = 1.959963984540054

/**
 * Wilson (1927) score interval for a proportion, without continuity correction: Newcombe (1998) method 3,
 * R's `prop.test(k, n, correct = FALSE)$conf.int`. Unlike k/n ± z·se it stays inside [0, 1] and does not
 * collapse to a point at 0/n or n/n, which matters at the small n of a usability study.
 */
export function wilsonInterval(
  successes: number,
  n: number,
  z: number = Z95,
): { low: number | null; high: number | null } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0: ${n}`)
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be a whole number in [0, n]: ${successes}`)
  }
  if (!(z > 0 && Number.isFinite(z))) throw new RangeError(`z must be positive: ${z}`)
  if (n === 0) return { low: null, high: null }
  const p = successes / n
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n)
  // At 0/n and n/n the bound is exactly 0 (or 1); computed, it would be off by a rounding error.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  }
}
