import { describe, expect, it } from 'vitest'
import { encodeWithin, QUALITIES } from './shot.ts'

const blobOf = (size: number) => new Blob([new Uint8Array(size)], { type: 'image/jpeg' })

describe('encodeWithin', () => {
  it('takes the best quality that fits', async () => {
    const tried: number[] = []
    const blob = await encodeWithin(async (q) => {
      tried.push(q)
      return blobOf(q > 0.6 ? 2000 : 900)
    }, 1000)
    expect(blob?.size).toBe(900)
    expect(tried).toEqual([0.85, 0.7, 0.55])
  })

  it('answers null when nothing fits, or the encoder fails', async () => {
    expect(await encodeWithin(async () => blobOf(5000), 1000)).toBeNull()
    let calls = 0
    expect(
      await encodeWithin(async () => {
        calls++
        return null
      }, 1000),
    ).toBeNull()
    expect(calls).toBe(QUALITIES.length)
  })
})
