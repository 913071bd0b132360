import type { ChatImageType } from '../../contract/chat-limits.ts'

/** What an image's own bytes say it is: its type and size in pixels. */
export interface SniffedImage {
  type: ChatImageType
  width: number
  height: number
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** Pixels on a side past which an image is not a phone's (and not one we draw). */
const MAX_SIDE = 20_000

const sane = (width: number, height: number) =>
  width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE

/** A PNG: the signature, then the IHDR chunk first, with the width and height. */
function png(bytes: Uint8Array): SniffedImage | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16))
  if (ihdr !== 'IHDR') return null
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  return sane(width, height) ? { type: 'image/png', width, height } : null
}

/** Start-of-frame markers (baseline, progressive, …), which carry the size; not DHT, JPG, DAC. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

/** A JPEG: SOI, then segments up to a start-of-frame, which holds the height and width. */
function jpeg(bytes: Uint8Array): SniffedImage | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1] ?? 0
    // Fill bytes, and markers without a length.
    if (marker === 0xff) {
      at += 1
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    const length = view.getUint16(at + 2)
    if (length < 2) return null
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return null
      const height = view.getUint16(at + 5)
      const width = view.getUint16(at + 7)
      return sane(width, height) ? { type: 'image/jpeg', width, height } : null
    }
    // Start of scan before any frame, or end of image: not a JPEG we can size.
    if (marker === 0xda || marker === 0xd9) return null
    at += 2 + length
  }
  return null
}

/** The image's type and size from its bytes, or null when it is not a PNG or JPEG. */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  return png(bytes) ?? jpeg(bytes)
}
