import fc from 'fast-check'
import jsQR from 'jsqr'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { QrCode } from './QrCode.tsx'

const SCALE = 4

/** The drawn code's pixels (`M x y h n v 1 h -n z` runs on white), read back as a camera would. */
function decodeDrawn(svg: string): string | null {
  const cells = Number(/viewBox="0 0 (\d+) /.exec(svg)?.[1])
  const side = cells * SCALE
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255)
  const dark = darkPath(svg)
  for (const [, x, y, n] of dark.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let row = Number(y) * SCALE; row < (Number(y) + 1) * SCALE; row++)
      for (let col = Number(x) * SCALE; col < (Number(x) + Number(n)) * SCALE; col++)
        pixels.fill(0, (row * side + col) * 4, (row * side + col) * 4 + 3)
  }
  return jsQR(pixels, side, side)?.data ?? null
}

const darkPath = (svg: string) => /fill="#000000" d="([^"]*)"/.exec(svg)?.[1] ?? ''

describe('QrCode', () => {
  it('draws a code that reads back as its value, at the size asked, with its quiet zone', () => {
    const svg = renderToStaticMarkup(
      <QrCode value="weixin://wxpay/bizpayurl?pr=abc" size={180} marginSize={3} aria-hidden />,
    )
    expect(svg).toMatch(/^<svg aria-hidden="true" width="180" height="180"/)
    expect(decodeDrawn(svg)).toBe('weixin://wxpay/bizpayurl?pr=abc')
    // Three modules of white around the code: no dark run starts in the first three rows or columns.
    for (const [, x, y] of darkPath(svg).matchAll(/M(\d+) (\d+)h/g))
      expect(Math.min(Number(x), Number(y))).toBeGreaterThanOrEqual(3)
  })

  it('reads back for any pay link the cashier may draw', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\w-]{20,60}$/), (token) => {
        const value = `https://sim.example/wechat/pay?pr=${token}`
        return decodeDrawn(renderToStaticMarkup(<QrCode value={value} size={180} />)) === value
      }),
      { numRuns: 25 },
    )
  })
})
