import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { readPayCode } from '../src/contract/paths.ts'

/** Reads the QR code in a PNG (a page screenshot, a downloaded image) from its pixels, in Node. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  const data = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length)
  return jsQR(data, image.width, image.height)?.data ?? null
}

/** The `pr` token of a pay code in either form. */
export function tokenOf(payload: string): string | null {
  return readPayCode(payload)
}
