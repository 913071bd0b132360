import { encode } from 'uqr'
import type { SVGProps } from 'react'

/**
 * The mask every code is drawn with. A QR encoder picks the best of eight by scoring each (the standard's
 * penalty rules): that search was most of the time from a tap on 确认付款 to the code on screen (some 30 ms
 * on a phone; decision 018). Any of the eight is a valid code that every reader decodes; the cashier's
 * codes are decoded from screenshots in the e2e suite and by the simulated WeChat's 扫一扫.
 */
const MASK = 2

interface QrCodeProps extends Omit<SVGProps<SVGSVGElement>, 'viewBox' | 'width' | 'height'> {
  value: string
  /** Width and height in CSS pixels. */
  size: number
  /** The quiet zone around the code, in modules. */
  marginSize?: number
  level?: 'L' | 'M' | 'Q' | 'H'
}

/** One path of the dark modules, a row's runs each as a rectangle: `M x y h n v 1 h -n z`. */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  let d = ''
  modules.forEach((row, y) => {
    let x = 0
    while (x < row.length) {
      if (!row[x]) {
        x += 1
        continue
      }
      const start = x
      while (x < row.length && row[x]) x += 1
      d += `M${start} ${y}h${x - start}v1h${start - x}z`
    }
  })
  return d
}

/** A QR code of `value` as an SVG: dark modules on white, with its quiet zone. */
export function QrCode({ value, size, marginSize = 4, level = 'M', ...svg }: QrCodeProps) {
  const { data } = encode(value, { ecc: level, maskPattern: MASK, border: marginSize })
  const cells = data.length
  return (
    <svg
      {...svg}
      width={size}
      height={size}
      viewBox={`0 0 ${cells} ${cells}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <path fill="#FFFFFF" d={`M0 0h${cells}v${cells}H0z`} />
      <path fill="#000000" d={qrPath(data)} />
    </svg>
  )
}
