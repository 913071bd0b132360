import jsQR from 'jsqr'

/** Side of the largest image scanned at full size; bigger ones are also tried scaled down. */
const MAX_SIDE = 2400

function pixels(bitmap: ImageBitmap, scale: number): ImageData | null {
  const width = Math.max(1, Math.round(bitmap.width * scale))
  const height = Math.max(1, Math.round(bitmap.height * scale))
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx) return null
  ctx.imageSmoothingEnabled = scale < 1
  ctx.drawImage(bitmap, 0, 0, width, height)
  return ctx.getImageData(0, 0, width, height)
}

/**
 * Reads the QR code in an image from its real pixels (jsQR), wherever the code sits in it: a saved code or a
 * whole screenshot. Null when there is none.
 */
export async function decodeQr(image: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(image)
  try {
    const longest = Math.max(bitmap.width, bitmap.height)
    const scales = [Math.min(1, MAX_SIDE / longest), 0.5, 0.35].filter(
      (s, i, all) => all.indexOf(s) === i && s * longest >= 200,
    )
    for (const scale of scales) {
      const data = pixels(bitmap, scale)
      if (!data) return null
      const code = jsQR(data.data, data.width, data.height, { inversionAttempts: 'attemptBoth' })
      if (code?.data) return code.data
    }
    return null
  } finally {
    bitmap.close()
  }
}
