/**
 * Seeded randomness for the statistics: the domain never calls Math.random, so a bootstrap interval is a
 * function of its data and its seed, and the same study shows the same interval on every reload.
 */

/** mulberry32 (Tommy Ettinger, public domain): a 32-bit state, period 2^32, uniform on [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text` (so it matches the published test vectors). */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}
