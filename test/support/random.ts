// Seeded randomness for load and soak runs, so a failing run can be replayed with the seed it printed.
import { randomInt } from 'node:crypto'

/** A random number in [0, 1), like Math.random. */
export type Random = () => number

/** A fresh 32-bit seed, for a run that was given none. */
export const newSeed = (): number => randomInt(0, 2 ** 32)

/** Parses a `--seed` value (a non-negative integer below 2³²), or throws a readable error. */
export function parseSeed(text: string): number {
  const seed = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(seed) || seed >= 2 ** 32)
    throw new Error(`--seed wants an integer from 0 to ${2 ** 32 - 1}, not ${JSON.stringify(text)}`)
  return seed
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seeded(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/**
 * The generator of the `n`th unit of work (a cycle) of a run: its choices depend on the seed and `n`
 * only, never on how concurrent units interleave.
 */
export function streamOf(seed: number, n: number): Random {
  // Two rounds of a 32-bit mix (murmur3's finaliser) so that neighbouring n give unrelated streams.
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0
  for (let i = 0; i < 2; i++) {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
    h = (h ^ (h >>> 16)) >>> 0
  }
  return seeded(h)
}

/**
 * A generator of its own, drawn from `random` now: give one to each branch that runs concurrently, so
 * what a branch draws after an await does not depend on which branch's answer came back first.
 */
export const fork = (random: Random): Random => seeded(Math.floor(random() * 2 ** 32))

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T

export const chance = (random: Random, p: number): boolean => random() < p
